/**
 * Compare mode's trainer: one TrainerClient per variant (an architecture, or one value of one setting), each
 * with its own worker, store and frame bus, driven together. Every model starts from the same config (the
 * variant's patch laid over it), so the same seed gives the same
 * data order to all; Play, Pause, Step and Reset reach every model; a change to a live field reaches all in
 * place, any other change restarts all of them at step 0. Stale replies are dropped by each client (runId).
 */
import type { TrainerControls } from '../app/clientContext.ts';
import type { CellKind } from '../engine/config.ts';
import { createAppStore, type AppStore } from '../store/appStore.ts';
import { FrameBus } from '../store/frameBus.ts';
import { isLiveField, type HyperPatch, type RunConfig } from '../store/runConfig.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import { compareVariants, hyperFor, modelConfig, raceKey, variantColor, type CompareVariant } from './compareSet.ts';

/** What a trainer client offers (worker/client.ts TrainerClient; tests build it on fake workers). */
export interface RunClient extends TrainerControls {
  setCpuShare(share: number): void;
  dispose(): void;
}

/**
 * Each racer's share of a core, so that the racing workers together leave one core for the page (on a
 * 2-core machine, three racers take a third of a core each). Only timing changes, never the results.
 */
export function racerCpuShare(racers: number, cores: number): number {
  return Math.min(1, Math.max(1, cores - 1) / racers);
}

export type ClientFactory = (store: AppStore, bus: FrameBus) => RunClient;

/** One racer as the panels see it: its run state and its frames. */
export interface CompareModel {
  /** The variant's id (the architecture's name in an architecture race). */
  readonly id: string;
  readonly variant: CompareVariant;
  readonly cell: CellKind;
  /** Its colour in every chart of the comparison. */
  readonly color: string;
  readonly store: AppStore;
  readonly bus: FrameBus;
}

interface Racer extends CompareModel {
  readonly client: RunClient;
}

/** Frame-history memory of all racers together (the page's own bus keeps 64 MB). */
const HISTORY_BUDGET_BYTES = 64 * 1024 * 1024;

function defaultCores(): number {
  return typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
}

export class CompareSession {
  private readonly racers: readonly Racer[];
  /** Which racers these are (compareSet.raceKey of the config the session was made for). */
  readonly key: string;

  constructor(config: RunConfig, createClient: ClientFactory, speed: number | null = null, cores = defaultCores()) {
    const variants = compareVariants(config.compare);
    const share = racerCpuShare(variants.length, cores);
    this.key = raceKey(config);
    this.racers = variants.map((variant, k) => {
      const store = createAppStore({ speed });
      const bus = new FrameBus(HISTORY_BUDGET_BYTES / variants.length);
      const client = createClient(store, bus);
      client.setCpuShare(share);
      const cell = modelConfig(config, variant).cell;
      return { id: variant.id, variant, cell, color: variantColor(variant, cell, k), store, bus, client };
    });
  }

  get models(): readonly CompareModel[] {
    return this.racers;
  }

  /** A new run of every model from `config` (on `data`, for a dataset task), paused at step 0. */
  start(config: RunConfig, data?: TaskData): void {
    for (const r of this.racers) r.client.start(modelConfig(config, r.variant), data);
  }

  /** Playing while any model plays (one that stopped on a NaN pauses alone). */
  isPlaying(): boolean {
    return this.racers.some((r) => r.store.getState().status === 'playing');
  }

  play(): void {
    for (const r of this.racers) r.client.play();
  }

  pause(): void {
    for (const r of this.racers) r.client.pause();
  }

  toggle(): void {
    if (this.isPlaying()) this.pause();
    else this.play();
  }

  step(count = 1): void {
    for (const r of this.racers) r.client.step(count);
  }

  reset(): void {
    for (const r of this.racers) r.client.reset();
  }

  setHyper(patch: HyperPatch): void {
    for (const r of this.racers) r.client.setHyper(hyperFor(patch, r.variant));
  }

  setSpeed(stepsPerSecond: number | null): void {
    for (const r of this.racers) r.client.setSpeed(stepsPerSecond);
  }

  /**
   * Live fields change in place for all; anything else restarts all together — and if any was playing, all
   * play again, so a model that had stopped on a NaN rejoins the race.
   */
  applyConfig(next: RunConfig): void {
    const first = this.racers[0];
    if (!first) return;
    const current = first.store.getState().config;
    const mine = modelConfig(next, first.variant);
    const changed = (Object.keys(mine) as (keyof RunConfig)[]).filter((k) => mine[k] !== current[k]);
    if (changed.length === 0) return;
    if (changed.every(isLiveField)) {
      this.setHyper(Object.fromEntries(changed.map((k) => [k, mine[k]])) as HyperPatch);
      return;
    }
    const playing = this.isPlaying();
    this.start(next);
    if (playing) this.play();
  }

  dispose(): void {
    for (const r of this.racers) r.client.dispose();
  }
}
