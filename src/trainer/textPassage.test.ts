import { describe, expect, it } from 'vitest';
import { RecurrentNet } from '../engine/network.ts';
import { bundled, picked } from '../testing/dataFixtures.ts';
import { dataTaskMeta } from '../tasks/dataTasks.ts';
import { PASSAGE_CHARS, type TextMeta } from '../tasks/text.ts';
import { buildRun } from './buildRun.ts';
import { createEvaluator } from './evaluation.ts';
import { passageBatch, passageBuffers } from './textPassage.ts';

const shakespeare = bundled('shakespeare');

function textRun(cell: 'lstm' | 'rnn') {
  const config = picked('shakespeare', { cell, hiddenSize: 5, numLayers: 2, seed: 3 });
  const run = buildRun(config, shakespeare);
  const meta = dataTaskMeta(run.task) as TextMeta;
  const evaluation = createEvaluator(run, config.seed, () => 0)!.poll(0, config.temperature, true);
  if (evaluation?.kind !== 'text') throw new Error('expected a text evaluation');
  return { run, meta, evaluation };
}

describe('the text view’s passage', () => {
  const { run, meta, evaluation } = textRun('lstm');

  it('is held-out text from the probe window on, longer than the window', () => {
    expect(meta.passage).toHaveLength(PASSAGE_CHARS);
    expect(meta.passage.slice(0, meta.seqLen)).toEqual(meta.probe.input);
    expect(meta.probe.start).toBeGreaterThanOrEqual(meta.trainEnd);
  });

  it('is the passage’s symbols, one per timestep', () => {
    const batch = passageBatch(meta);
    expect(batch.T).toBe(PASSAGE_CHARS);
    expect(batch.symbols).toHaveLength(PASSAGE_CHARS);
    expect(Array.from(batch.symbols!, (k) => meta.vocab.symbols[k])).toEqual(meta.passage);
    expect(passageBatch(meta)).toBe(batch);
  });

  it('carries the states of every layer along it, as the net computes them', () => {
    const p = evaluation.passage;
    expect(p.T).toBe(PASSAGE_CHARS);
    expect(p.H).toBe(5);
    expect(p.layers).toHaveLength(2);
    const direct = new RecurrentNet(run.net.config, run.net.params).forward(passageBatch(meta));
    for (const l of [0, 1]) {
      expect(p.layers[l].h).toEqual(new Float32Array(direct.layers[l].h));
      expect(p.layers[l].c).toEqual(new Float32Array(direct.layers[l].c!));
      expect(p.layers[l].act).toEqual(new Float32Array(direct.layers[l].act));
    }
    // h, c and act of both layers, each transferred once.
    expect(passageBuffers(p)).toHaveLength(6);
  });

  it('shares an RNN’s h and act, and transfers that buffer once', () => {
    const rnn = textRun('rnn').evaluation.passage;
    expect(rnn.layers[0].act).toBe(rnn.layers[0].h);
    expect(rnn.layers[0].c).toBeNull();
    expect(passageBuffers(rnn)).toHaveLength(2);
  });
});
