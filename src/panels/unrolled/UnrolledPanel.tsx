/**
 * The network unrolled in time: the cell once per timestep (a window of copies around the cursor), each copy
 * marked with the same shared weights, forward values flowing right or — in the backward walk — the error
 * term δ flowing left with its size, the dense head after the top layer (on every copy or the last one,
 * by output mode), and each timestep's term of ∂L_T/∂W_hh adding into the total.
 */
import { useT } from '../../client/useT.ts';
import { useApp, useAppStore } from '../../client/useApp.ts';
import { setTimestep } from '../../store/actions.ts';
import { displayTimestep, displayUnit, formatValue } from '../../viz/format.ts';
import { Panel } from '../Panel.tsx';
import { useFrame } from '../shared/useFrame.ts';
import { deltaWidth, unrolledView, type UnrolledCopy, type UnrolledView } from './unrolledView.ts';
import './unrolled.css';

const COPY_W = 96;
const GAP = 40;
const PITCH = COPY_W + GAP;
const MARGIN = 30;
const HEAD_Y = 6;
const HEAD_H = 24;
const CELL_Y = 56;
const CELL_H = 70;
const X_Y = 160;
const BAR_Y = 186;
const BAR_H = 40;
const HEIGHT = BAR_Y + BAR_H + 16;

const copyX = (i: number): number => MARGIN + i * PITCH;

function Arrow(props: { x1: number; x2: number; y: number; width: number; className: string; label: string }) {
  const { x1, x2, y } = props;
  const dir = Math.sign(x2 - x1);
  return (
    <g className={props.className}>
      <line x1={x1} y1={y} x2={x2 - dir * 6} y2={y} strokeWidth={props.width} />
      <path d={`M ${x2} ${y} l ${-dir * 8} -5 v 10 z`} />
      <text x={(x1 + x2) / 2} y={y - 7 - props.width / 2} textAnchor="middle" className="unrolled-arrow-label">
        {props.label}
      </text>
    </g>
  );
}

function Copy(props: { copy: UnrolledCopy; i: number; cursor: boolean; backward: boolean; onPick: () => void }) {
  const { copy, i, backward } = props;
  const x = copyX(i);
  return (
    <g className={`unrolled-copy ${props.cursor ? 'unrolled-copy-cursor' : ''}`} onClick={props.onPick} data-t={copy.t}>
      <rect x={x} y={CELL_Y} width={COPY_W} height={CELL_H} rx={8} />
      <text x={x + COPY_W / 2} y={CELL_Y + 15} textAnchor="middle" className="unrolled-t">
        t = {displayTimestep(copy.t)}
      </text>
      {backward ? (
        <text x={x + COPY_W / 2} y={CELL_Y + 33} textAnchor="middle" className="unrolled-value unrolled-delta">
          ‖δ‖ {formatValue(copy.delta)}
        </text>
      ) : (
        <>
          <text x={x + COPY_W / 2} y={CELL_Y + 32} textAnchor="middle" className="unrolled-value">
            h {formatValue(copy.h)}
          </text>
          {copy.c !== null ? (
            <text x={x + COPY_W / 2} y={CELL_Y + 45} textAnchor="middle" className="unrolled-value unrolled-c">
              c {formatValue(copy.c)}
            </text>
          ) : null}
        </>
      )}
      {/* The same chip on every copy: one set of weights, used at every timestep. */}
      <rect x={x + 6} y={CELL_Y + CELL_H - 21} width={COPY_W - 12} height={16} rx={8} className="unrolled-weights" />
      <text x={x + COPY_W / 2} y={CELL_Y + CELL_H - 9.5} textAnchor="middle" className="unrolled-weights-text">
        W_ih·W_hh·b
      </text>
      <line x1={x + COPY_W / 2} y1={X_Y - 13} x2={x + COPY_W / 2} y2={CELL_Y + CELL_H + 4} className="unrolled-input-line" />
      <circle cx={x + COPY_W / 2} cy={X_Y} r={12} className="unrolled-input" />
      <text x={x + COPY_W / 2} y={X_Y + 4} textAnchor="middle" className="unrolled-input-text">
        x
      </text>
      <text x={x + COPY_W / 2 + 16} y={X_Y + 4} className="unrolled-x-value">
        {formatValue(copy.x)}
      </text>
    </g>
  );
}

function Head(props: { i: number; label: string }) {
  const x = copyX(props.i);
  return (
    <g className="unrolled-head" data-testid="unrolled-head">
      <rect x={x + 12} y={HEAD_Y} width={COPY_W - 24} height={HEAD_H} rx={5} />
      <text x={x + COPY_W / 2} y={HEAD_Y + 16} textAnchor="middle">
        {props.label}
      </text>
      <line x1={x + COPY_W / 2} y1={CELL_Y} x2={x + COPY_W / 2} y2={HEAD_Y + HEAD_H} />
    </g>
  );
}

/** Over a lower layer: its h_t goes up into the next layer, not to the head. */
function UpArrow(props: { i: number; label: string }) {
  const x = copyX(props.i) + COPY_W / 2;
  return (
    <g className="unrolled-up">
      <line x1={x} y1={CELL_Y} x2={x} y2={HEAD_Y + 8} />
      <path d={`M ${x} ${HEAD_Y} l -5 9 h 10 z`} />
      <text x={x + 8} y={HEAD_Y + 18}>
        {props.label}
      </text>
    </g>
  );
}

function TermBars(props: { view: UnrolledView }) {
  const { copies, since } = props.view;
  const norms = copies.map((c) => c.termNorm ?? 0).filter((v) => v > 0 && Number.isFinite(v));
  if (norms.length === 0) return null;
  const max = Math.max(...norms);
  const floor = max * 1e-6;
  // An overflowed term fills the bar; a NaN one (or a tiny one) is a sliver.
  const height = (v: number): number => (v === Infinity ? BAR_H : v > floor && max > floor ? Math.min(BAR_H, (BAR_H * Math.log10(v / floor)) / Math.log10(max / floor)) : 1);
  return (
    <g className="unrolled-terms">
      {copies.map((c, i) => {
        const h = Math.max(1, height(c.termNorm ?? 0));
        return (
          <rect
            key={c.t}
            x={copyX(i) + COPY_W / 2 - 9}
            y={BAR_Y + BAR_H - h}
            width={18}
            height={h}
            className={c.t >= since ? 'unrolled-term-on' : 'unrolled-term-off'}
          >
            <title>{formatValue(c.termNorm ?? 0)}</title>
          </rect>
        );
      })}
    </g>
  );
}

function SumBar(props: { view: UnrolledView }) {
  const t = useT();
  const { sumSoFar, since, T } = props.view;
  if (sumSoFar === null) return <p className="viz-note">{t('unrolled.noFlow')}</p>;
  const fill = Math.max(0, Math.min(1, sumSoFar));
  return (
    <div className="unrolled-sum" data-testid="unrolled-sum" data-share={sumSoFar}>
      <div className="unrolled-sum-title">{t('unrolled.sumTitle')}</div>
      <div className="unrolled-sum-track" aria-hidden="true">
        <div className="unrolled-sum-fill" style={{ width: `${fill * 100}%` }} />
      </div>
      <div className="unrolled-sum-text">
        {t('unrolled.sumSoFar', { t: displayTimestep(since), T, share: `${(sumSoFar * 100).toFixed(sumSoFar > 0.999 && sumSoFar < 1.001 ? 0 : 1)} %` })}
        {' · '}
        {t('unrolled.sumHint')}
      </div>
    </div>
  );
}

function UnrolledBody() {
  const t = useT();
  const store = useAppStore();
  const frame = useFrame();
  const cursor = useApp((s) => s.selection.t);
  const layerSel = useApp((s) => s.selection.layer);
  const unitSel = useApp((s) => s.selection.unit);
  const backward = useApp((s) => s.selection.walk === 'backward');
  const outputMode = useApp((s) => s.summary?.outputMode ?? 'last');
  if (!frame || frame.layers.length === 0) return <p className="viz-note">{t('unrolled.empty')}</p>;
  const layer = Math.min(layerSel, frame.layers.length - 1);
  const view = unrolledView(frame, layer, unitSel, cursor, backward);
  if (!view) return <p className="viz-note">{t('unrolled.empty')}</p>;
  const top = layer === frame.layers.length - 1;
  const width = copyX(view.copies.length) - GAP + MARGIN;
  const deltas = view.copies.map((c) => c.delta).filter((d) => d > 0 && Number.isFinite(d));
  const dMin = deltas.length ? Math.min(...deltas) : 0;
  const dMax = deltas.length ? Math.max(...deltas) : 0;
  const y = CELL_Y + CELL_H / 2;
  const headAt = (c: UnrolledCopy): boolean => top && (outputMode === 'sequence' || c.t === view.T - 1);
  return (
    <>
      <p className="unrolled-legend">
        <span className="unrolled-chip">W_ih · W_hh · b</span> {t('unrolled.shared')} · {backward ? t('unrolled.backward') : t('unrolled.forward')}
      </p>
      <svg className="unrolled-svg" viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" role="img" aria-label={t('unrolled.title')} data-backward={backward}>
        {view.from > 0 ? <line x1={4} y1={y} x2={MARGIN - 2} y2={y} className="unrolled-edge" /> : null}
        {view.to < view.T - 1 ? <line x1={width - MARGIN + 2} y1={y} x2={width - 4} y2={y} className="unrolled-edge" /> : null}
        {view.copies.slice(0, -1).map((c, i) => {
          const next = view.copies[i + 1];
          const a = copyX(i) + COPY_W;
          const b = copyX(i + 1);
          return backward ? (
            <Arrow key={c.t} x1={b} x2={a} y={y} width={deltaWidth(next.delta, dMin, dMax)} className="unrolled-arrow unrolled-arrow-back" label={formatValue(next.delta)} />
          ) : (
            <Arrow key={c.t} x1={a} x2={b} y={y} width={2} className="unrolled-arrow" label={formatValue(c.h)} />
          );
        })}
        {view.copies.map((c, i) => (
          <Copy key={c.t} copy={c} i={i} cursor={c.t === cursor} backward={backward} onPick={() => setTimestep(store, c.t, view.T)} />
        ))}
        {view.copies.map((c, i) =>
          headAt(c) ? <Head key={c.t} i={i} label={t('unrolled.head')} /> : top ? null : <UpArrow key={c.t} i={i} label={t('unrolled.toLayer', { layer: layer + 2 })} />,
        )}
        <TermBars view={view} />
      </svg>
      {view.T > view.copies.length ? (
        <p className="viz-note">{t('unrolled.window', { from: displayTimestep(view.from), to: displayTimestep(view.to), T: view.T })}</p>
      ) : null}
      <SumBar view={view} />
    </>
  );
}

export function UnrolledPanel() {
  const t = useT();
  const layer = useApp((s) => s.selection.layer);
  const unit = useApp((s) => s.selection.unit);
  return (
    <Panel testId="panel-unrolled" title={t('unrolled.title')} subtitle={t('unrolled.subtitle', { layer: layer + 1, unit: displayUnit(unit) })}>
      <UnrolledBody />
    </Panel>
  );
}
