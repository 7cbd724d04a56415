// Runs the real worker module (in this thread, through @vitest/web-worker): the shell's message handling,
// its play loop and its transfers.
import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/appStore.ts';
import { FrameBus } from '../store/frameBus.ts';
import { DEFAULT_RUN_CONFIG } from '../contracts/runConfig.ts';
import { TrainerClient } from '../client/trainerClient.ts';

async function until(ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('trainer.worker', () => {
  it('initialises, plays, pauses and steps', async () => {
    const store = createAppStore();
    const bus = new FrameBus();
    const client = new TrainerClient(store, bus);
    try {
      client.start({ ...DEFAULT_RUN_CONFIG, seqLen: 10, hiddenSize: 6, batchSize: 4 });
      await until(() => store.getState().summary !== null && bus.latest() !== null);
      client.play();
      await until(() => store.getState().step >= 30 && (bus.latest()?.step ?? 0) > 0);
      client.pause();
      await until(() => store.getState().status === 'paused');
      const paused = store.getState().step;
      expect(store.getState().loss.train).toHaveLength(paused);
      expect(bus.latest()?.step).toBe(paused);
      client.step(3);
      await until(() => store.getState().step === paused + 3);
      expect(bus.latest()?.step).toBe(paused + 3);
      expect(store.getState().status).toBe('paused');
    } finally {
      client.dispose();
    }
  });
});
