/**
 * What the toolbar, the keyboard and the sidebar drive: a single run (one TrainerClient on the page's store
 * and frame bus) or, when config.compare names a set, a CompareSession racing several models. The page's
 * config stays the one source of truth (and the URL follows it); switching mode closes one trainer before
 * the other opens, so exactly one of them ever writes the page's run state.
 */
import type { TrainerControls } from '../app/clientContext.ts';
import type { AppStore, Selection } from '../store/appStore.ts';
import type { FrameBus } from '../store/frameBus.ts';
import { isLiveField, type HyperPatch, type RunConfig } from '../store/runConfig.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import { raceKey } from './compareSet.ts';
import type { CompareModels, CompareStore } from './compareStore.ts';
import { FocusMirror } from './focusMirror.ts';
import { CompareSession, type ClientFactory, type RunClient } from './session.ts';

/** The timestep cursor kept inside a new run's sequence and model (the race has no client to do it). */
function fitSelection(sel: Selection, config: RunConfig): Selection {
  return {
    ...sel,
    t: Math.min(sel.t, config.seqLen - 1),
    layer: Math.min(sel.layer, config.numLayers - 1),
    unit: Math.min(sel.unit, config.hiddenSize - 1),
    historyIndex: null,
  };
}

interface Race {
  session: CompareSession;
  mirror: FocusMirror;
  offFocus: () => void;
}

export class RunController implements TrainerControls {
  private single: RunClient | null = null;
  private race: Race | null = null;

  constructor(
    private readonly store: AppStore,
    private readonly bus: FrameBus,
    private readonly createClient: ClientFactory,
    private readonly compare: { models: CompareModels; focus: CompareStore },
  ) {}

  /** Runs `config` (on `data`, for a dataset task) from step 0, in the mode it asks for. */
  start(config: RunConfig, data?: TaskData): void {
    if (raceKey(config) === '') this.openSingle().start(config, data);
    else this.startRace(config, data);
  }

  play(): void {
    this.current().play();
  }

  pause(): void {
    this.current().pause();
  }

  toggle(): void {
    this.current().toggle();
  }

  step(count = 1): void {
    this.current().step(count);
  }

  reset(): void {
    if (this.race) this.store.setState((s) => ({ selection: fitSelection(s.selection, s.config) }));
    this.current().reset();
  }

  setHyper(patch: HyperPatch): void {
    if (this.race) this.store.setState((s) => ({ config: { ...s.config, ...patch } }));
    this.current().setHyper(patch);
  }

  setSpeed(stepsPerSecond: number | null): void {
    this.store.setState({ speed: stepsPerSecond });
    this.current().setSpeed(stepsPerSecond);
  }

  applyConfig(next: RunConfig): void {
    const { config, status } = this.store.getState();
    const key = raceKey(next);
    const sameMode = this.race ? key === this.race.session.key : key === '';
    if (sameMode) {
      if (this.race) {
        const restarts = (Object.keys(next) as (keyof RunConfig)[]).some((k) => k !== 'cell' && next[k] !== config[k] && !isLiveField(k));
        this.store.setState((s) => ({ config: next, selection: restarts ? fitSelection(s.selection, next) : s.selection }));
      }
      this.current().applyConfig(next);
      return;
    }
    this.start(next);
    if (status === 'playing') this.play();
  }

  gradCheck(eps: number, maxPerGroup: number | null): void {
    // A race has no single run to check; the panel says so.
    if (!this.race) this.single?.gradCheck(eps, maxPerGroup);
  }

  dispose(): void {
    this.closeRace();
    this.single?.dispose();
    this.single = null;
  }

  private current(): RunClient | CompareSession {
    if (this.race) return this.race.session;
    return this.single ?? this.openSingle();
  }

  private openSingle(): RunClient {
    this.closeRace();
    this.single ??= this.createClient(this.store, this.bus);
    return this.single;
  }

  private startRace(config: RunConfig, data?: TaskData): void {
    if (!this.race || this.race.session.key !== raceKey(config)) {
      this.single?.dispose();
      this.single = null;
      this.closeRace();
      const session = new CompareSession(config, this.createClient, this.store.getState().speed);
      // The focus names a racer; one not in this set (or none) means the first model.
      const ids = session.models.map((m) => m.id);
      const focusIndex = (): number => Math.max(0, ids.indexOf(this.compare.focus.getState().focus ?? ids[0]));
      const mirror = new FocusMirror(this.store, this.bus, session.models, focusIndex());
      const offFocus = this.compare.focus.subscribe((s, prev) => {
        if (s.focus !== prev.focus) mirror.focus(focusIndex());
      });
      this.race = { session, mirror, offFocus };
      this.compare.models.set(session.models);
    }
    this.store.setState((s) => ({ config, selection: fitSelection(s.selection, config) }));
    this.race.session.start(config, data);
  }

  private closeRace(): void {
    const race = this.race;
    if (!race) return;
    this.race = null;
    race.offFocus();
    race.mirror.dispose();
    race.session.dispose();
    this.compare.models.set(null);
    this.bus.clear();
  }
}
