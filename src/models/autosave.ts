/**
 * Autosave of the running session: every few seconds while the run changes (and on pagehide), a snapshot
 * from the worker goes to the session store. It never touches the training path: the worker only copies its
 * state between slices. A failing store is reported once and autosave then stops.
 */
import type { RunCapture } from '../contracts/runControls.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import type { SessionData } from './sessionFile.ts';
import { SESSION_RECORD_VERSION, thinFrames, type SessionStore } from './sessionStore.ts';

export const AUTOSAVE_INTERVAL_MS = 4000;

export interface RunView {
  runId: number;
  step: number;
  config: RunConfig;
  /** A run that started from given weights is worth keeping even at step 0. */
  startedFromWeights: boolean;
}

export class Autosaver {
  private savedKey = '';
  private busy = false;
  private failed = false;
  /** Record id per run: a restored run keeps writing to the record it came from. */
  private ids = new Map<number, string>();
  /** The step of the last completed save (tests and the page's data-autosaved-step wait for it). */
  lastSavedStep: number | null = null;

  constructor(
    private readonly store: SessionStore,
    private readonly capture: () => Promise<RunCapture>,
    private readonly dataOf: (config: RunConfig) => SessionData | null,
    private readonly onFailure: (message: string) => void,
    private readonly pageId = `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`,
    private readonly now: () => number = Date.now,
  ) {}

  /** The run `runId` continues the stored record `id`. */
  adopt(runId: number, id: string): void {
    this.ids.set(runId, id);
  }

  /** Save the run if it changed since the last save; resolves when done (or skipped). */
  async tick(run: RunView): Promise<void> {
    if (this.failed || this.busy || run.config.compare !== 'off') return;
    if (run.step === 0 && !run.startedFromWeights) return;
    const key = `${run.runId}:${run.step}`;
    if (key === this.savedKey) return;
    this.busy = true;
    try {
      let capture: RunCapture;
      try {
        capture = await this.capture();
      } catch {
        // The run was replaced meanwhile: the next tick saves the new one.
        return;
      }
      const id = this.ids.get(run.runId) ?? `${this.pageId}-${run.runId}`;
      this.ids.set(run.runId, id);
      await this.store.put({
        ...capture,
        frames: thinFrames(capture.frames),
        version: SESSION_RECORD_VERSION,
        id,
        savedAt: this.now(),
        data: this.dataOf(capture.config),
      });
      this.savedKey = `${run.runId}:${capture.snapshot.step}`;
      this.lastSavedStep = capture.snapshot.step;
    } catch (e) {
      this.failed = true;
      this.onFailure(e instanceof Error ? e.message : String(e));
    } finally {
      this.busy = false;
    }
  }
}
