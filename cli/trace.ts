/**
 * npm run trace -- --model M --input X [--target Y] [--output last|sequence] [--nonlinearity tanh|relu] [--out FILE]
 *
 * Runs a PyTorch-trained RNN / LSTM / GRU (state_dict as JSON or .safetensors) on an input and dumps every
 * hidden state, gate and (with --target) gradient as JSON, to compare against PyTorch step by step.
 * This file only handles argv and files; the work is in src/engine/interop/traceIo.ts.
 * Any failure is one line on stderr, `trace: <message>`, and exit code 2.
 */
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import type { OutputMode, RnnNonlinearity } from '../src/engine/config.ts';
import { parsePythonJson } from '../src/engine/interop/pyJson.ts';
import { importSafetensors } from '../src/engine/interop/safetensors.ts';
import { importStateDict, type ImportedModel, type ImportOptions } from '../src/engine/interop/stateDict.ts';
import { runTrace } from '../src/engine/interop/traceIo.ts';

const USAGE =
  'usage: npm run trace -- --model M.json|M.safetensors --input X.json [--target Y.json] ' +
  '[--output last|sequence] [--nonlinearity tanh|relu] [--out FILE]';

const FLAGS = ['model', 'input', 'target', 'output', 'nonlinearity', 'out'] as const;
type Flag = (typeof FLAGS)[number];
const CHOICES: Partial<Record<Flag, readonly string[]>> = { output: ['last', 'sequence'], nonlinearity: ['tanh', 'relu'] };

/** Accepts `--flag value` and `--flag=value`; rejects unknown, repeated and value-less flags. */
function parseArgs(argv: string[]): Partial<Record<Flag, string>> {
  const args: Partial<Record<Flag, string>> = {};
  for (let k = 0; k < argv.length; k++) {
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(argv[k]);
    if (!m) throw new Error(`unexpected argument '${argv[k]}' (${USAGE})`);
    const flag = m[1] as Flag;
    if (!FLAGS.includes(flag)) throw new Error(`unknown flag --${m[1]} (${USAGE})`);
    if (args[flag] !== undefined) throw new Error(`--${flag} is given twice`);
    const value = m[2] ?? argv[++k];
    if (value === undefined || value === '') throw new Error(`--${flag} needs a value`);
    const choices = CHOICES[flag];
    if (choices && !choices.includes(value)) throw new Error(`--${flag} must be ${choices.join(' or ')}, got '${value}'`);
    args[flag] = value;
  }
  for (const flag of ['model', 'input'] as const) if (args[flag] === undefined) throw new Error(`--${flag} is required (${USAGE})`);
  return args;
}

/**
 * The largest file read. Models the engine can run are a few tens of MB even as JSON; without a limit
 * `--model /dev/zero` would read until memory runs out.
 */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** The file's bytes, read in chunks so that a device or a pipe that never ends is stopped at the limit. */
function readFile(path: string, flag: Flag): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(`cannot read --${flag} file '${path}': ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.message}`);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return Buffer.concat(chunks, total);
      total += n;
      if (total > MAX_FILE_BYTES) throw new Error(`--${flag} file '${path}' is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB, the most trace reads`);
      chunks.push(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

function readJson(path: string, flag: Flag): unknown {
  // Python's json.dump writes NaN and Infinity: they are read, so the model check names the tensor.
  return parsePythonJson(readFile(path, flag).toString('utf8'), `--${flag} file '${path}'`);
}

function loadModel(path: string, opts: ImportOptions): ImportedModel {
  const isSafetensors = path.endsWith('.safetensors');
  const contents = isSafetensors ? readFile(path, 'model') : readJson(path, 'model');
  try {
    return isSafetensors ? importSafetensors(contents as Buffer, opts) : importStateDict(contents as Record<string, unknown>, opts);
  } catch (e) {
    throw new Error(`model '${path}': ${(e as Error).message}`);
  }
}

function main(argv: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const args = parseArgs(argv);
  const opts: ImportOptions = {
    nonlinearity: (args.nonlinearity ?? 'tanh') as RnnNonlinearity,
    outputMode: (args.output ?? 'last') as OutputMode,
  };
  const model = loadModel(args.model as string, opts);
  const input = readJson(args.input as string, 'input');
  const target = args.target === undefined ? undefined : readJson(args.target, 'target');
  const json = JSON.stringify(runTrace(model, input, target)) + '\n';
  if (args.out === undefined) process.stdout.write(json);
  else {
    try {
      writeFileSync(args.out, json);
    } catch (e) {
      throw new Error(`cannot write --out file '${args.out}': ${(e as Error).message}`);
    }
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`trace: ${(e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = 2;
}
