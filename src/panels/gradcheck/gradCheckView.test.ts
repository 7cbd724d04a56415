import { describe, expect, it } from 'vitest';
import { gradCheckGroups } from '../../engine/gradcheck.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../../contracts/runConfig.ts';
import { buildRun } from '../../trainer/buildRun.ts';
import type { GradCheckRow } from '../../contracts/protocol.ts';
import { formatPower, forwardCost, groupCount, groupSymbol, groupTensorName, maxPerGroupFor, MIN_PER_GROUP, passes, PASS_THRESHOLD } from './gradCheckView.ts';

const row = (name: string, tensor: string, gate: string | null, relError = 0): GradCheckRow =>
  ({ name, tensor, gate, checked: 1, relError, maxAbsError: 0, analyticNorm: 1, numericNorm: 1 });

describe('gradient-check view', () => {
  it('names groups the way the equations write them, in PyTorch\'s notation', () => {
    expect(groupSymbol(row('weight_ih_l0[f]', 'weight_ih_l0', 'f'))).toEqual({ base: 'W', sub: 'if' });
    expect(groupSymbol(row('weight_hh_l1[z]', 'weight_hh_l1', 'z'))).toEqual({ base: 'W', sub: 'hz' });
    expect(groupSymbol(row('bias_ih_l0[g]', 'bias_ih_l0', 'g'))).toEqual({ base: 'b', sub: 'ig' });
    expect(groupSymbol(row('bias_hh_l0[o]', 'bias_hh_l0', 'o'))).toEqual({ base: 'b', sub: 'ho' });
    expect(groupSymbol(row('peephole_l0[i]', 'peephole_l0', 'i'))).toEqual({ base: 'p', sub: 'i' });
    expect(groupSymbol(row('weight_hh_l0', 'weight_hh_l0', null))).toEqual({ base: 'W', sub: 'hh' });
    expect(groupSymbol(row('bias_ih_l0', 'bias_ih_l0', 'a'))).toEqual({ base: 'b', sub: 'ih' });
    expect(groupSymbol(row('head.weight', 'head.weight', null))).toEqual({ base: 'W', sub: 'ŷ' });
    expect(groupSymbol(row('head.bias', 'head.bias', null))).toEqual({ base: 'b', sub: 'ŷ' });
  });

  it('names tensors as the model panel and the exports do (fc, not the engine\'s head)', () => {
    expect(groupTensorName('lstm', 'weight_ih_l0[f]')).toBe('lstm.weight_ih_l0[f]');
    expect(groupTensorName('gru', 'bias_hh_l1')).toBe('gru.bias_hh_l1');
    expect(groupTensorName('rnn', 'head.weight')).toBe('fc.weight');
    expect(groupTensorName('lstm', 'head.bias')).toBe('fc.bias');
  });

  it('passes below the threshold', () => {
    expect(passes(row('x', 'x', null, 1e-9))).toBe(true);
    expect(passes(row('x', 'x', null, PASS_THRESHOLD))).toBe(false);
    expect(passes(row('x', 'x', null, NaN))).toBe(false);
    expect(formatPower(1e-5)).toBe('10⁻⁵');
  });

  for (const [cell, peephole, task] of [['lstm', true, 'sine'], ['gru', false, 'frequency'], ['rnn', false, 'adding']] as const) {
    it(`${cell}: counts the engine's groups from the model summary`, () => {
      const run = buildRun({ ...DEFAULT_RUN_CONFIG, cell, peephole, task, numLayers: 2, hiddenSize: 5 });
      expect(groupCount(run.summary)).toBe(gradCheckGroups(run.net.params).length);
    });
  }

  it('checks every weight of the default model, and samples a large one', () => {
    const small = buildRun(DEFAULT_RUN_CONFIG).summary;
    expect(forwardCost(small, 40, 16)).toBe(40 * 16 * 4 * 12 * (1 + 12) + 40 * 16 * 12);
    expect(maxPerGroupFor(small, DEFAULT_RUN_CONFIG.seqLen, DEFAULT_RUN_CONFIG.batchSize)).toBeNull();
    const big: RunConfig = { ...DEFAULT_RUN_CONFIG, hiddenSize: 64, seqLen: 100 };
    const n = maxPerGroupFor(buildRun(big).summary, 100, 16);
    expect(n).not.toBeNull();
    expect(n!).toBeGreaterThanOrEqual(MIN_PER_GROUP);
    expect(n!).toBeLessThan(64);
  });
});
