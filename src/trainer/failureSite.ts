/** Where in the unrolled network a failed step's NaN/Inf first appeared, for the failure message. */
import { firstNonFiniteOutput, firstNonFiniteState, lastNonFiniteGradient, type NonFiniteSite } from '../engine/analysis/nonFinite.ts';
import type { RecurrentNet } from '../engine/network.ts';
import { computeLoss, type LossBuffers, type NonFiniteError, type StepOptions, type TrainingBatch } from '../engine/train.ts';

/**
 * Where the failed step's NaN/Inf appeared in time, by running it again (the weights of a loss or gradient
 * failure are unchanged, so the trace is the same): for a non-finite loss the first state (or else output) to
 * overflow going forward, for a non-finite gradient the first ∂L/∂h_t or ∂L/∂c_t to overflow going back. An overflowed
 * update ('weights') has no place in time.
 */
export function locateFailure(e: NonFiniteError, net: RecurrentNet, batch: TrainingBatch, options: StepOptions, buffers: LossBuffers): NonFiniteSite | null {
  if (e.where === 'weights') return null;
  const H = net.config.hiddenSize;
  const fwd = net.forward(batch, batch.state);
  const state = firstNonFiniteState(fwd, H);
  if (state) return state;
  if (e.where === 'loss') return firstNonFiniteOutput(fwd);
  const dOut = buffers.get(fwd.output.length);
  computeLoss(options.loss, fwd, batch, dOut);
  net.params.zeroGrad();
  return lastNonFiniteGradient(net.backward(dOut, { truncate: options.truncate }), fwd.T, fwd.B, H);
}

/** A site said the way the failure message reads. */
export function describeSite(site: NonFiniteSite): string {
  const what = { h: 'h_t', c: 'c_t', y: 'the output', dh: '∂L/∂h_t', dc: '∂L/∂c_t' }[site.quantity];
  const where = site.layer === null ? '' : ` of layer ${site.layer + 1}`;
  return `overflow at timestep ${site.timestep + 1}${where} (${what})`;
}
