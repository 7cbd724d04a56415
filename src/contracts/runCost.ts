/**
 * The cost of a run (or a race of several) from its config alone, before anything is built, against the
 * budget above which the page asks first; and a smaller config that fits, to offer instead.
 */
import { estimateCost, type CostShape, type RunCost } from '../engine/cost.ts';
import { compareCells } from './compareSet.ts';
import type { RunConfig } from './runConfig.ts';
import { isTextTask } from '../tasks/registry.ts';

/** Above either figure the page asks before starting: a tab near 1 GB is at risk, a 2 s step looks dead. */
export const COST_BUDGET = { bytes: 1e9, secondsPerStep: 2 } as const;
/**
 * Above this a tab is killed (or the device runs out of memory) before the first step: the page never
 * starts such a run, it only offers a smaller one.
 */
export const HARD_LIMIT_BYTES = 4e9;
/**
 * Floating-point operations per second assumed of the engine: conservative for one core of a school
 * laptop (float64, JavaScript), so the estimate errs on the slow side.
 */
const ASSUMED_FLOPS_PER_SECOND = 2e8;

/** Inputs, outputs and held-out sequences of each task (upper bounds where the data decide). */
function taskShape(config: RunConfig): Pick<CostShape, 'inputSize' | 'outputSize' | 'outputMode' | 'extraSequences'> {
  if (isTextTask(config.task)) {
    // One-hot symbols in, scores per symbol out; the vocabulary is at most maxSymbols plus <unk>.
    const V = config.maxSymbols + 1;
    return { inputSize: V, outputSize: V, outputMode: 'sequence', extraSequences: 32 + 1 };
  }
  const features = config.features ? config.features.split(',').length : 0;
  switch (config.task) {
    case 'sine':
      return { inputSize: 1, outputSize: 1, outputMode: 'sequence', extraSequences: 64 + 1 };
    case 'frequency':
      return { inputSize: 1, outputSize: 3, outputMode: 'last', extraSequences: 128 + 1 };
    case 'adding':
    case 'firstSymbol':
    case 'temporalOrder':
      return { inputSize: 6, outputSize: 4, outputMode: 'last', extraSequences: 128 + 1 };
    default:
      return { inputSize: 1 + features, outputSize: 4, outputMode: 'last', extraSequences: 256 + 1 };
  }
}

function costShape(config: RunConfig): CostShape {
  return { cell: config.cell, T: config.seqLen, B: config.batchSize, hiddenSize: config.hiddenSize, numLayers: config.numLayers, ...taskShape(config) };
}

export interface RaceCost extends RunCost {
  /** Models trained at once (the racers of compare mode, else 1). */
  models: number;
  secondsPerStep: number;
}

/** Memory and time per step of everything `config` starts: every racer of a race (each its own cell). */
export function estimateRunCost(config: RunConfig): RaceCost {
  const cells = compareCells(config);
  const list = cells.length > 0 ? cells : [config.cell];
  let bytes = 0;
  let flops = 0;
  for (const cell of list) {
    const c = estimateCost({ ...costShape(config), cell });
    bytes += c.bytes;
    flops += c.flops;
  }
  return { bytes, flops, models: list.length, secondsPerStep: flops / ASSUMED_FLOPS_PER_SECOND };
}

export function overBudget(cost: RaceCost): boolean {
  return cost.bytes > COST_BUDGET.bytes || cost.secondsPerStep > COST_BUDGET.secondsPerStep;
}

/** The fields a smaller run may lower, the ones that cost most first. */
const LOWERABLE = ['batchSize', 'seqLen', 'maxSymbols', 'hiddenSize', 'numLayers'] as const;
type Lowerable = (typeof LOWERABLE)[number];
const FLOOR: Record<Lowerable, number> = { batchSize: 8, seqLen: 20, maxSymbols: 100, hiddenSize: 16, numLayers: 1 };

/**
 * The config with the costliest sizes halved, one at a time, until it fits the budget (null if even the
 * floors do not). Only the sizes change: task, seed and optimiser stay.
 */
export function lowerToFit(config: RunConfig): RunConfig | null {
  let next = config;
  for (let guard = 0; guard < 64 && overBudget(estimateRunCost(next)); guard++) {
    let best: RunConfig | null = null;
    let bestCost = Infinity;
    for (const k of LOWERABLE) {
      if (k === 'maxSymbols' && !isTextTask(next.task)) continue;
      const v = next[k];
      const lowered = k === 'numLayers' ? v - 1 : Math.max(FLOOR[k], Math.floor(v / 2));
      if (lowered >= v || lowered < FLOOR[k]) continue;
      const candidate = { ...next, [k]: lowered };
      const c = estimateRunCost(candidate);
      const score = Math.max(c.bytes / COST_BUDGET.bytes, c.secondsPerStep / COST_BUDGET.secondsPerStep);
      if (score < bestCost) {
        best = candidate;
        bestCost = score;
      }
    }
    if (!best) return null;
    next = best;
  }
  return overBudget(estimateRunCost(next)) ? null : next;
}

/** The sizes a lowered config changed, as [field, from, to]. */
export function loweredFields(from: RunConfig, to: RunConfig): [Lowerable, number, number][] {
  return LOWERABLE.filter((k) => from[k] !== to[k]).map((k) => [k, from[k], to[k]]);
}

/** A run over the budget waits on this question (in the UI store) until the user answers it. */
export interface CostQuestion {
  config: RunConfig;
  cost: RaceCost;
  /** A smaller config that fits the budget (null if none does). */
  lowered: RunConfig | null;
  /** A run is already going: declining keeps it. */
  canKeep: boolean;
  /** Beyond what a tab survives: not offered as is, only lowered. */
  tooLarge: boolean;
  /** Called once with the config to start, or null to start nothing. */
  answer(config: RunConfig | null): void;
}
