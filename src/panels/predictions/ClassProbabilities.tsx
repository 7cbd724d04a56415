/** Softmax class probabilities as horizontal bars, the true class marked, the predicted (arg-max) one bold. */
import { useRef } from 'react';
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { useT } from '../../client/useT.ts';
import { formatValue } from '../../viz/format.ts';
import { useWidth } from '../../viz/layout.ts';
import { argmax, shownClasses } from './predictionSeries.ts';
import { ROLE_COLOR } from './predictionColors.ts';

const ROW = 22;
const LABEL_W = 84;
const VALUE_W = 48;
const percent = format('.1%');
/** More classes than this are cut to the most probable ones (and the true class). */
const MAX_BARS = 10;

interface Props {
  probs: Float64Array;
  trueClass: number;
  names: readonly string[];
}

export function ClassProbabilities({ probs, trueClass, names }: Props) {
  const t = useT();
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useWidth(wrapRef, 320);
  const barW = Math.max(40, width - LABEL_W - VALUE_W);
  const x = scaleLinear().domain([0, 1]).range([0, barW]);
  const predicted = argmax(probs);
  const shown = shownClasses(probs, trueClass, MAX_BARS);

  return (
    <div className="chart-frame pred-classes" ref={wrapRef}>
      {shown.length < probs.length ? <p className="pred-classes-caption">{t('pred.topClasses', { shown: shown.length, total: probs.length })}</p> : null}
      <svg width={width} height={shown.length * ROW + 4} role="list" aria-label={t('pred.probabilities')}>
        {shown.map((k, i) => {
          const p = probs[k];
          const isTrue = k === trueClass;
          const name = names[k] ?? String(k);
          return (
            <g
              key={k}
              role="listitem"
              transform={`translate(0,${i * ROW + 2})`}
              className={`pred-class${isTrue ? ' is-true' : ''}${k === predicted ? ' is-predicted' : ''}`}
              aria-label={`${name}: ${percent(p)}${isTrue ? ` (${t('pred.trueClass')})` : ''}${k === predicted ? ` (${t('pred.predicted')})` : ''}`}
            >
              <title>{`${name}: p = ${formatValue(p)}${isTrue ? ` · ${t('pred.trueClass')}` : ''}`}</title>
              <text x={LABEL_W - 8} y={ROW / 2} dy="0.32em" textAnchor="end">
                {isTrue ? '✓ ' : ''}
                {name}
              </text>
              <rect x={LABEL_W} y={3} width={barW} height={ROW - 6} className="pred-class-track" />
              <rect x={LABEL_W} y={3} width={x(p)} height={ROW - 6} fill={isTrue ? ROLE_COLOR.target : ROLE_COLOR.output} />
              <text x={LABEL_W + barW + 6} y={ROW / 2} dy="0.32em">
                {percent(p)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
