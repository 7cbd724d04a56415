import { describe, expect, it } from 'vitest';
import { makeModelConfig, type ModelConfig } from '../engine/config.ts';
import { initParams } from '../engine/init.ts';
import { RecurrentNet } from '../engine/network.ts';
import { Rng } from '../engine/rng.ts';
import { brokenModelFiles } from '../testing/brokenModelFiles.ts';
import { modelFileStem, modelToSafetensors, modelToStateDictJson, readModelBytes, sniffFile } from './modelFile.ts';

function trained(config: ModelConfig, seed: number): RecurrentNet {
  const net = new RecurrentNet(config);
  initParams(net.params, new Rng(seed), { scheme: 'glorotUniform', recurrent: 'orthogonal', forgetBias: 1 });
  return net;
}

function input(T: number, B: number, I: number): Float64Array {
  const rng = new Rng(11);
  return Float64Array.from({ length: T * B * I }, () => rng.normal());
}

const MODELS: [string, ModelConfig][] = [
  ['LSTM with a head', makeModelConfig({ cell: 'lstm', inputSize: 3, hiddenSize: 5, numLayers: 2, outputSize: 2 })],
  ['GRU, many-to-many', makeModelConfig({ cell: 'gru', inputSize: 2, hiddenSize: 4, outputSize: 1, outputMode: 'sequence' })],
  ['ReLU RNN', makeModelConfig({ cell: 'rnn', inputSize: 1, hiddenSize: 6, outputSize: 3, nonlinearity: 'relu' })],
  ['peephole LSTM', makeModelConfig({ cell: 'lstm', inputSize: 2, hiddenSize: 3, outputSize: 1, peephole: true })],
];

describe('model files', () => {
  for (const [name, config] of MODELS) {
    it(`export then import gives a bit-identical forward pass (${name}, safetensors and state_dict JSON)`, () => {
      const net = trained(config, 3);
      const x = input(7, 2, config.inputSize);
      const want = net.forward({ x, T: 7, B: 2 });
      const files = [modelToSafetensors(config, net.params.data), new TextEncoder().encode(modelToStateDictJson(config, net.params.data))];
      for (const bytes of files) {
        const imported = readModelBytes(bytes, config.nonlinearity);
        expect(imported.prefix).toBe(`${config.cell}.`);
        expect(imported.headPrefix).toBe('fc.');
        expect(imported.params.data).toEqual(net.params.data);
        const again = new RecurrentNet({ ...imported.config, outputMode: config.outputMode });
        again.params.data.set(imported.params.data);
        const got = again.forward({ x, T: 7, B: 2 });
        expect(Array.from(got.output)).toEqual(Array.from(want.output));
      }
    });
  }

  it('writes the names the model panel shows', () => {
    const config = MODELS[0][1];
    const text = modelToStateDictJson(config, trained(config, 1).params.data);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'lstm.weight_ih_l0', 'lstm.weight_hh_l0', 'lstm.bias_ih_l0', 'lstm.bias_hh_l0',
      'lstm.weight_ih_l1', 'lstm.weight_hh_l1', 'lstm.bias_ih_l1', 'lstm.bias_hh_l1',
      'fc.weight', 'fc.bias',
    ]);
    expect(modelFileStem(config, 300)).toBe('lstm-l2-h5-step300');
  });

  it('tells JSON from safetensors by their first bytes', () => {
    expect(sniffFile(new TextEncoder().encode('\ufeff  {"a": 1}'))).toBe('json');
    expect(sniffFile(modelToSafetensors(MODELS[1][1], trained(MODELS[1][1], 1).params.data))).toBe('safetensors');
    expect(sniffFile(new Uint8Array([1, 2, 3]))).toBe('unknown');
  });

  describe('a corpus of broken files, each with its message', () => {
    for (const file of brokenModelFiles()) {
      it(file.name, () => {
        expect(() => readModelBytes(file.bytes)).toThrow(file.message);
      });
    }
  });
});
