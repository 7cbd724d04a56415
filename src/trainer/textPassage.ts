/**
 * The text view's passage (TextMeta.passage: a stretch of held-out text from the probe window's start, longer
 * than the training window) run through the current net, for the activation (LSTMVis-style) view: a unit that
 * tracks line ends or quotes needs more than one window of text to show it. One B = 1 forward pass, sent with
 * the text sample at the evaluation's low rate.
 */
import type { ForwardTrace, SequenceBatch } from '../engine/network.ts';
import type { TextMeta } from '../tasks/text.ts';
import type { PassageTrace } from '../contracts/protocol.ts';

const batches = new WeakMap<TextMeta, SequenceBatch>();

/** The passage as symbol ids [T, 1] (a one-hot input the engine looks up), built once per run (its meta). */
export function passageBatch(meta: TextMeta): SequenceBatch {
  let batch = batches.get(meta);
  if (!batch) batches.set(meta, (batch = symbolPassage(meta)));
  return batch;
}

function symbolPassage(meta: TextMeta): SequenceBatch {
  const index = new Map(meta.vocab.symbols.map((s, k) => [s, k]));
  const symbols = Int32Array.from(meta.passage, (ch) => index.get(ch) ?? meta.vocab.unk);
  return { x: new Float64Array(0), symbols, T: symbols.length, B: 1 };
}

/** h, c and the gate activations along the passage, as Float32 copies (they are transferred to the page). */
export function capturePassage(trace: ForwardTrace, H: number): PassageTrace {
  const layers = trace.layers.map((l) => {
    const h = new Float32Array(l.h);
    // An RNN's activation is its new h: share the copy.
    return { h, c: l.c ? new Float32Array(l.c) : null, act: l.act === l.h ? h : new Float32Array(l.act) };
  });
  return { T: trace.T, H, layers };
}

/** Buffers of a passage trace, each once, for the transfer list. */
export function passageBuffers(p: PassageTrace): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const l of p.layers) for (const a of [l.h, l.c, l.act]) if (a) out.add(a.buffer as ArrayBuffer);
  return [...out];
}
