/**
 * All trainable parameters live in one flat Float64Array (and their gradients in a twin), so optimisers,
 * clipping and gradient checks work on plain arrays. Each tensor is a named, row-major view into it, named as
 * in a PyTorch state_dict without the module prefix: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0
 * (plus peephole_l0 [3, H] for peephole LSTMs, which PyTorch lacks) and head.weight, head.bias.
 */
import type { ModelConfig } from './config.ts';
import { gateCount } from './gateLayout.ts';

export type TensorKind = 'weight_ih' | 'weight_hh' | 'bias_ih' | 'bias_hh' | 'peephole' | 'head_weight' | 'head_bias';

export interface TensorSpec {
  readonly name: string;
  readonly kind: TensorKind;
  /** Recurrent layer index, or -1 for the head. */
  readonly layer: number;
  readonly shape: readonly number[];
  /** Start of this tensor inside ParamStore.data / .grad. */
  readonly offset: number;
  readonly size: number;
}

export function layerInputSize(config: ModelConfig, layer: number): number {
  return layer === 0 ? config.inputSize : config.hiddenSize;
}

/** The tensors of a model, in state_dict order (layer by layer, then the head). */
export function tensorSpecs(config: ModelConfig): TensorSpec[] {
  const G = gateCount(config.cell);
  const H = config.hiddenSize;
  const specs: TensorSpec[] = [];
  let offset = 0;
  const add = (name: string, kind: TensorKind, layer: number, shape: number[]): void => {
    const size = shape.reduce((a, b) => a * b, 1);
    specs.push({ name, kind, layer, shape, offset, size });
    offset += size;
  };
  for (let l = 0; l < config.numLayers; l++) {
    add(`weight_ih_l${l}`, 'weight_ih', l, [G * H, layerInputSize(config, l)]);
    add(`weight_hh_l${l}`, 'weight_hh', l, [G * H, H]);
    add(`bias_ih_l${l}`, 'bias_ih', l, [G * H]);
    add(`bias_hh_l${l}`, 'bias_hh', l, [G * H]);
    if (config.cell === 'lstm' && config.peephole) add(`peephole_l${l}`, 'peephole', l, [3, H]);
  }
  if (config.outputSize !== null) {
    add('head.weight', 'head_weight', -1, [config.outputSize, H]);
    add('head.bias', 'head_bias', -1, [config.outputSize]);
  }
  return specs;
}

/** Offsets of one recurrent layer's tensors, resolved once so hot loops never look names up. */
export interface LayerParams {
  wIh: number;
  wHh: number;
  bIh: number;
  bHh: number;
  /** -1 when the model has no peepholes. */
  peep: number;
}

export class ParamStore {
  readonly data: Float64Array;
  /** dLoss/d(data), same layout. */
  readonly grad: Float64Array;
  readonly specs: readonly TensorSpec[];
  readonly layers: readonly LayerParams[];
  /** Offsets of head.weight / head.bias, or -1. */
  readonly headW: number;
  readonly headB: number;
  private readonly byName: Map<string, TensorSpec>;

  constructor(readonly config: ModelConfig) {
    this.specs = tensorSpecs(config);
    const total = this.specs.reduce((a, s) => a + s.size, 0);
    this.data = new Float64Array(total);
    this.grad = new Float64Array(total);
    this.byName = new Map(this.specs.map((s) => [s.name, s]));
    const off = (name: string): number => this.byName.get(name)?.offset ?? -1;
    this.layers = Array.from({ length: config.numLayers }, (_, l) => ({
      wIh: off(`weight_ih_l${l}`),
      wHh: off(`weight_hh_l${l}`),
      bIh: off(`bias_ih_l${l}`),
      bHh: off(`bias_hh_l${l}`),
      peep: off(`peephole_l${l}`),
    }));
    this.headW = off('head.weight');
    this.headB = off('head.bias');
  }

  get size(): number {
    return this.data.length;
  }

  spec(name: string): TensorSpec {
    const s = this.byName.get(name);
    if (!s) throw new Error(`no tensor named '${name}' (have: ${this.specs.map((x) => x.name).join(', ')})`);
    return s;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** A live view of one tensor's values (writes go into the store). */
  value(name: string): Float64Array {
    const s = this.spec(name);
    return this.data.subarray(s.offset, s.offset + s.size);
  }

  /** A live view of one tensor's gradient. */
  gradOf(name: string): Float64Array {
    const s = this.spec(name);
    return this.grad.subarray(s.offset, s.offset + s.size);
  }

  zeroGrad(): void {
    this.grad.fill(0);
  }

  clone(): ParamStore {
    const p = new ParamStore(this.config);
    p.data.set(this.data);
    p.grad.set(this.grad);
    return p;
  }
}
