/**
 * In compare mode the single-run panels (cell diagram, gates, state, loss, predictions…) show one model of
 * the race, the focused one: its run state is copied into the page's store and its frames into the page's
 * frame bus, so those panels work unchanged. The page keeps what is the page's own (config, language, the
 * shared timestep cursor, speed); the status shows the race as a whole — playing while any model plays, so
 * Play/Pause always does what its label says.
 */
import type { AppState, AppStore } from '../store/appStore.ts';
import type { FrameBus } from '../store/frameBus.ts';
import type { ProbeFrame, RunStatus } from '../worker/protocol.ts';
import type { CompareModel } from './session.ts';

/** Fields of the page, never taken from a model. */
const PAGE_FIELDS: ReadonlySet<keyof AppState> = new Set(['config', 'lang', 'selection', 'speed', 'showShortcuts', 'runId', 'status']);

function runFields(s: AppState, prev: AppState | null): Partial<AppState> {
  const out: Partial<AppState> = {};
  for (const k of Object.keys(s) as (keyof AppState)[]) {
    if (PAGE_FIELDS.has(k) || (prev !== null && s[k] === prev[k] && k !== 'loss')) continue;
    // The loss history grows in place, so it is passed on at every change (the panels compare lengths).
    Object.assign(out, { [k]: s[k] });
  }
  return out;
}

export class FocusMirror {
  private focused = 0;
  private readonly offs: (() => void)[] = [];
  private lastFrame: ProbeFrame | null = null;

  constructor(
    private readonly page: AppStore,
    private readonly pageBus: FrameBus,
    private readonly models: readonly CompareModel[],
    focused: number,
  ) {
    models.forEach((m, k) => {
      this.offs.push(
        m.store.subscribe((s, prev) => {
          if (k === this.focused) this.copy(runFields(s, prev));
          else if (s.status !== prev.status) this.copy({});
        }),
        m.bus.subscribe(() => {
          if (k === this.focused) this.forwardFrame(m.bus);
        }),
      );
    });
    this.focus(focused);
  }

  /** Show model `index` in the single-run panels: its state now, and its frame history replayed. */
  focus(index: number): void {
    const m = this.models[index];
    if (!m) return;
    this.focused = index;
    this.copy(runFields(m.store.getState(), null));
    this.pageBus.clear();
    this.lastFrame = null;
    for (const e of m.bus.history()) this.publish(e.frame);
    this.forwardFrame(m.bus);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
  }

  /** Pass on `fields`, and the race's status when it changed; the page store is not touched for nothing. */
  private copy(fields: Partial<AppState>): void {
    const status: RunStatus = this.models.some((m) => m.store.getState().status === 'playing') ? 'playing' : 'paused';
    const next = status === this.page.getState().status ? fields : { ...fields, status };
    if (Object.keys(next).length > 0) this.page.setState(next);
  }

  private forwardFrame(bus: FrameBus): void {
    const f = bus.latest();
    if (f === null) {
      if (this.lastFrame !== null) this.pageBus.clear();
      this.lastFrame = null;
    } else if (f !== this.lastFrame) {
      this.publish(f);
    }
  }

  private publish(frame: ProbeFrame): void {
    this.lastFrame = frame;
    this.pageBus.publish(frame);
  }
}
