import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/appStore.ts';
import { FrameBus } from '../store/frameBus.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { TrainerClient } from '../client/trainerClient.ts';
import { FakeWorker } from '../testing/fakeWorker.ts';
import { decodeSession, encodeSession, resumeOf } from './sessionFile.ts';

const SMALL: RunConfig = { ...DEFAULT_RUN_CONFIG, seqLen: 10, hiddenSize: 6, batchSize: 4 };

function setup() {
  const store = createAppStore();
  const bus = new FrameBus();
  const worker = new FakeWorker();
  const client = new TrainerClient(store, bus, () => worker);
  return { store, bus, worker, client };
}

describe('saving and continuing a run through the client', () => {
  it('a captured run, saved and opened in another page, continues with the same losses and keeps its history', async () => {
    const a = setup();
    a.client.start(SMALL);
    a.client.step(12);
    a.worker.deliver();
    const pending = a.client.snapshot();
    a.worker.deliver();
    const capture = await pending;
    expect(capture.snapshot.step).toBe(12);
    expect(capture.loss.train).toHaveLength(12);
    expect(capture.frames.map((f) => f.step)).toEqual([0, 12]);

    a.client.step(8);
    a.worker.deliver();
    const uninterrupted = a.store.getState().loss.train.slice(12);

    const text = encodeSession({ config: capture.config, snapshot: capture.snapshot, loss: capture.loss, data: null, savedAt: 0 });
    const session = decodeSession(text);
    const b = setup();
    b.client.start(SMALL);
    b.worker.deliver();
    b.client.startFrom(session.config, { resume: resumeOf(session), loss: session.loss, frames: capture.frames });
    expect(b.store.getState().loss.train).toEqual(capture.loss.train);
    expect(b.bus.history().map((e) => e.step)).toEqual([0, 12]);
    b.worker.deliver();
    expect(b.store.getState().step).toBe(12);
    expect(b.bus.latest()?.step).toBe(12);
    b.client.step(8);
    b.worker.deliver();
    expect(b.store.getState().loss.train.slice(12)).toEqual(uninterrupted);
    expect(b.store.getState().loss.train.slice(0, 12)).toEqual(capture.loss.train);
  });

  it('a snapshot asked for before a new run starts is rejected, not left hanging', async () => {
    const { client, worker } = setup();
    client.start(SMALL);
    worker.deliver();
    const pending = client.snapshot();
    client.start({ ...SMALL, seed: 2 });
    worker.deliver();
    await expect(pending).rejects.toThrow('the run was replaced before its snapshot was taken');
  });
});
