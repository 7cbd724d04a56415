/**
 * Optimisers over the flat parameter array, following torch.optim's update rules step for step (SGD with
 * dampening 0, Adam without amsgrad, RMSprop with centered=false). Weight decay is PyTorch's coupled L2:
 * g = grad + wd·param enters the moments (Adam, not AdamW). step() never writes to `grad` (the UI shows it
 * afterwards) and never allocates.
 */

export type OptimizerConfig =
  | { kind: 'sgd'; lr: number; momentum: number; nesterov: boolean; weightDecay: number }
  | { kind: 'adam'; lr: number; beta1: number; beta2: number; eps: number; weightDecay: number }
  | { kind: 'rmsprop'; lr: number; alpha: number; eps: number; momentum: number; weightDecay: number };

export type OptimizerKind = OptimizerConfig['kind'];

/**
 * Everything needed to resume exactly; buffers are named as in PyTorch's optimizer.state. Typed arrays, so a
 * snapshot crosses to the page and into storage as a block copy (plain arrays are cloned number by number).
 */
export interface OptimizerState {
  config: OptimizerConfig;
  stepCount: number;
  buffers: Record<string, Float64Array>;
}

export interface Optimizer {
  readonly config: OptimizerConfig;
  /** Number of parameters it was built for. */
  readonly size: number;
  /** Steps taken since creation, reset() or a change of kind (Adam's bias correction uses it). */
  readonly stepCount: number;
  /** params −= update(grad); grad is read only. */
  step(params: Float64Array, grad: Float64Array): void;
  /** Same kind: new hyper-parameters, moments and stepCount kept (as editing param_groups). Other kind: state reset. */
  setConfig(c: OptimizerConfig): void;
  /** Zero the moments and stepCount, keeping the config. */
  reset(): void;
  getState(): OptimizerState;
  /** Restore a getState() snapshot (config included); the buffer sizes must match. */
  loadState(s: OptimizerState): void;
}

/** PyTorch's defaults, except SGD's lr, which torch leaves to the caller (0.01 here). */
export function defaultOptimizerConfig<K extends OptimizerKind>(kind: K): Extract<OptimizerConfig, { kind: K }>;
export function defaultOptimizerConfig(kind: OptimizerKind): OptimizerConfig {
  switch (kind) {
    case 'sgd':
      return { kind, lr: 0.01, momentum: 0, nesterov: false, weightDecay: 0 };
    case 'adam':
      return { kind, lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 };
    case 'rmsprop':
      return { kind, lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, weightDecay: 0 };
  }
}

/** Throws the same complaints torch.optim does for invalid hyper-parameters. */
function validate(c: OptimizerConfig): OptimizerConfig {
  const nonNegative = (v: number, what: string): void => {
    if (!(v >= 0) || !Number.isFinite(v)) throw new Error(`${c.kind}: invalid ${what} ${v} (must be a finite number ≥ 0)`);
  };
  const unitInterval = (v: number, what: string): void => {
    if (!(v >= 0 && v < 1)) throw new Error(`${c.kind}: invalid ${what} ${v} (must be in [0, 1))`);
  };
  nonNegative(c.lr, 'learning rate');
  nonNegative(c.weightDecay, 'weight decay');
  switch (c.kind) {
    case 'sgd':
      nonNegative(c.momentum, 'momentum');
      if (c.nesterov && c.momentum <= 0) throw new Error('sgd: Nesterov momentum requires a momentum > 0');
      break;
    case 'adam':
      unitInterval(c.beta1, 'beta1');
      unitInterval(c.beta2, 'beta2');
      nonNegative(c.eps, 'epsilon');
      break;
    case 'rmsprop':
      nonNegative(c.alpha, 'alpha');
      nonNegative(c.eps, 'epsilon');
      nonNegative(c.momentum, 'momentum');
      break;
  }
  return { ...c };
}

/** PyTorch's state names for the two preallocated buffers, per kind. */
const BUFFER_NAMES: Record<OptimizerKind, readonly [string, string | null]> = {
  sgd: ['momentum_buffer', null],
  adam: ['exp_avg', 'exp_avg_sq'],
  rmsprop: ['square_avg', 'momentum_buffer'],
};

class FlatOptimizer implements Optimizer {
  private cfg: OptimizerConfig;
  private steps = 0;
  // Two moment buffers cover every kind (see BUFFER_NAMES); allocated once so step() never allocates.
  private readonly buf1: Float64Array;
  private readonly buf2: Float64Array;

  constructor(config: OptimizerConfig, readonly size: number) {
    if (!Number.isInteger(size) || size < 0) throw new Error(`optimizer size must be an integer ≥ 0, got ${size}`);
    this.cfg = validate(config);
    this.buf1 = new Float64Array(size);
    this.buf2 = new Float64Array(size);
  }

  get config(): OptimizerConfig {
    return this.cfg;
  }

  get stepCount(): number {
    return this.steps;
  }

  setConfig(c: OptimizerConfig): void {
    const kindChanged = c.kind !== this.cfg.kind;
    this.cfg = validate(c);
    if (kindChanged) this.reset();
  }

  reset(): void {
    this.steps = 0;
    this.buf1.fill(0);
    this.buf2.fill(0);
  }

  step(params: Float64Array, grad: Float64Array): void {
    if (params.length !== this.size || grad.length !== this.size) {
      throw new Error(`optimizer built for ${this.size} parameters, got params ${params.length} and grad ${grad.length}`);
    }
    this.steps++;
    const c = this.cfg;
    switch (c.kind) {
      case 'sgd':
        this.sgd(params, grad, c.lr, c.momentum, c.nesterov, c.weightDecay);
        break;
      case 'adam':
        this.adam(params, grad, c.lr, c.beta1, c.beta2, c.eps, c.weightDecay);
        break;
      case 'rmsprop':
        this.rmsprop(params, grad, c.lr, c.alpha, c.eps, c.momentum, c.weightDecay);
        break;
    }
  }

  /**
   * torch.optim.SGD (dampening 0): d = g; buf = μ·buf + d; d = nesterov ? d + μ·buf : buf; p −= lr·d.
   * torch seeds buf with d on the first step, which equals μ·0 + d, so a zero buffer is the same thing.
   * With μ = 0 the buffer is left alone, as torch keeps it untouched in its state.
   */
  private sgd(p: Float64Array, grad: Float64Array, lr: number, mu: number, nesterov: boolean, wd: number): void {
    const buf = this.buf1;
    for (let i = 0; i < p.length; i++) {
      let d = grad[i] + wd * p[i];
      if (mu !== 0) {
        const b = mu * buf[i] + d;
        buf[i] = b;
        d = nesterov ? d + mu * b : b;
      }
      p[i] -= lr * d;
    }
  }

  /**
   * torch.optim.Adam: m = lerp(m, g, 1−β1); v = β2·v + (1−β2)·g²;
   * p −= (lr / (1−β1^t)) · m / (√v / √(1−β2^t) + ε).
   */
  private adam(p: Float64Array, grad: Float64Array, lr: number, b1: number, b2: number, eps: number, wd: number): void {
    const m = this.buf1;
    const v = this.buf2;
    const stepSize = lr / (1 - b1 ** this.steps);
    const bc2Sqrt = Math.sqrt(1 - b2 ** this.steps);
    const w1 = 1 - b1;
    const w2 = 1 - b2;
    for (let i = 0; i < p.length; i++) {
      const g = grad[i] + wd * p[i];
      // torch's lerp_ form m + w·(g − m), not β1·m + (1−β1)·g, to track its rounding.
      const mi = m[i] + w1 * (g - m[i]);
      const vi = b2 * v[i] + w2 * (g * g);
      m[i] = mi;
      v[i] = vi;
      p[i] -= stepSize * (mi / (Math.sqrt(vi) / bc2Sqrt + eps));
    }
  }

  /**
   * torch.optim.RMSprop (centered=false): s = α·s + (1−α)·g²; a = √s + ε;
   * momentum μ > 0: buf = μ·buf + g/a, p −= lr·buf; otherwise p −= lr·g/a.
   */
  private rmsprop(p: Float64Array, grad: Float64Array, lr: number, alpha: number, eps: number, mu: number, wd: number): void {
    const sq = this.buf1;
    const buf = this.buf2;
    const w = 1 - alpha;
    for (let i = 0; i < p.length; i++) {
      const g = grad[i] + wd * p[i];
      const s = alpha * sq[i] + w * (g * g);
      sq[i] = s;
      const u = g / (Math.sqrt(s) + eps);
      if (mu > 0) {
        const b = mu * buf[i] + u;
        buf[i] = b;
        p[i] -= lr * b;
      } else {
        p[i] -= lr * u;
      }
    }
  }

  getState(): OptimizerState {
    const [n1, n2] = BUFFER_NAMES[this.cfg.kind];
    const buffers: Record<string, Float64Array> = { [n1]: this.buf1.slice() };
    if (n2 !== null) buffers[n2] = this.buf2.slice();
    return { config: { ...this.cfg }, stepCount: this.steps, buffers };
  }

  loadState(s: OptimizerState): void {
    if (!Number.isInteger(s.stepCount) || s.stepCount < 0) throw new Error(`invalid optimizer stepCount ${s.stepCount}`);
    const cfg = validate(s.config);
    const [n1, n2] = BUFFER_NAMES[cfg.kind];
    const read = (name: string): Float64Array => {
      const b = s.buffers[name];
      if (!b || b.length !== this.size) throw new Error(`optimizer state: buffer '${name}' must hold ${this.size} numbers, got ${b?.length ?? 'none'}`);
      return b;
    };
    const b1 = read(n1);
    const b2 = n2 === null ? null : read(n2);
    this.cfg = cfg;
    this.steps = s.stepCount;
    this.buf1.set(b1);
    if (b2) this.buf2.set(b2);
    else this.buf2.fill(0);
  }
}

export function createOptimizer(config: OptimizerConfig, size: number): Optimizer {
  return new FlatOptimizer(config, size);
}

/**
 * Euclidean norm, robust to overflow and underflow (exploding and vanishing gradients stay readable):
 * the plain sum of squares when it is safely in range, otherwise a rescaled pass. NaN if any entry is NaN.
 */
export function globalNorm(a: Float64Array): number {
  let ss = 0;
  for (let i = 0; i < a.length; i++) ss += a[i] * a[i];
  if (ss < 1e300 && ss > 1e-300) return Math.sqrt(ss);
  let maxAbs = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Math.abs(a[i]);
    if (Number.isNaN(x)) return NaN;
    if (x > maxAbs) maxAbs = x;
  }
  if (maxAbs === Infinity || maxAbs === 0) return maxAbs;
  let scaled = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] / maxAbs;
    scaled += x * x;
  }
  return maxAbs * Math.sqrt(scaled);
}

/**
 * torch.nn.utils.clip_grad_norm_ on one flat gradient: returns the norm before clipping and, when
 * maxNorm / (norm + 1e−6) < 1, scales grad by that factor, so the result has norm ≤ maxNorm.
 * A non-finite norm is returned with grad untouched, so the caller can skip the step.
 */
export function clipGradNorm(grad: Float64Array, maxNorm: number): number {
  if (!(maxNorm >= 0)) throw new Error(`clipGradNorm: maxNorm must be ≥ 0, got ${maxNorm}`);
  const norm = globalNorm(grad);
  if (!Number.isFinite(norm)) return norm;
  const coef = maxNorm / (norm + 1e-6);
  if (coef < 1) for (let i = 0; i < grad.length; i++) grad[i] *= coef;
  return norm;
}

/** torch.nn.utils.clip_grad_value_: clamps every entry to [−clip, clip] in place (NaN stays NaN). */
export function clipGradValue(grad: Float64Array, clip: number): void {
  if (!(clip >= 0)) throw new Error(`clipGradValue: clip must be ≥ 0, got ${clip}`);
  for (let i = 0; i < grad.length; i++) {
    if (grad[i] > clip) grad[i] = clip;
    else if (grad[i] < -clip) grad[i] = -clip;
  }
}
