/**
 * What each panel's "Export CSV" writes: the numbers behind what it draws, in long (tidy) form so a
 * spreadsheet, pandas or R reads them without reshaping. Pure functions of the run state and the probe frame.
 */
import { GATE_NAMES } from '../engine/gateLayout.ts';
import type { AppState } from '../store/appStore.ts';
import { frameCell } from '../panels/shared/frameSource.ts';
import { groupTensorName } from '../panels/gradcheck/gradCheckView.ts';
import type { ProbeFrame } from '../contracts/protocol.ts';
import { float32Text, type CsvCell } from './csv.ts';

export interface CsvInput {
  state: AppState;
  frame: ProbeFrame | null;
  /** The wall clock (ms since 1970) at export, for the loss history's TensorBoard wall times. */
  now: number;
}

type Rows = CsvCell[][];

/**
 * The probe trace per layer, timestep and unit: every gate, c_t, h_t, ∂L/∂h_t and ∂L/∂c_t. t is 1-based, as
 * the panels write it.
 */
function traceRows(frame: ProbeFrame): Rows {
  const cell = frameCell(frame);
  const gates = GATE_NAMES[cell];
  const G = gates.length;
  const { T, H } = frame;
  const hasC = frame.layers.some((l) => l.c !== null);
  const header: CsvCell[] = ['layer', 't', 'unit', ...gates.map((g) => (cell === 'rnn' ? 'pre_activation' : `gate_${g}`))];
  if (hasC) header.push('c');
  header.push('h', 'dL_dh');
  if (hasC) header.push('dL_dc');
  const rows: Rows = [header];
  frame.layers.forEach((layer, l) => {
    for (let t = 0; t < T; t++) {
      for (let u = 0; u < H; u++) {
        const at = t * H + u;
        // An RNN has no gates: its one block is the pre-activation a_t (layer.act would repeat h_t).
        const gateValues = gates.map((_, g) => float32Text((cell === 'rnn' ? layer.pre : layer.act)[t * G * H + g * H + u]));
        const row: CsvCell[] = [l + 1, t + 1, u + 1, ...gateValues];
        if (hasC) row.push(layer.c ? float32Text(layer.c[at]) : null);
        row.push(float32Text(layer.h[at]), float32Text(layer.dh[at]));
        if (hasC) row.push(layer.dc ? float32Text(layer.dc[at]) : null);
        rows.push(row);
      }
    }
  });
  return rows;
}

/**
 * The training loss in TensorBoard's scalar CSV layout (Wall time, Step, Value). The trainer's clock leaves out
 * paused time, so wall times are that clock anchored at the export: gaps between steps are true, the start is not.
 */
export function lossRows(state: AppState, now: number): Rows {
  const { train, time, stride } = state.loss;
  const end = time.length ? time[time.length - 1] : 0;
  const rows: Rows = [['Wall time', 'Step', 'Value']];
  train.forEach((value, k) => rows.push([(now - end + time[k]) / 1000, (k + 1) * stride, value]));
  return rows;
}

function gradCheckRows(state: AppState): Rows | null {
  const { rows, step, eps } = state.gradCheck;
  if (!rows.length) return null;
  const cell = state.summary?.cell ?? state.config.cell;
  const name = (n: string) => groupTensorName(cell, n);
  return [
    ['parameter', 'tensor', 'gate', 'entries_checked', 'relative_error', 'max_abs_error', 'analytic_norm', 'numeric_norm', 'step', 'eps'],
    ...rows.map((r) => [name(r.name), name(r.tensor), r.gate, r.checked, r.relError, r.maxAbsError, r.analyticNorm, r.numericNorm, step, eps]),
  ];
}

/** Rows = true class, columns = predicted, counts of test windows. */
function confusionRows(state: AppState): Rows | null {
  const ev = state.evaluation;
  if (!ev || ev.kind !== 'classification') return null;
  const names = state.summary?.classes ?? ev.confusion.map((_, k) => String(k));
  return [['true \\ predicted', ...names], ...ev.confusion.map((row, a) => [names[a] ?? String(a), ...row])];
}

/** The probe sequence: inputs, targets and outputs per timestep (per output row for many-to-one). */
function predictionRows(frame: ProbeFrame, classes: readonly string[] | null): Rows {
  const { T, I, O, rows: R } = frame;
  const classification = frame.target.length === R;
  const header: CsvCell[] = ['t', ...Array.from({ length: I }, (_, i) => (I === 1 ? 'input' : `input_${i + 1}`))];
  if (classification) header.push('target_class', ...Array.from({ length: O }, (_, k) => `output_${classes?.[k] ?? k}`));
  else for (let o = 0; o < O; o++) header.push(O === 1 ? 'target' : `target_${o + 1}`, O === 1 ? 'output' : `output_${o + 1}`);
  const rows: Rows = [header];
  for (let t = 0; t < T; t++) {
    const row: CsvCell[] = [t + 1];
    for (let i = 0; i < I; i++) row.push(float32Text(frame.x[t * I + i]));
    // Many-to-one: the output row belongs to the last timestep only.
    const r = R === T ? t : t === T - 1 ? 0 : -1;
    if (classification) {
      row.push(r < 0 ? null : (classes?.[frame.target[r]] ?? frame.target[r]));
      for (let k = 0; k < O; k++) row.push(r < 0 ? null : float32Text(frame.output[r * O + k]));
    } else {
      for (let o = 0; o < O; o++) row.push(r < 0 ? null : float32Text(frame.target[r * O + o]), r < 0 ? null : float32Text(frame.output[r * O + o]));
    }
    rows.push(row);
  }
  return rows;
}

/** ‖∂L_T/∂h_t‖ (and ∂c, the mechanism behind it) per layer and timestep. */
function decayRows(frame: ProbeFrame): Rows | null {
  const flow = frame.flow;
  if (!flow) return null;
  const { T } = frame;
  const rows: Rows = [['layer', 't', 'distance_from_T', 'norm_dLT_dh', 'norm_dLT_dc', 'mechanism']];
  for (let l = 0; l < frame.layers.length; l++) {
    for (let t = 0; t < T; t++) {
      const k = T - 1 - t;
      rows.push([
        l + 1, t + 1, k,
        float32Text(flow.dh[l * T + t]),
        flow.dc ? float32Text(flow.dc[l * T + t]) : null,
        flow.mechanism ? float32Text(flow.mechanism[l * T + k]) : null,
      ]);
    }
  }
  return rows;
}

function summaryRows(state: AppState): Rows | null {
  const s = state.summary;
  if (!s) return null;
  return [['tensor', 'shape', 'parameters'], ...s.tensors.map((x) => [groupTensorName(s.cell, x.name), x.shape.join('x'), x.shape.reduce((a, b) => a * b, 1)])];
}

/** The CSV table of a panel, by its data-testid; panels without one have no CSV entry in their menu. */
export const PANEL_CSV: Readonly<Partial<Record<string, (input: CsvInput) => Rows | null>>> = {
  'panel-cell': ({ frame }) => (frame ? traceRows(frame) : null),
  'panel-gates': ({ frame }) => (frame ? traceRows(frame) : null),
  'panel-state': ({ frame }) => (frame ? traceRows(frame) : null),
  'panel-loss': ({ state, now }) => (state.loss.train.length ? lossRows(state, now) : null),
  'panel-gradcheck': ({ state }) => gradCheckRows(state),
  'panel-confusion': ({ state }) => confusionRows(state),
  'panel-predictions': ({ state, frame }) => (frame ? predictionRows(frame, state.summary?.classes ?? null) : null),
  'panel-gradient-decay': ({ frame }) => (frame ? decayRows(frame) : null),
  'panel-summary': ({ state }) => summaryRows(state),
};
