import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import type { FromWorker, RunSnapshot } from '../contracts/protocol.ts';
import { weightsByName } from './resume.ts';
import { TrainerCore } from './trainerCore.ts';
import { ParamStore } from '../engine/params.ts';
import { clock, lossesOf, ofType } from '../testing/workerMessages.ts';

const SMALL: RunConfig = { ...DEFAULT_RUN_CONFIG, seqLen: 10, hiddenSize: 6, batchSize: 4 };

const validationOf = (msgs: FromWorker[]) => ofType(msgs, 'progress').flatMap((m) => m.progress.validation);

function snapshotOf(core: TrainerCore, runId = 1): RunSnapshot {
  const out = core.handle({ type: 'snapshot', runId, requestId: 7 });
  const snap = ofType(out, 'snapshot')[0];
  expect(snap.requestId).toBe(7);
  return snap.snapshot;
}

function resumed(config: RunConfig, snap: RunSnapshot): TrainerCore {
  const core = new TrainerCore(clock());
  const { weights, model, ...state } = snap;
  const init = core.handle({ type: 'init', runId: 1, config, resume: { weights: weightsByName(new ParamStore(model), weights), state } });
  expect(ofType(init, 'error')).toEqual([]);
  expect(ofType(init, 'status')[0].step).toBe(snap.step);
  expect(ofType(init, 'frame')[0].frame.step).toBe(snap.step);
  return core;
}

describe('snapshot and resume', () => {
  for (const [name, config] of [
    ['LSTM, Adam, sine', SMALL],
    ['RNN, SGD with momentum, adding problem', { ...SMALL, task: 'adding', cell: 'rnn', optimizer: 'sgd', seqLen: 12 }],
    ['GRU, RMSprop, frequency classification', { ...SMALL, task: 'frequency', cell: 'gru', optimizer: 'rmsprop' }],
  ] as [string, RunConfig][]) {
    it(`a run resumed at step k gives exactly the uninterrupted run's next losses (${name})`, () => {
      const whole = new TrainerCore(clock());
      whole.handle({ type: 'init', runId: 1, config });
      const first = whole.handle({ type: 'step', runId: 1, count: 20 });
      const snap = snapshotOf(whole);
      expect(snap.step).toBe(20);
      expect(lossesOf(first)).toHaveLength(20);
      const rest = whole.handle({ type: 'step', runId: 1, count: 40 });

      const again = resumed(config, structuredClone(snap));
      const restAgain = again.handle({ type: 'step', runId: 1, count: 40 });
      expect(lossesOf(restAgain)).toEqual(lossesOf(rest));
      expect(validationOf(restAgain)).toEqual(validationOf(rest));
      expect(ofType(restAgain, 'progress')[0].progress.firstStep).toBe(21);
      expect(again.weights).toEqual(whole.weights);
    });
  }

  it('a snapshot while playing flushes the pending losses first', () => {
    const core = new TrainerCore(clock());
    core.handle({ type: 'init', runId: 1, config: SMALL });
    core.handle({ type: 'play', runId: 1 });
    core.runFor(0.05);
    const out = core.handle({ type: 'snapshot', runId: 1, requestId: 1 });
    const types = out.map((m) => m.type);
    expect(types[types.length - 1]).toBe('snapshot');
    const snap = ofType(out, 'snapshot')[0].snapshot;
    const progress = ofType(out, 'progress');
    if (progress.length > 0) {
      const p = progress[progress.length - 1].progress;
      expect(p.firstStep + p.losses.length - 1).toBe(snap.step);
    }
  });

  it('imported weights start at step 0; a missing head keeps its initialisation; bad tensors are refused', () => {
    const a = new TrainerCore(clock());
    a.handle({ type: 'init', runId: 1, config: SMALL });
    a.handle({ type: 'step', runId: 1, count: 5 });
    const snap = snapshotOf(a);
    const named = weightsByName(new ParamStore(snap.model), snap.weights);

    const fresh = new TrainerCore(clock());
    fresh.handle({ type: 'init', runId: 1, config: SMALL });
    const initial = fresh.weights!.slice();

    const { 'head.weight': _w, 'head.bias': _b, ...body } = named;
    const b = new TrainerCore(clock());
    const out = b.handle({ type: 'init', runId: 1, config: SMALL, resume: { weights: body } });
    expect(ofType(out, 'status')[0].step).toBe(0);
    const params = new ParamStore(snap.model);
    for (const s of params.specs) {
      const got = b.weights!.slice(s.offset, s.offset + s.size);
      expect(got).toEqual(s.layer >= 0 ? named[s.name] : initial.slice(s.offset, s.offset + s.size));
    }

    const bad = new TrainerCore(clock());
    const { weight_hh_l0: _hh, ...noHh } = named;
    expect(ofType(bad.handle({ type: 'init', runId: 1, config: SMALL, resume: { weights: noHh } }), 'error')[0].message).toBe("resume: missing tensor 'weight_hh_l0'");
    const short = { ...named, bias_ih_l0: new Float64Array(3) };
    expect(ofType(bad.handle({ type: 'init', runId: 2, config: SMALL, resume: { weights: short } }), 'error')[0].message).toBe("resume: tensor 'bias_ih_l0' has 3 values, expected 24");
  });
});
