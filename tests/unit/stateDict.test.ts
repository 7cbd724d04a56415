import { describe, expect, it } from 'vitest';
import { makeModelConfig, type ModelConfig } from '../../src/engine/config.ts';
import { exportStateDict, importStateDict } from '../../src/engine/interop/stateDict.ts';
import { ParamStore } from '../../src/engine/params.ts';
import { Rng } from '../../src/engine/rng.ts';

function randomModel(partial: Partial<ModelConfig>, seed = 1): { config: ModelConfig; params: ParamStore } {
  const config = makeModelConfig(partial);
  const params = new ParamStore(config);
  const rng = new Rng(seed);
  // Values with full 53-bit mantissas, so any lossy step in the round trip shows.
  for (let i = 0; i < params.size; i++) params.data[i] = rng.normal() * 10 ** rng.uniform(-3, 3);
  return { config, params };
}

/** A copy of a state_dict through JSON text, as the file on disk would be. */
const viaJson = (sd: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(sd)) as Record<string, unknown>;

function lstm2(): Record<string, unknown> {
  const { config, params } = randomModel({ cell: 'lstm', inputSize: 3, hiddenSize: 4, numLayers: 2, outputSize: 2 });
  return viaJson(exportStateDict(config, params));
}

describe('exportStateDict → importStateDict round trip', () => {
  const configs: Partial<ModelConfig>[] = [
    { cell: 'lstm', inputSize: 3, hiddenSize: 4, numLayers: 2, outputSize: 2 },
    { cell: 'lstm', inputSize: 1, hiddenSize: 3, numLayers: 3, outputSize: null, peephole: true },
    { cell: 'gru', inputSize: 5, hiddenSize: 2, numLayers: 1, outputSize: 7 },
    { cell: 'gru', inputSize: 2, hiddenSize: 6, numLayers: 4, outputSize: null },
    { cell: 'rnn', inputSize: 2, hiddenSize: 3, numLayers: 2, outputSize: 1, nonlinearity: 'relu' },
  ];
  it.each(configs.map((c) => [`${c.cell} L=${c.numLayers} head=${c.outputSize}${c.peephole ? ' peephole' : ''}`, c] as const))('%s is exact', (_n, partial) => {
    const { config, params } = randomModel(partial);
    const sd = exportStateDict(config, params);
    const back = importStateDict(viaJson(sd), { nonlinearity: config.nonlinearity });
    expect(back.config).toEqual(config);
    expect(back.prefix).toBe(`${config.cell}.`);
    expect(back.headPrefix).toBe(config.outputSize === null ? null : 'fc.');
    expect(Array.from(back.params.data)).toEqual(Array.from(params.data));
  });

  it('names and nests tensors like state_dict().tolist(), in state_dict order', () => {
    const { config, params } = randomModel({ cell: 'gru', inputSize: 2, hiddenSize: 3, numLayers: 2, outputSize: 1 });
    params.value('weight_ih_l0').set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    const sd = exportStateDict(config, params, { prefix: 'encoder.rnn.', headPrefix: 'decoder.' });
    expect(Object.keys(sd)).toEqual([
      'encoder.rnn.weight_ih_l0', 'encoder.rnn.weight_hh_l0', 'encoder.rnn.bias_ih_l0', 'encoder.rnn.bias_hh_l0',
      'encoder.rnn.weight_ih_l1', 'encoder.rnn.weight_hh_l1', 'encoder.rnn.bias_ih_l1', 'encoder.rnn.bias_hh_l1',
      'decoder.weight', 'decoder.bias',
    ]);
    expect(sd['encoder.rnn.weight_ih_l0'][1]).toEqual([3, 4]);
    expect(sd['encoder.rnn.weight_ih_l0']).toHaveLength(9);
    expect(sd['decoder.bias']).toHaveLength(1);
    const back = importStateDict(viaJson(sd));
    expect([back.prefix, back.headPrefix]).toEqual(['encoder.rnn.', 'decoder.']);
  });

  it('takes ParamStore order from names, not from key order', () => {
    const sd = lstm2();
    const shuffled = Object.fromEntries(Object.entries(sd).reverse());
    expect(Array.from(importStateDict(shuffled).params.data)).toEqual(Array.from(importStateDict(sd).params.data));
  });
});

describe('importStateDict infers the architecture', () => {
  const make = (cell: 'lstm' | 'gru' | 'rnn', I: number, H: number, L: number, prefix: string, head?: [string, number]) => {
    const G = { lstm: 4, gru: 3, rnn: 1 }[cell];
    const zeros = (...shape: number[]): unknown => (shape.length === 1 ? new Array(shape[0]).fill(0.25) : Array.from({ length: shape[0] }, () => zeros(...shape.slice(1))));
    const sd: Record<string, unknown> = {};
    for (let l = 0; l < L; l++) {
      sd[`${prefix}weight_ih_l${l}`] = zeros(G * H, l ? H : I);
      sd[`${prefix}weight_hh_l${l}`] = zeros(G * H, H);
      sd[`${prefix}bias_ih_l${l}`] = zeros(G * H);
      sd[`${prefix}bias_hh_l${l}`] = zeros(G * H);
    }
    if (head) {
      sd[`${head[0]}weight`] = zeros(head[1], H);
      sd[`${head[0]}bias`] = zeros(head[1]);
    }
    return sd;
  };

  it.each([
    ['lstm', 2, 5, 1, 'lstm.', ['fc.', 3]],
    ['gru', 3, 4, 2, '', undefined],
    ['rnn', 1, 7, 4, 'a.b.c.', ['head.', 1]],
    ['lstm', 6, 1, 3, 'net.rnn.', ['', 2]],
  ] as const)('%s I=%i H=%i L=%i prefix "%s"', (cell, I, H, L, prefix, head) => {
    const m = importStateDict(make(cell, I, H, L, prefix, head as [string, number] | undefined));
    expect(m.config).toMatchObject({ cell, inputSize: I, hiddenSize: H, numLayers: L, outputSize: head?.[1] ?? null, outputMode: 'last', peephole: false, nonlinearity: 'tanh' });
    expect(m.prefix).toBe(prefix);
    expect(m.headPrefix).toBe(head?.[0] ?? null);
    expect(m.params.value('weight_hh_l0')[0]).toBe(0.25);
  });

  it('takes nonlinearity and outputMode from the options', () => {
    const m = importStateDict(make('rnn', 2, 3, 1, 'rnn.'), { nonlinearity: 'relu', outputMode: 'sequence' });
    expect(m.config).toMatchObject({ nonlinearity: 'relu', outputMode: 'sequence' });
  });

  it('reads our own peephole_l{k} tensors', () => {
    const sd = make('lstm', 2, 3, 2, 'lstm.');
    sd['lstm.peephole_l0'] = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    sd['lstm.peephole_l1'] = [[0, 0, 0], [0, 0, 0], [0, 0, 1]];
    const m = importStateDict(sd);
    expect(m.config.peephole).toBe(true);
    expect(Array.from(m.params.value('peephole_l0'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('importStateDict errors name the tensor', () => {
  const cases: [string, (sd: Record<string, unknown>) => void, RegExp][] = [
    ['wrong shape', (sd) => (sd['lstm.weight_hh_l1'] = (sd['lstm.weight_hh_l1'] as number[][]).map((r) => r.slice(1))),
      /tensor 'lstm\.weight_hh_l1' has shape \[16, 3\], expected \[16, 4\]/],
    ['wrong head shape', (sd) => (sd['fc.weight'] = [[1, 2, 3]]), /tensor 'fc\.weight' has shape \[1, 3\], expected \[1, 4\]/],
    ['ragged', (sd) => ((sd['lstm.weight_ih_l0'] as number[][])[5] = [1, 2]), /tensor 'lstm\.weight_ih_l0' is ragged: \[5\] has length 2, expected length 3/],
    ['ragged depth', (sd) => ((sd['lstm.weight_ih_l0'] as unknown[])[2] = 7), /tensor 'lstm\.weight_ih_l0' is ragged: \[2\] has a number/],
    ['missing tensor', (sd) => delete sd['lstm.bias_hh_l1'], /missing tensor 'lstm\.bias_hh_l1'/],
    ['missing head bias', (sd) => delete sd['fc.bias'], /missing tensor 'fc\.bias'/],
    ['missing head weight', (sd) => delete sd['fc.weight'], /missing tensor 'fc\.weight'/],
    ['unknown tensor', (sd) => (sd['lstm.gamma'] = [1]), /unknown tensor 'lstm\.gamma'/],
    ['second module', (sd) => (sd['bn.running_mean'] = [1, 2, 3, 4]), /unknown tensor 'bn\.running_mean'/],
    ['stray module before the head', (sd) => {
      const head = [sd['fc.weight'], sd['fc.bias']];
      delete sd['fc.weight'];
      delete sd['fc.bias'];
      Object.assign(sd, { 'embedding.weight': [[1, 2], [3, 4]], 'fc.weight': head[0], 'fc.bias': head[1] });
    }, /unknown tensor 'embedding\.weight'/],
    ['two recurrent modules', (sd) => (sd['enc.weight_ih_l0'] = [[1]]), /tensor 'enc\.weight_ih_l0' belongs to a second recurrent module/],
    ['NaN', (sd) => ((sd['lstm.weight_hh_l0'] as number[][])[3][2] = NaN), /tensor 'lstm\.weight_hh_l0' has a non-finite value \(NaN\) at \[3\]\[2\]/],
    ['Infinity', (sd) => ((sd['fc.bias'] as number[])[1] = -Infinity), /tensor 'fc\.bias' has a non-finite value \(-Infinity\) at \[1\]/],
    ['string', (sd) => ((sd['lstm.bias_ih_l1'] as unknown[])[4] = '0.5'), /tensor 'lstm\.bias_ih_l1' is ragged or non-numeric: element \[4\] is string/],
    ['null', (sd) => ((sd['lstm.weight_ih_l1'] as unknown[][])[0][1] = null), /tensor 'lstm\.weight_ih_l1' is ragged or non-numeric: element \[0\]\[1\] is null/],
    ['bidirectional', (sd) => (sd['lstm.weight_ih_l0_reverse'] = sd['lstm.weight_ih_l0']), /tensor 'lstm\.weight_ih_l0_reverse': bidirectional RNNs are not supported/],
    ['proj_size', (sd) => (sd['lstm.weight_hr_l0'] = [[1]]), /tensor 'lstm\.weight_hr_l0': LSTM with proj_size is not supported/],
    ['bias=False', (sd) => Object.keys(sd).filter((k) => k.includes('bias_')).forEach((k) => delete sd[k]), /bias=False/],
    ['5 layers', (sd) => {
      for (const k of ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh']) for (const l of [2, 3, 4]) sd[`lstm.${k}_l${l}`] = sd[`lstm.${k}_l1`];
    }, /tensor 'lstm\.\w+_l4': at most 4 layers are supported, this model has 5/],
    ['gap in layers', (sd) => {
      for (const k of ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh']) sd[`lstm.${k}_l2`] = sd[`lstm.${k}_l1`];
      for (const k of ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh']) delete sd[`lstm.${k}_l1`];
    }, /missing tensor 'lstm\.weight_ih_l1'/],
    ['not a gate multiple', (sd) => (sd['lstm.weight_hh_l0'] = Array.from({ length: 8 }, () => [0, 0, 0, 0])),
      /tensor 'lstm\.weight_hh_l0' has shape \[8, 4\]: rows must be 1, 3 or 4 × 4/],
    ['peephole on a GRU-shaped model', (sd) => {
      for (const l of [0, 1]) for (const k of ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh']) sd[`lstm.${k}_l${l}`] = (sd[`lstm.${k}_l${l}`] as unknown[]).slice(0, 12);
      sd['lstm.peephole_l0'] = [[0]];
    }, /tensor 'lstm\.peephole_l0': peepholes exist only for LSTM cells/],
    ['1-D weight', (sd) => (sd['lstm.weight_hh_l0'] = [1, 2, 3]), /tensor 'lstm\.weight_hh_l0' has shape \[3\], expected 2 dimensions/],
  ];
  it.each(cases)('%s', (_name, mutate, message) => {
    const sd = lstm2();
    mutate(sd);
    expect(() => importStateDict(sd)).toThrow(message);
  });

  it('hidden size above 512', () => {
    const sd = { 'rnn.weight_ih_l0': [[0]], 'rnn.weight_hh_l0': [new Array(513).fill(0)], 'rnn.bias_ih_l0': [0], 'rnn.bias_hh_l0': [0] };
    expect(() => importStateDict(sd)).toThrow(/tensor 'rnn\.weight_hh_l0' has shape \[1, 513\]: hidden size must be 1 to 512, got 513/);
  });

  it('no recurrent tensors, or not an object', () => {
    expect(() => importStateDict({ 'fc.weight': [[1]], 'fc.bias': [1] })).toThrow(/no recurrent tensors found/);
    expect(() => importStateDict([] as unknown as Record<string, unknown>)).toThrow(/must be a JSON object/);
  });

  it('a key named __proto__ is seen, not swallowed', () => {
    const sd = JSON.parse(JSON.stringify(lstm2()).replace(/^\{/, '{"__proto__": [1],')) as Record<string, unknown>;
    expect(() => importStateDict(sd)).toThrow(/unknown tensor '__proto__'/);
  });
});
