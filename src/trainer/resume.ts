/**
 * Starting a freshly built run from given weights (and, for a saved run, its training state) instead of its
 * seeded step 0. Everything is checked before anything is written, so a bad resume leaves the run as built.
 */
import type { ParamStore } from '../engine/params.ts';
import { Rng } from '../engine/rng.ts';
import type { Run } from './buildRun.ts';
import type { RunResume } from '../contracts/protocol.ts';

/** The flat parameter array as tensors by engine name (copies): the inverse of what applyResume writes. */
export function weightsByName(params: Pick<ParamStore, 'specs'>, flat: Float64Array): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const s of params.specs) out[s.name] = flat.slice(s.offset, s.offset + s.size);
  return out;
}

export function applyResume(run: Run, resume: RunResume): void {
  const params = run.net.params;
  const known = new Set(params.specs.map((s) => s.name));
  const unknown = Object.keys(resume.weights).find((n) => !known.has(n));
  if (unknown !== undefined) throw new Error(`resume: the model has no tensor '${unknown}'`);
  for (const spec of params.specs) {
    const t = resume.weights[spec.name];
    if (t === undefined) {
      // Only the head may be left to its initialisation (a new head of the task's size).
      if (spec.layer >= 0) throw new Error(`resume: missing tensor '${spec.name}'`);
      continue;
    }
    if (t.length !== spec.size) throw new Error(`resume: tensor '${spec.name}' has ${t.length} values, expected ${spec.size}`);
    for (let i = 0; i < t.length; i++) {
      if (!Number.isFinite(t[i])) throw new Error(`resume: tensor '${spec.name}' has a non-finite value at ${i}`);
    }
  }
  const state = resume.state;
  const dataRng = state ? Rng.fromState(state.dataRng) : null;
  if (state && (!Number.isSafeInteger(state.step) || state.step < 0)) throw new Error(`resume: invalid step ${state.step}`);
  // loadState checks the optimiser's buffers before it changes anything.
  if (state) run.optimizer.loadState(state.optimizer);
  for (const spec of params.specs) {
    const t = resume.weights[spec.name];
    if (t !== undefined) params.data.set(t, spec.offset);
  }
  if (dataRng) run.data = dataRng;
}
