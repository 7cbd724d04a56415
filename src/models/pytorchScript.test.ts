import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/rng.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { type TaskId } from '../tasks/taskSpec.ts';
import { dataTaskMeta } from '../tasks/dataTasks.ts';
import { datasetInfo, type DatasetId } from '../tasks/data/datasets.ts';
import { readDataset } from '../tasks/data/load.ts';
import { buildRun, optimizerConfigOf } from '../trainer/buildRun.ts';
import { pytorchScript, py, ScriptUnsupportedError, type ScriptInput } from './pytorchScript.ts';

const hasPython = spawnSync('python3', ['--version']).status === 0;

function inputFor(config: RunConfig, dataset: DatasetId | null = null): ScriptInput {
  let taskMeta = null;
  let data;
  if (dataset) {
    const info = datasetInfo(dataset);
    const buf = readFileSync(new URL(`../../public/datasets/${info.file}`, import.meta.url));
    const loaded = readDataset(info, buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    data = loaded.kind === 'text' ? { kind: 'text' as const, text: loaded.text } : { kind: 'table' as const, table: loaded.table };
  }
  const run = buildRun(config, data);
  if (dataset) taskMeta = dataTaskMeta(run.task);
  return {
    config,
    model: run.net.config,
    optimizer: optimizerConfigOf(config),
    step: 120,
    dataRng: new Rng(config.seed).fork(2).getState(),
    taskMeta,
    weightsFile: 'lstm-h12-step120.safetensors',
  };
}

function parsesAsPython(source: string): void {
  const r = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: source, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

const CASES: [string, RunConfig, DatasetId | null][] = [
  ['sine, LSTM, Adam, clipping by norm', DEFAULT_RUN_CONFIG, null],
  ['adding, ReLU RNN, SGD', { ...DEFAULT_RUN_CONFIG, task: 'adding', cell: 'rnn', nonlinearity: 'relu', optimizer: 'sgd', clip: 'none' }, null],
  ['temporal order, GRU, RMSprop, clipping by value', { ...DEFAULT_RUN_CONFIG, task: 'temporalOrder', cell: 'gru', optimizer: 'rmsprop', clip: 'value' }, null],
  ['first symbol', { ...DEFAULT_RUN_CONFIG, task: 'firstSymbol' }, null],
  ['frequency', { ...DEFAULT_RUN_CONFIG, task: 'frequency' }, null],
  ['airline passengers forecast', { ...DEFAULT_RUN_CONFIG, task: 'airline' as TaskId, seqLen: 12 }, 'airline'],
  ['office occupancy classification', { ...DEFAULT_RUN_CONFIG, task: 'occupancy' as TaskId, seqLen: 10 }, 'occupancy'],
  ['Shakespeare characters', { ...DEFAULT_RUN_CONFIG, task: 'shakespeare' as TaskId, seqLen: 20, maxSymbols: 60 }, 'shakespeare'],
];

describe('the exported PyTorch script', () => {
  for (const [name, config, dataset] of CASES) {
    it(`is self-contained Python with the module, data, loss, optimiser and loop (${name})`, () => {
      const input = inputFor(config, dataset);
      const src = pytorchScript(input);
      expect(src).toContain(`self.${input.model.cell} = nn.`);
      expect(src).toContain('def train_batch(rng, B):');
      expect(src).toContain('model.load_state_dict(');
      expect(src).toContain(`for step in range(121, 121 + args.steps):`);
      expect(src).toContain(`lr=${py(config.learningRate)}`);
      if (config.clip === 'norm') expect(src).toContain(`clip_grad_norm_(model.parameters(), ${py(config.clipValue)})`);
      if (dataset === 'airline') {
        const meta = input.taskMeta as Extract<NonNullable<ScriptInput['taskMeta']>, { kind: 'forecast' }>;
        expect(src).toContain(`SCALER_OFFSET = ${py(meta.scaler.offset)}`);
        expect(src).toContain(`SCALER_SCALE = ${py(meta.scaler.scale)}`);
        expect(src).toContain(`WINDOW, HORIZON, STRIDE = 12, 1, 1`);
      }
      if (hasPython) parsesAsPython(src);
    });
  }

  it('refuses what torch.nn cannot express', () => {
    expect(() => pytorchScript(inputFor({ ...DEFAULT_RUN_CONFIG, peephole: true }))).toThrow(ScriptUnsupportedError);
    expect(() => pytorchScript(inputFor({ ...DEFAULT_RUN_CONFIG, gateActivation: 'hardSigmoid' }))).toThrow(ScriptUnsupportedError);
  });

  it.runIf(hasPython)("ports the page's random-number generator draw for draw", () => {
    const src = pytorchScript(inputFor(DEFAULT_RUN_CONFIG));
    const cls = /class PageRng:[\s\S]*?\n(?=\S)/.exec(src)![0];
    const state = new Rng(7).fork(2).getState();
    const program = `import math\n${cls}\nr = PageRng(${py(state)})\nprint([r.uint32() for _ in range(5)], [r.int(7) for _ in range(5)], repr(r.next()), repr(r.uniform(-1, 3)))`;
    const out = execFileSync('python3', ['-c', program], { encoding: 'utf8' }).trim();
    const js = Rng.fromState(state);
    const want = `[${Array.from({ length: 5 }, () => js.uint32()).join(', ')}] [${Array.from({ length: 5 }, () => js.int(7)).join(', ')}] ${js.next()} ${js.uniform(-1, 3)}`;
    expect(out).toBe(want);
  });
});
