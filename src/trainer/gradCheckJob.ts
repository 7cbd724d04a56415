/**
 * The gradient check (梯度检查) as a resumable job, so the worker can run it between control
 * messages: each advance() compares as many entries as fit in its time budget, and Pause or Reset get through
 * in between. It checks the same entries with the same formulas as the engine's gradientCheck (and gives the
 * same numbers); the engine's version runs a whole group at once, which at H = 64 blocks for seconds.
 */
import { gradCheckGroups, type GradCheckGroup } from '../engine/gradcheck.ts';
import { RecurrentNet } from '../engine/network.ts';
import { computeLoss, LossBuffers, type LossKind, type TrainingBatch } from '../engine/train.ts';
import type { GradCheckRow } from '../contracts/protocol.ts';

interface GroupSums {
  group: GradCheckGroup;
  /** Entries compared in this group. */
  n: number;
  diff2: number;
  a2: number;
  n2: number;
  maxAbs: number;
}

export interface GradCheckRequest {
  requestId: number;
  /** Central-difference step. */
  eps: number;
  /** At most this many (evenly spaced) entries per group; null = all. */
  maxPerGroup: number | null;
  /** Training step of the weights being checked. */
  step: number;
}

export class GradCheckJob {
  private readonly net: RecurrentNet;
  private readonly buffers = new LossBuffers();
  /** The analytic gradient: full BPTT of the batch loss, without truncation or clipping. */
  private readonly analytic: Float64Array;
  private readonly sums: GroupSums[];
  readonly total: number;
  private groupIndex = 0;
  private entry = 0;
  private doneCount = 0;

  /**
   * `net` is the run's training net: the job checks its weights through a net of its own over the same
   * ParamStore (the training workspace stays as it is). params.grad is left as it was.
   */
  constructor(
    net: RecurrentNet,
    private readonly batch: TrainingBatch,
    private readonly loss: LossKind,
    readonly request: GradCheckRequest,
  ) {
    if (!(request.eps > 0) || !Number.isFinite(request.eps)) throw new Error(`gradient check: ε must be a positive number, got ${request.eps}`);
    if (request.maxPerGroup !== null && !(request.maxPerGroup >= 1)) throw new Error(`gradient check: maxPerGroup must be at least 1, got ${request.maxPerGroup}`);
    this.net = new RecurrentNet(net.config, net.params);
    const params = net.params;
    const saved = params.grad.slice();
    params.zeroGrad();
    const fwd = this.net.forward(batch, batch.state);
    const dOut = this.buffers.get(fwd.output.length);
    computeLoss(loss, fwd, batch, dOut);
    this.net.backward(dOut);
    this.analytic = params.grad.slice();
    params.grad.set(saved);
    const limit = request.maxPerGroup === null ? Infinity : Math.floor(request.maxPerGroup);
    this.sums = gradCheckGroups(params).map((group) => ({ group, n: Math.min(group.size, limit), diff2: 0, a2: 0, n2: 0, maxAbs: 0 }));
    this.total = this.sums.reduce((s, g) => s + g.n, 0);
  }

  /** Entries compared so far. */
  get done(): number {
    return this.doneCount;
  }

  get finished(): boolean {
    return this.doneCount === this.total;
  }

  /** Compare entries until `budgetMs` has passed on `clock` (at least one entry per call). The weights are exact between calls. */
  advance(budgetMs: number, clock: () => number): void {
    const start = clock();
    const data = this.net.params.data;
    const eps = this.request.eps;
    while (!this.finished) {
      const s = this.sums[this.groupIndex];
      if (this.entry === s.n) {
        this.groupIndex++;
        this.entry = 0;
        continue;
      }
      // The engine's sample: n evenly spaced entries of the group.
      const idx = s.group.offset + Math.floor((this.entry * s.group.size) / s.n);
      const saved = data[idx];
      data[idx] = saved + eps;
      const up = this.lossNow();
      data[idx] = saved - eps;
      const down = this.lossNow();
      data[idx] = saved;
      const num = (up - down) / (2 * eps);
      const a = this.analytic[idx];
      s.diff2 += (a - num) ** 2;
      s.a2 += a * a;
      s.n2 += num * num;
      s.maxAbs = Math.max(s.maxAbs, Math.abs(a - num));
      this.entry++;
      this.doneCount++;
      if (clock() - start >= budgetMs) break;
    }
  }

  /** One row per parameter group; valid once finished. */
  rows(): GradCheckRow[] {
    return this.sums.map((s) => {
      const aN = Math.sqrt(s.a2);
      const nN = Math.sqrt(s.n2);
      return {
        name: s.group.name,
        tensor: s.group.tensor,
        gate: s.group.gate,
        checked: s.n,
        relError: Math.sqrt(s.diff2) / Math.max(aN + nN, 1e-300),
        maxAbsError: s.maxAbs,
        analyticNorm: aN,
        numericNorm: nN,
      };
    });
  }

  private lossNow(): number {
    const fwd = this.net.forward(this.batch, this.batch.state);
    return computeLoss(this.loss, fwd, this.batch, this.buffers.get(fwd.output.length));
  }
}
