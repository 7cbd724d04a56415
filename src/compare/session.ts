/**
 * Compare mode's trainer: one TrainerClient per architecture, each with its own worker, store and frame bus,
 * driven together. Every model starts from the same config (cell replaced), so the same seed gives the same
 * data order to all; Play, Pause, Step and Reset reach every model; a change to a live field reaches all in
 * place, any other change restarts all of them at step 0. Stale replies are dropped by each client (runId).
 */
import type { TrainerControls } from '../app/clientContext.ts';
import type { CellKind } from '../engine/config.ts';
import { createAppStore, type AppStore } from '../store/appStore.ts';
import { FrameBus } from '../store/frameBus.ts';
import { isLiveField, type HyperPatch, type RunConfig } from '../store/runConfig.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import { modelConfig } from './compareSet.ts';

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
  readonly cell: CellKind;
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

  constructor(cells: readonly CellKind[], createClient: ClientFactory, speed: number | null = null, cores = defaultCores()) {
    const share = racerCpuShare(cells.length, cores);
    this.racers = cells.map((cell) => {
      const store = createAppStore({ speed });
      const bus = new FrameBus(HISTORY_BUDGET_BYTES / cells.length);
      const client = createClient(store, bus);
      client.setCpuShare(share);
      return { cell, store, bus, client };
    });
  }

  get models(): readonly CompareModel[] {
    return this.racers;
  }

  get cells(): CellKind[] {
    return this.racers.map((r) => r.cell);
  }

  /** A new run of every model from `config` (on `data`, for a dataset task), paused at step 0. */
  start(config: RunConfig, data?: TaskData): void {
    for (const r of this.racers) r.client.start(modelConfig(config, r.cell), data);
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
    for (const r of this.racers) r.client.setHyper(patch);
  }

  setSpeed(stepsPerSecond: number | null): void {
    for (const r of this.racers) r.client.setSpeed(stepsPerSecond);
  }

  /**
   * Live fields change in place for all; anything else restarts all together — and if any was playing, all
   * play again, so a model that had stopped on a NaN rejoins the race.
   */
  applyConfig(next: RunConfig): void {
    const current = this.racers[0]?.store.getState().config;
    if (!current) return;
    const changed = (Object.keys(next) as (keyof RunConfig)[]).filter((k) => k !== 'cell' && next[k] !== current[k]);
    if (changed.length === 0) return;
    if (changed.every(isLiveField)) {
      this.setHyper(Object.fromEntries(changed.map((k) => [k, next[k]])) as HyperPatch);
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
