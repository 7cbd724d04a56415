/** The shipped checkpoints: each reproduces bit for bit from its seed, and opens as the run it claims to be. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainCheckpoint } from '../../cli/checkpoints.ts';
import { CHECKPOINTS, checkpointById, loadCheckpoint } from '../../src/models/checkpoints.ts';
import { decodeSession } from '../../src/models/sessionFile.ts';

const dir = new URL('../../public/checkpoints/', import.meta.url);

describe('shipped checkpoints', () => {
  it('the sine forecaster is reproduced bit for bit by npm run checkpoints', () => {
    const c = checkpointById('sine-lstm')!;
    expect(trainCheckpoint(c)).toBe(readFileSync(new URL(c.file, dir), 'utf8'));
  });

  for (const c of CHECKPOINTS) {
    it(`${c.file} is a session of its configuration at step ${c.steps}, small`, async () => {
      const text = readFileSync(new URL(c.file, dir), 'utf8');
      // The Tang model's 500-character input and output tables are most of its 31 k parameters (float32, no optimiser).
      expect(text.length).toBeLessThan((c.trainedModel ? 250 : 150) * 1024);
      const session = decodeSession(text);
      expect(session.config).toEqual(c.config);
      expect(session.snapshot.step).toBe(c.steps);
      expect(session.loss.train).toHaveLength(c.steps);
      const fetched = await loadCheckpoint(c, 'http://app.test/', async (url) => {
        expect(String(url)).toBe(`http://app.test/checkpoints/${c.file}`);
        return new Response(text);
      });
      expect(fetched.snapshot.weights).toEqual(session.snapshot.weights);
    });
  }

  it('the Tang model is trained: its loss is far below the uniform guess over 501 symbols (ln 501 ≈ 6.2)', () => {
    const text = readFileSync(new URL('tang-lstm.session.json', dir), 'utf8');
    expect(JSON.parse(text)).not.toHaveProperty('optimizer');
    const train = decodeSession(text).loss.train;
    expect(train[0]).toBeGreaterThan(6);
    expect(train.slice(-100).reduce((a, b) => a + b, 0) / 100).toBeLessThan(4);
  });

  it('the trained LSTM solves the adding problem far below the constant guess (1/6)', () => {
    const train = decodeSession(readFileSync(new URL('adding-lstm.session.json', dir), 'utf8')).loss.train;
    const last = train.slice(-50).reduce((a, b) => a + b, 0) / 50;
    expect(last).toBeLessThan(0.01);
  });
});
