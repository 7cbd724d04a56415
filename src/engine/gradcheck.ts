/**
 * Gradient checking (梯度检查): analytic BPTT gradients against float64 central differences,
 * reported per parameter group — each gate's block of a fused tensor separately (W_i, W_f, …), so a bug in
 * one gate shows up by name.
 */
import { GATE_NAMES, PEEPHOLE_GATES } from './gateLayout.ts';
import type { ParamStore, TensorSpec } from './params.ts';

export interface GradCheckGroup {
  /** e.g. "weight_ih_l0[f]" or "head.weight". */
  readonly name: string;
  readonly tensor: string;
  /** Gate of a fused tensor, or null for a whole tensor. */
  readonly gate: string | null;
  readonly offset: number;
  readonly size: number;
}

export interface GradCheckResult {
  readonly group: GradCheckGroup;
  /** Entries compared (all, or a seeded sample when maxPerGroup is set). */
  readonly checked: number;
  /** ‖analytic − numeric‖ / max(‖analytic‖ + ‖numeric‖, 1e-300) over the checked entries. */
  readonly relError: number;
  readonly maxAbsError: number;
  readonly analyticNorm: number;
  readonly numericNorm: number;
}

export interface GradCheckOptions {
  /** Central-difference step. */
  eps?: number;
  /** Compare at most this many entries per group (evenly spaced); undefined = all. */
  maxPerGroup?: number;
  /** Called after each group, for progress indicators. */
  onProgress?: (done: number, total: number) => void;
}

/** Split every tensor into groups: fused recurrent tensors by gate block, the rest whole. */
export function gradCheckGroups(params: ParamStore): GradCheckGroup[] {
  const gates: readonly string[] = GATE_NAMES[params.config.cell];
  const groups: GradCheckGroup[] = [];
  const whole = (s: TensorSpec): GradCheckGroup => ({ name: s.name, tensor: s.name, gate: null, offset: s.offset, size: s.size });
  for (const s of params.specs) {
    if (s.kind === 'head_weight' || s.kind === 'head_bias' || gates.length === 1) {
      groups.push(whole(s));
      continue;
    }
    const blockGates: readonly string[] = s.kind === 'peephole' ? PEEPHOLE_GATES : gates;
    const block = s.size / blockGates.length;
    blockGates.forEach((g, k) => groups.push({ name: `${s.name}[${g}]`, tensor: s.name, gate: g, offset: s.offset + k * block, size: block }));
  }
  return groups;
}

/**
 * Compare `analytic` (a snapshot of params.grad for the current data) with central differences of `loss`,
 * which must recompute the loss from params.data deterministically. params.data is restored exactly.
 */
export function gradientCheck(
  params: ParamStore, loss: () => number, analytic: Float64Array, options: GradCheckOptions = {},
): GradCheckResult[] {
  const eps = options.eps ?? 1e-5;
  const groups = gradCheckGroups(params);
  const data = params.data;
  const results: GradCheckResult[] = [];
  groups.forEach((group, gi) => {
    const n = Math.min(group.size, options.maxPerGroup ?? group.size);
    let diff2 = 0, a2 = 0, n2 = 0, maxAbs = 0;
    for (let k = 0; k < n; k++) {
      const idx = group.offset + Math.floor((k * group.size) / n);
      const saved = data[idx];
      data[idx] = saved + eps;
      const up = loss();
      data[idx] = saved - eps;
      const down = loss();
      data[idx] = saved;
      const num = (up - down) / (2 * eps);
      const a = analytic[idx];
      diff2 += (a - num) ** 2;
      a2 += a * a;
      n2 += num * num;
      maxAbs = Math.max(maxAbs, Math.abs(a - num));
    }
    const aN = Math.sqrt(a2), nN = Math.sqrt(n2);
    results.push({ group, checked: n, relError: Math.sqrt(diff2) / Math.max(aN + nN, 1e-300), maxAbsError: maxAbs, analyticNorm: aN, numericNorm: nN });
    options.onProgress?.(gi + 1, groups.length);
  });
  return results;
}
