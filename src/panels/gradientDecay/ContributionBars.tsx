/**
 * RNNbow's view: one bar per timestep for its term's share of the recurrent weight gradient (the
 * weight gradient is the sum of the gradients at every timestep). With a vanishing gradient the early bars
 * are flat: those timesteps teach W_hh nothing. Shares are projections on the total, so they add up to 1
 * and a term pulling against the total is negative.
 */
import { Notation } from '../../viz/Notation.tsx';
import { useRef, useState } from 'react';
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { useT } from '../../client/useT.ts';
import { AxisBottom, AxisLeft } from '../../viz/Axis.tsx';
import { displayTimestep, formatValue } from '../../viz/format.ts';
import { useWidth } from '../../viz/layout.ts';
import { DECAY_MARGIN as M } from '../shared/DecayChart.tsx';
import { earlyShare, timestepAt, xDomain, xOf, type DecayAxis } from '../shared/decayView.ts';

const percent = format('.2~%');

export function ContributionBars(props: { T: number; xMode: DecayAxis; shares: ArrayLike<number>; norms: ArrayLike<number>; color: string; height?: number }) {
  const t = useT();
  const { T, xMode, shares, norms } = props;
  const boxRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const width = useWidth(boxRef, 480);
  const plotW = Math.max(40, width - M.left - M.right);
  const h = props.height ?? 80;
  const x = scaleLinear().domain(xDomain(T, xMode)).range([0, plotW]);
  // Shares are mostly positive: the negative side only as deep as it needs to be.
  let min = 0;
  let max = 0;
  for (let i = 0; i < shares.length; i++) {
    if (!Number.isFinite(shares[i])) continue;
    min = Math.min(min, shares[i]);
    max = Math.max(max, shares[i]);
  }
  const y = scaleLinear().domain([min, max > min ? max : min + 1]).nice(5).range([h, 0]);
  const band = Math.max(1, (plotW / T) * 0.8);
  const half = Math.floor(T / 2);
  const hoverX = hover === null ? null : x(xOf(hover, T, xMode));

  return (
    <figure className="decay-bars" data-testid="decay-contributions">
      <figcaption className="viz-figure-head">
        <span className="viz-figure-title">
          <Notation text={t('decay.contribTitle')} />
        </span>
      </figcaption>
      <div className="viz-plot" ref={boxRef}>
        <svg width={width} height={h + M.top + M.bottom} role="img" aria-label={t('decay.contribAria')}>
          <g transform={`translate(${M.left},${M.top})`}>
            <AxisLeft scale={y} ticks={3} tickFormat={format('.0%')} label={t('decay.contribAxis')} labelOffset={46} />
            <line className="viz-zero" x1={0} x2={plotW} y1={y(0)} y2={y(0)} />
            {Array.from(shares, (v, i) =>
              Number.isFinite(v) ? (
              <rect
                key={i}
                x={x(xOf(i, T, xMode)) - band / 2}
                width={band}
                y={Math.min(y(v), y(0))}
                height={Math.abs(y(v) - y(0))}
                fill={props.color}
                fillOpacity={i === hover ? 1 : 0.75}
              />
              ) : null,
            )}
            <g transform={`translate(0,${h})`}>
              <AxisBottom scale={x} integer ticks={Math.min(T, Math.max(2, Math.floor(plotW / 45)))} tickFormat={(v) => String(v)} label={xMode === 'timestep' ? t('gs.axisTimestep') : t('decay.axisDistance')} />
            </g>
            <rect
              className="viz-hit"
              width={plotW}
              height={h}
              onPointerMove={(e) => setHover(timestepAt(x.invert(e.clientX - e.currentTarget.getBoundingClientRect().left), T, xMode))}
              onPointerLeave={() => setHover(null)}
            />
          </g>
        </svg>
        {hover !== null && hoverX !== null ? (
          <div className="viz-tooltip" style={{ left: M.left + hoverX + 12, top: M.top, transform: hoverX > plotW * 0.6 ? 'translateX(calc(-100% - 24px))' : undefined }}>
            {t('decay.contribTip', { t: displayTimestep(hover), share: percent(shares[hover]), norm: formatValue(norms[hover]) })}
          </div>
        ) : null}
      </div>
      <p className="viz-note" data-testid="decay-early-share">
        <Notation text={t('decay.earlyShare', { half, share: percent(earlyShare(shares)) })} />
      </p>
    </figure>
  );
}
