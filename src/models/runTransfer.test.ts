import { describe, expect, it } from 'vitest';
import { fakeClient, SMALL_RUN } from '../testing/testRuns.ts';
import { decodeSession, encodeSession, resumeOf } from './sessionFile.ts';

describe('saving and continuing a run through the client', () => {
  it('a captured run, saved and opened in another page, continues with the same losses and keeps its history', async () => {
    const a = fakeClient();
    a.client.start(SMALL_RUN);
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
    const b = fakeClient();
    b.client.start(SMALL_RUN);
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
    const { client, worker } = fakeClient();
    client.start(SMALL_RUN);
    worker.deliver();
    const pending = client.snapshot();
    client.start({ ...SMALL_RUN, seed: 2 });
    worker.deliver();
    await expect(pending).rejects.toThrow('the run was replaced before its snapshot was taken');
  });
});
