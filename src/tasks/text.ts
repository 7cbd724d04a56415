/**
 * Character-level language modelling (char-rnn): one-hot characters in (given to the engine as symbol ids), the next character out at every
 * timestep (many-to-many, softmax cross-entropy), and a sampler that writes new text at a temperature.
 * Characters are Unicode code points, so CJK text works; a large alphabet can be cut to its K most frequent
 * characters plus an unknown symbol.
 */
import type { Rng } from '../engine/rng.ts';
import type { TrainingBatch } from '../engine/train.ts';
import type { Task } from './task.ts';

/** Stands for every character outside a restricted vocabulary (U+FFFD, the replacement character). */
export const UNK = '\uFFFD';

export interface Vocab {
  /** Sorted by code point; UNK, when present, comes last. */
  symbols: string[];
  /** Occurrences in the text; UNK's count is the characters it stands for. */
  counts: number[];
  /** Index of UNK, −1 when every character has its own symbol. */
  unk: number;
  /** Characters (code points) in the text and how many are distinct. */
  totalChars: number;
  distinct: number;
  /** Share of the text's characters that have their own symbol (1 without a limit). */
  coverage: number;
}

const byCodePoint = (a: string, b: string): number => a.codePointAt(0)! - b.codePointAt(0)!;

/** The text's alphabet; with `maxSymbols` = K, only the K most frequent characters (ties by code point) plus UNK. */
export function buildVocab(text: string, maxSymbols: number | null = null): Vocab {
  const freq = new Map<string, number>();
  let total = 0;
  for (const ch of text) {
    freq.set(ch, (freq.get(ch) ?? 0) + 1);
    total++;
  }
  let kept = [...freq.keys()];
  if (maxSymbols !== null) {
    if (!Number.isInteger(maxSymbols) || maxSymbols < 1) throw new RangeError(`maxSymbols must be a positive integer, got ${maxSymbols}`);
    if (maxSymbols < kept.length) kept = kept.sort((a, b) => freq.get(b)! - freq.get(a)! || byCodePoint(a, b)).slice(0, maxSymbols);
  }
  const symbols = kept.sort(byCodePoint);
  const counts = symbols.map((s) => freq.get(s)!);
  const covered = counts.reduce((a, b) => a + b, 0);
  const restricted = kept.length < freq.size;
  if (restricted) {
    symbols.push(UNK);
    counts.push(total - covered);
  }
  return { symbols, counts, unk: restricted ? symbols.length - 1 : -1, totalChars: total, distinct: freq.size, coverage: total > 0 ? covered / total : 1 };
}

/** Symbol indices of a text; characters outside the vocabulary become UNK (or are dropped if there is none). */
export function encodeText(text: string, vocab: Vocab): Int32Array {
  const index = new Map(vocab.symbols.map((s, k) => [s, k]));
  if (vocab.unk >= 0) index.set(UNK, vocab.unk);
  const out: number[] = [];
  for (const ch of text) {
    const k = index.get(ch) ?? vocab.unk;
    if (k >= 0) out.push(k);
  }
  return Int32Array.from(out);
}

export function decodeText(codes: ArrayLike<number>, vocab: Vocab): string {
  let s = '';
  for (let t = 0; t < codes.length; t++) s += vocab.symbols[codes[t]];
  return s;
}

export interface TextSource {
  id: string;
  text: string;
}

export interface TextOptions {
  /** Timesteps per training window. */
  seqLen: number;
  /** Keep only the K most frequent characters (+ UNK); null = all. */
  maxSymbols: number | null;
  /** The text's tail kept for validation (default 0.1). */
  validationFraction: number;
  /** Windows in the validation batch, evenly spaced over the tail. */
  validationWindows: number;
}

const DEFAULT_TEXT: TextOptions = { seqLen: 40, maxSymbols: null, validationFraction: 0.1, validationWindows: 32 };

export interface TextMeta {
  kind: 'text';
  source: string;
  vocab: Vocab;
  seqLen: number;
  /** Characters [0, trainEnd) are trained on; the rest is the validation tail. */
  trainEnd: number;
  totalChars: number;
  /** The probe window: its start (in characters), input symbols and next-character targets, for the text view. */
  probe: { start: number; input: string[]; target: string[] };
  /** Up to PASSAGE_CHARS symbols from the probe's start: the longer text the activation view runs the net over. */
  passage: string[];
}

/** Length of TextMeta.passage: several lines, so units that track line ends or quotes can show it. */
export const PASSAGE_CHARS = 320;

export interface TextTask {
  task: Task;
  meta: TextMeta;
}

/**
 * Windows starting at `starts`: the one-hot input as symbol ids [T, B] (the engine looks their W_ih columns up
 * instead of multiplying V-wide one-hot rows), target [T·B] next-symbol indices (row t·B + b). `dense` also
 * fills x [T, B, V] one-hot, for the probe, whose frames show the input.
 */
function textBatch(codes: Int32Array, V: number, T: number, starts: ArrayLike<number>, dense = false): TrainingBatch {
  const B = starts.length;
  const symbols = new Int32Array(T * B);
  const target = new Float64Array(T * B);
  const x = new Float64Array(dense ? T * B * V : 0);
  for (let b = 0; b < B; b++) {
    const s = starts[b];
    for (let t = 0; t < T; t++) {
      symbols[t * B + b] = codes[s + t];
      target[t * B + b] = codes[s + t + 1];
      if (dense) x[(t * B + b) * V + codes[s + t]] = 1;
    }
  }
  return { x, symbols, T, B, target, mask: null };
}

export function textTask(source: TextSource, options: Partial<TextOptions> = {}, taskId = 'text'): TextTask {
  const o: TextOptions = { ...DEFAULT_TEXT, ...options };
  const T = o.seqLen;
  if (!Number.isInteger(T) || T < 1) throw new RangeError(`seqLen must be a positive integer, got ${T}`);
  const vocab = buildVocab(source.text, o.maxSymbols);
  const codes = encodeText(source.text, vocab);
  const V = vocab.symbols.length;
  const N = codes.length;
  const trainEnd = Math.floor(N * (1 - o.validationFraction));
  // A window needs T inputs and one more character for the last target.
  const trainStarts = trainEnd - T;
  const tailStarts = N - T - trainEnd;
  if (trainStarts < 1 || tailStarts < 1) throw new RangeError(`a text of ${N} characters is too short for windows of ${T}`);
  const nVal = Math.min(o.validationWindows, tailStarts);
  const valStarts = Int32Array.from({ length: nVal }, (_, k) => trainEnd + Math.floor((k * tailStarts) / nVal));
  // The probe starts at a line start in the validation tail, so the text view shows whole lines.
  const newline = vocab.symbols.indexOf('\n');
  let probeStart = trainEnd;
  for (let s = trainEnd; s < trainEnd + tailStarts; s++) {
    if (s > 0 && codes[s - 1] === newline) {
      probeStart = s;
      break;
    }
  }
  const symbolsAt = (from: number, n: number) => Array.from(codes.subarray(from, from + n), (c) => vocab.symbols[c]);
  const meta: TextMeta = {
    kind: 'text',
    source: source.id,
    vocab,
    seqLen: T,
    trainEnd,
    totalChars: N,
    probe: { start: probeStart, input: symbolsAt(probeStart, T), target: symbolsAt(probeStart + 1, T) },
    passage: symbolsAt(probeStart, PASSAGE_CHARS),
  };
  const task: Task = {
    id: taskId,
    loss: 'crossEntropy',
    inputSize: V,
    outputSize: V,
    outputMode: 'sequence',
    seqLen: T,
    classes: vocab.symbols,
    trainBatch: (rng: Rng, B: number) => textBatch(codes, V, T, Int32Array.from({ length: B }, () => rng.int(trainStarts))),
    validation: textBatch(codes, V, T, valStarts),
    probe: textBatch(codes, V, T, [probeStart], true),
  };
  return { task, meta };
}

/** Scores of the next symbol (length V) after a context of symbol indices, e.g. the net's last output row. */
export type NextLogits = (context: Int32Array) => ArrayLike<number>;

/** Index drawn from softmax(logits / temperature); temperature ≤ 0 takes the most likely symbol. */
export function drawSymbol(logits: ArrayLike<number>, temperature: number, rng: Rng): number {
  const V = logits.length;
  let best = 0;
  for (let k = 1; k < V; k++) if (logits[k] > logits[best]) best = k;
  if (!(temperature > 0)) return best;
  const top = logits[best] / temperature;
  const w = new Float64Array(V);
  let sum = 0;
  for (let k = 0; k < V; k++) sum += w[k] = Math.exp(logits[k] / temperature - top);
  let u = rng.next() * sum;
  for (let k = 0; k < V; k++) {
    u -= w[k];
    if (u < 0) return k;
  }
  return best;
}

/**
 * `length` new characters after `seedText`, each drawn at `temperature` from the scores `logitsFn` gives for
 * the last `maxContext` symbols. Seed characters outside the vocabulary become UNK (or are skipped); an empty
 * seed starts from a newline when the vocabulary has one. Same rng state ⇒ same text.
 */
export function sample(
  logitsFn: NextLogits, seedText: string, length: number, temperature: number, rng: Rng, vocab: Vocab, maxContext = 64,
): string {
  const seed = encodeText(seedText, vocab);
  const newline = vocab.symbols.indexOf('\n');
  const codes: number[] = seed.length > 0 ? [...seed] : [Math.max(0, newline)];
  let out = '';
  for (let n = 0; n < length; n++) {
    const context = Int32Array.from(codes.slice(-maxContext));
    const logits = logitsFn(context);
    if (logits.length !== vocab.symbols.length) throw new Error(`logitsFn returned ${logits.length} scores for ${vocab.symbols.length} symbols`);
    const k = drawSymbol(logits, temperature, rng);
    codes.push(k);
    out += vocab.symbols[k];
  }
  return out;
}
