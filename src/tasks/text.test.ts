import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/rng.ts';
import { buildVocab, decodeText, drawSymbol, encodeText, sample, textTask, UNK } from './text.ts';

describe('vocabulary', () => {
  it('is the sorted alphabet with counts', () => {
    const v = buildVocab('hello world');
    expect(v.symbols).toEqual([' ', 'd', 'e', 'h', 'l', 'o', 'r', 'w']);
    expect(v.counts).toEqual([1, 1, 1, 1, 3, 2, 1, 1]);
    expect(v).toMatchObject({ unk: -1, totalChars: 11, distinct: 8, coverage: 1 });
  });

  it('counts code points, not UTF-16 units', () => {
    const v = buildVocab('床前明月光𠀀');
    expect(v.totalChars).toBe(6);
    expect(v.symbols).toContain('𠀀');
  });

  it('keeps the K most frequent characters plus UNK and reports the coverage', () => {
    const v = buildVocab('aaabbbccd', 2);
    expect(v.symbols).toEqual(['a', 'b', UNK]);
    expect(v.counts).toEqual([3, 3, 3]);
    expect(v.unk).toBe(2);
    expect(v.coverage).toBeCloseTo(6 / 9, 15);
    expect(decodeText(encodeText('abcd', v), v)).toBe(`ab${UNK}${UNK}`);
  });

  it('round-trips text through the codes', () => {
    const text = 'To be, or not to be';
    const v = buildVocab(text);
    expect(decodeText(encodeText(text, v), v)).toBe(text);
  });
});

describe('textTask', () => {
  const text = 'abcdefghij\n'.repeat(40);

  it('is many-to-many: one-hot inputs as symbol ids, next-character targets', () => {
    const { task, meta } = textTask({ id: 't', text }, { seqLen: 6 });
    expect(task).toMatchObject({ loss: 'crossEntropy', inputSize: 11, outputSize: 11, outputMode: 'sequence', seqLen: 6 });
    const b = task.trainBatch(new Rng(1), 3);
    // Training batches carry no dense one-hot rows: the engine looks the symbols up.
    expect(b.x.length).toBe(0);
    expect(b.symbols!.length).toBe(6 * 3);
    expect(b.target.length).toBe(6 * 3);
    for (let t = 0; t < 6; t++) {
      for (let k = 0; k < 3; k++) {
        const cur = b.symbols![t * 3 + k];
        const next = b.target[t * 3 + k];
        expect((cur + 1) % 11 === next || (meta.vocab.symbols[cur] === 'j' && meta.vocab.symbols[next] === '\n')).toBe(true);
      }
    }
  });

  it('gives the probe its dense one-hot rows too (frames show the input), the same symbols as its ids', () => {
    const { task } = textTask({ id: 't', text }, { seqLen: 6 });
    const p = task.probe;
    expect(p.x.length).toBe(6 * 11);
    for (let t = 0; t < 6; t++) {
      const row = p.x.subarray(t * 11, (t + 1) * 11);
      expect(row.reduce((s, v) => s + v, 0)).toBe(1);
      expect(row.indexOf(1)).toBe(p.symbols![t]);
    }
  });

  it('keeps a validation tail and a probe starting on a line', () => {
    const { task, meta } = textTask({ id: 't', text }, { seqLen: 8 });
    expect(meta.trainEnd).toBe(396);
    expect(task.validation.B).toBe(32);
    expect(meta.probe.start).toBeGreaterThanOrEqual(meta.trainEnd);
    expect(meta.probe.input[0]).toBe('a');
    expect(meta.probe.target.slice(0, 3)).toEqual(['b', 'c', 'd']);
  });

  it('restricts the vocabulary on request', () => {
    const { task, meta } = textTask({ id: 't', text: 'aaaaaaaabbbbbbbbcd'.repeat(10) }, { seqLen: 4, maxSymbols: 2 });
    expect(task.inputSize).toBe(3);
    expect(meta.vocab.coverage).toBeCloseTo(16 / 18, 12);
  });
});

describe('sampling', () => {
  const v = buildVocab('abc');
  /** Strongly prefers the symbol after the last one: a → b → c → a. */
  const cycle = (ctx: Int32Array) => {
    const out = new Float64Array(3);
    out[(ctx[ctx.length - 1] + 1) % 3] = 4;
    return out;
  };

  it('is greedy at temperature 0', () => {
    expect(sample(cycle, 'a', 5, 0, new Rng(1), v)).toBe('bcabc');
  });

  it('is reproducible with the same seed and varies with another', () => {
    const a = sample(cycle, 'a', 200, 1.5, new Rng(7), v);
    expect(sample(cycle, 'a', 200, 1.5, new Rng(7), v)).toBe(a);
    expect(sample(cycle, 'a', 200, 1.5, new Rng(8), v)).not.toBe(a);
  });

  it('gets more random as the temperature rises', () => {
    const follows = (s: string) => [...s].filter((c, i) => i > 0 && 'abc'.indexOf(c) === ('abc'.indexOf(s[i - 1]) + 1) % 3).length / (s.length - 1);
    const cold = follows(sample(cycle, 'a', 400, 0.5, new Rng(3), v));
    const hot = follows(sample(cycle, 'a', 400, 5, new Rng(3), v));
    expect(cold).toBeGreaterThan(0.95);
    expect(hot).toBeLessThan(0.7);
  });

  it('passes at most maxContext symbols of context', () => {
    const lengths: number[] = [];
    sample((ctx) => (lengths.push(ctx.length), [1, 0, 0]), 'abcabc', 4, 1, new Rng(1), v, 4);
    expect(lengths).toEqual([4, 4, 4, 4]);
  });

  it('draws in proportion to softmax(logits / T)', () => {
    const rng = new Rng(11);
    const counts = [0, 0];
    for (let i = 0; i < 20000; i++) counts[drawSymbol([Math.log(3), 0], 1, rng)]++;
    expect(counts[0] / 20000).toBeCloseTo(0.75, 1);
  });
});
