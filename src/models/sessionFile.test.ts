import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import type { UserCsv } from '../tasks/userData.ts';
import type { CsvTable } from '../tasks/csv/parse.ts';
import type { RunSnapshot } from '../contracts/protocol.ts';
import { TrainerCore } from '../trainer/trainerCore.ts';
import { csvFingerprint, decodeSession, encodeSession, resumeOf, sameData, sessionData, type SavedSession } from './sessionFile.ts';
import { clock, lossesOf, ofType } from '../testing/workerMessages.ts';

const CONFIG: RunConfig = { ...DEFAULT_RUN_CONFIG, seqLen: 10, hiddenSize: 5, batchSize: 4 };

/** A run trained for `k` steps and saved, and the losses of its next `n` steps without interruption. */
function savedAt(config: RunConfig, k: number, n: number): { session: SavedSession; next: number[] } {
  const core = new TrainerCore(clock());
  core.handle({ type: 'init', runId: 1, config });
  const first = lossesOf(core.handle({ type: 'step', runId: 1, count: k }));
  const snapshot: RunSnapshot = ofType(core.handle({ type: 'snapshot', runId: 1, requestId: 1 }), 'snapshot')[0].snapshot;
  const session: SavedSession = {
    config,
    snapshot,
    loss: { train: first, time: first.map((_, i) => i), stride: 1, validation: [] },
    data: null,
    savedAt: Date.UTC(2026, 0, 2),
  };
  return { session, next: lossesOf(core.handle({ type: 'step', runId: 1, count: n })) };
}

function table(rows: number): CsvTable {
  const values = Float64Array.from({ length: rows }, (_, i) => (i === 3 ? NaN : Math.sin(i) * 1e-7 + i));
  return {
    columns: [{ name: 'y', type: 'numeric', values, raw: null, missing: 1, firstMissing: 3, invalid: [], decimalComma: false }],
    rowCount: rows,
    rowNumbers: Int32Array.from({ length: rows }, (_, i) => i + 2),
    delimiter: ',',
    encoding: 'utf-8',
    hasHeader: true,
    preview: [['y'], ['0']],
    warnings: [],
  };
}

describe('session files', () => {
  for (const [name, config] of [
    ['LSTM on sine, Adam', CONFIG],
    ['RNN on the adding problem, SGD', { ...CONFIG, task: 'adding', cell: 'rnn', optimizer: 'sgd' }],
  ] as [string, RunConfig][]) {
    it(`a run saved at step k and reopened gives exactly the uninterrupted run's next losses (${name})`, () => {
      const { session, next } = savedAt(config, 30, 40);
      const text = encodeSession(session);
      const opened = decodeSession(text);
      expect(opened.config).toEqual(config);
      expect(opened.snapshot.step).toBe(30);
      expect(opened.snapshot.weights).toEqual(session.snapshot.weights);
      expect(opened.loss).toEqual(session.loss);
      expect(opened.savedAt).toBe(session.savedAt);

      const core = new TrainerCore(clock());
      const init = core.handle({ type: 'init', runId: 1, config: opened.config, resume: resumeOf(opened) });
      expect(ofType(init, 'status')[0].step).toBe(30);
      expect(lossesOf(core.handle({ type: 'step', runId: 1, count: 40 }))).toEqual(next);
    });
  }

  it('a trained-model file keeps the weights in float32 and no optimiser: it goes on from its step with a fresh one', () => {
    const { session } = savedAt(CONFIG, 30, 0);
    const text = encodeSession(session, { trainedModel: true });
    expect(text.length).toBeLessThan(encodeSession(session).length / 3);
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json).not.toHaveProperty('optimizer');
    const opened = decodeSession(text);
    expect(opened.snapshot.weights).toEqual(Float64Array.from(Float32Array.from(session.snapshot.weights)));
    expect(opened.snapshot.weights).not.toEqual(session.snapshot.weights);
    expect(opened.snapshot.optimizer.stepCount).toBe(0);
    expect(Object.values(opened.snapshot.optimizer.buffers).every((b) => b.every((v) => v === 0))).toBe(true);
    expect(opened.loss).toEqual(session.loss);

    const core = new TrainerCore(clock());
    const init = core.handle({ type: 'init', runId: 1, config: opened.config, resume: resumeOf(opened) });
    expect(ofType(init, 'status')[0].step).toBe(30);
    expect(lossesOf(core.handle({ type: 'step', runId: 1, count: 3 })).every(Number.isFinite)).toBe(true);
  });

  it('keeps a small uploaded CSV exactly (missing cells included) and fingerprints a large one', () => {
    const csv: UserCsv = { name: 'mine.csv', table: table(50), dateColumn: null };
    const config: RunConfig = { ...CONFIG, task: 'csv' };
    const data = sessionData(config, csv);
    expect(data?.kind).toBe('csv');
    const { session } = savedAt(CONFIG, 2, 0);
    const opened = decodeSession(encodeSession({ ...session, data }));
    expect(opened.data).toEqual(data);

    const big = sessionData(config, csv, 100);
    expect(big).toEqual({ kind: 'fingerprint', fingerprint: csvFingerprint(csv) });
    expect(sameData(csvFingerprint(csv), { ...csv, table: table(50) })).toBe(true);
    expect(sameData(csvFingerprint(csv), { ...csv, table: table(51) })).toBe(false);
    expect(sessionData(CONFIG, csv)).toBeNull();
  });

  describe('a corpus of broken session files, each with its message', () => {
    const { session } = savedAt(CONFIG, 3, 0);
    const good = JSON.parse(encodeSession(session)) as Record<string, any>;
    const edit = (f: (j: Record<string, any>) => void): string => {
      const j = structuredClone(good);
      f(j);
      return JSON.stringify(j);
    };
    const cases: [string, string, string][] = [
      ['not JSON', '{"format": "lstm-lens-session", ', 'session: not valid JSON'],
      ['another JSON file', '{"lstm.weight_ih_l0": [[1]]}', 'session: not an LSTM Lens session file (no "format": "lstm-lens-session")'],
      ['a newer version', edit((j) => (j.version = 2)), 'session: version 2 is not supported (this page reads version 1)'],
      ['a config field of the wrong type', edit((j) => (j.config.hiddenSize = 'five')), 'session: config.hiddenSize is "five", expected a number'],
      ['model and config disagree', edit((j) => (j.config.hiddenSize = 7)), 'session: model.hiddenSize is 5 but config.hiddenSize is 7'],
      ['a weight of the wrong shape', edit((j) => (j.weights['lstm.weight_hh_l0'] = j.weights['lstm.weight_hh_l0'].slice(1))),
        "session: weights: tensor 'lstm.weight_hh_l0' has shape [19, 5]: rows must be 1, 3 or 4 × 5 (RNN, GRU, LSTM)"],
      ['a missing weight', edit((j) => delete j.weights['fc.bias']), "session: weights: missing tensor 'fc.bias'"],
      ['optimiser of another kind', edit((j) => (j.optimizer.config.kind = 'sgd')), "session: optimizer state is for 'sgd', the config uses 'adam'"],
      ['optimiser buffer too short', edit((j) => j.optimizer.buffers.exp_avg.pop()), "session: optimizer buffer 'exp_avg' must hold 166 finite numbers"],
      ['a broken RNG state', edit((j) => (j.dataRng = [1, 2])), 'session: dataRng: Rng state must have 7 numbers, got 2'],
      ['no step', edit((j) => delete j.step), "session: 'step' is missing"],
      ['loss lists of different lengths', edit((j) => j.loss.train.push(1)), 'session: loss.train and loss.time must be equally long lists of numbers'],
      ['a loss history past the step', edit((j) => (j.loss.train.push(1), j.loss.time.push(1))), 'session: the loss history reaches past step 3'],
      ['data of an unknown kind', edit((j) => (j.data = { kind: 'parquet' })), "session: 'data' is neither a CSV nor a fingerprint of one"],
    ];
    for (const [name, text, message] of cases) {
      it(name, () => {
        expect(() => decodeSession(text)).toThrow(message);
      });
    }

    it('a setting the file predates takes its default', () => {
      const older = decodeSession(edit((j) => delete j.config.temperature));
      expect(older.config.temperature).toBe(DEFAULT_RUN_CONFIG.temperature);
    });
  });
});
