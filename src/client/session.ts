/**
 * Compare mode's trainer: one Run per variant — an architecture, or one value of one setting — each its own
 * worker, store and frame bus, driven together. Every racer holds the page's config and trains it with its
 * variant's patch laid over it, so the same seed gives the same data order to all; Play, Pause, Step and Reset reach every racer; a change to a live field reaches
 * all in place, any other change restarts all of them at step 0. Stale replies are dropped by each client.
 */
import type { AppState } from '../store/appStore.ts';
import { isLiveField, type HyperPatch, type RunConfig } from '../contracts/runConfig.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import type { Run, RunFactory } from './run.ts';
import { compareVariants, modelConfig, raceKey } from '../contracts/compareSet.ts';

/**
 * Each racer's share of a core, so that the racing workers together leave one core for the page (on a
 * 2-core machine, three racers take a third of a core each). Only timing changes, never the results.
 */
export function racerCpuShare(racers: number, cores: number): number {
  return Math.min(1, Math.max(1, cores - 1) / racers);
}

/** Frame-history memory of all racers together (a single run's bus keeps as much). */
const HISTORY_BUDGET_BYTES = 64 * 1024 * 1024;

function defaultCores(): number {
  return typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
}

export class CompareSession {
  readonly runs: readonly Run[];
  /** Which racers these are (raceKey of the config the session was made for). */
  readonly key: string;

  constructor(config: RunConfig, makeRun: RunFactory, init: Partial<AppState> = {}, cores = defaultCores()) {
    const variants = compareVariants(config.compare);
    const share = racerCpuShare(variants.length, cores);
    this.key = raceKey(config);
    this.runs = variants.map((variant, k) => {
      const cell = modelConfig(config, variant).cell;
      const racer = { variant, cell, index: k };
      const run = makeRun({ racer, init, historyBudgetBytes: HISTORY_BUDGET_BYTES / variants.length });
      run.controls.setCpuShare(share);
      return run;
    });
  }

  /** A new run of every racer from `config` (on `data`, for a dataset task), paused at step 0. */
  start(config: RunConfig, data?: TaskData): void {
    for (const r of this.runs) r.controls.start(config, data);
  }

  /** Playing while any racer plays (one that stopped on a NaN pauses alone). */
  isPlaying(): boolean {
    return this.runs.some((r) => r.controls.isPlaying());
  }

  play(): void {
    for (const r of this.runs) r.controls.play();
  }

  pause(): void {
    for (const r of this.runs) r.controls.pause();
  }

  step(count = 1): void {
    for (const r of this.runs) r.controls.step(count);
  }

  reset(): void {
    for (const r of this.runs) r.controls.reset();
  }

  setHyper(patch: HyperPatch): void {
    for (const r of this.runs) r.controls.setHyper(patch);
  }

  setSpeed(stepsPerSecond: number | null): void {
    for (const r of this.runs) r.controls.setSpeed(stepsPerSecond);
  }

  /**
   * Live fields change in place for all; anything else restarts all together — and if any was playing, all
   * play again, so a racer that had stopped on a NaN rejoins the race.
   */
  applyConfig(next: RunConfig): void {
    const current = this.runs[0]?.store.getState().config;
    if (!current) return;
    // What the variants fix (the architecture, or the compared setting) is the racers' own.
    const fixed = new Set(this.runs.flatMap((r) => Object.keys(r.racer?.variant.patch ?? {})));
    const changed = (Object.keys(next) as (keyof RunConfig)[]).filter((k) => !fixed.has(k) && next[k] !== current[k]);
    if (changed.length === 0 || changed.every(isLiveField)) {
      for (const r of this.runs) r.controls.applyConfig(next);
      return;
    }
    const playing = this.isPlaying();
    this.start(next);
    if (playing) this.play();
  }

  dispose(): void {
    for (const r of this.runs) r.controls.dispose();
  }
}
