/**
 * Model output against the target over the probe sequence: the forecast picture for regression (input
 * series, target and prediction), or the input plus softmax class probabilities for classification.
 */
import { useMemo, useRef } from 'react';
import { useHeight } from '../../viz/layout.ts';
import { useT } from '../../client/useT.ts';
import { setTimestep } from '../../store/actions.ts';
import { type AppStore } from '../../store/appStore.ts';
import { useApp, useAppStore } from '../../client/useApp.ts';
import { displayTimestep, formatValue } from '../../viz/format.ts';
import type { ModelSummary, ProbeFrame } from '../../contracts/protocol.ts';
import { Panel } from '../Panel.tsx';
import { useFrame } from '../shared/useFrame.ts';
import { Legend } from '../../viz/ChartLegend.tsx';
import { ClassProbabilities } from './ClassProbabilities.tsx';
import { ROLE_COLOR } from './predictionColors.ts';
import { classProbabilities, forecastLead, inputSeries, outputPosition, regressionSeries, rowAt, type Role, type SeqSeries } from './predictionSeries.ts';
import { SequenceChart, type SequenceLine } from './SequenceChart.tsx';
import './predictions.css';

type T = ReturnType<typeof useT>;

/** Heights in px of the input strip and the least of the target/prediction chart, which fills the rest of the panel. */
const INPUT_STRIP_HEIGHT = 96;
const FORECAST_MIN_HEIGHT = 220;

const ROLE_LABEL = { input: 'pred.input', target: 'pred.target', output: 'pred.output' } as const;
const ROLE_STYLE: Record<Role, Pick<SequenceLine, 'width' | 'dash' | 'dots'>> = {
  input: { width: 1.5 },
  target: { width: 1.5, dash: '5 3' },
  output: { width: 2.2, dots: true },
};

function toLines(series: SeqSeries[], f: ProbeFrame, t: T): SequenceLine[] {
  return series.map((s) => {
    const many = (s.role === 'input' ? f.I : f.O) > 1;
    return {
      id: `${s.role}-${s.dim}`,
      label: t(ROLE_LABEL[s.role]) + (many ? ` ${s.dim + 1}` : ''),
      color: ROLE_COLOR[s.role],
      xs: s.xs,
      ys: s.ys,
      ...ROLE_STYLE[s.role],
    };
  });
}

/** Move the shared timestep cursor (selection.t is 0-based; positions are 1-based). */
function selectTimestep(store: AppStore, f: ProbeFrame, pos: number): void {
  setTimestep(store, pos - 1, f.T);
}

function RegressionView({ f, selT, t }: { f: ProbeFrame; selT: number; t: T }) {
  const store = useAppStore();
  const fillRef = useRef<HTMLDivElement>(null);
  const chartHeight = useHeight(fillRef, FORECAST_MIN_HEIGHT);
  const lines = useMemo(() => toLines(regressionSeries(f), f, t), [f, t]);
  const lead = forecastLead(f);
  const row = rowAt(f, selT);
  const produced = outputPosition(f, row, lead);
  const errors = (pos: number): { label: string; value: number }[] => {
    const r = f.rows === 1 ? (pos === produced ? 0 : -1) : pos - 1 - lead;
    if (r < 0 || r >= f.rows) return [];
    return Array.from({ length: Math.min(f.O, 6) }, (_, k) => ({
      label: t('pred.error') + (f.O > 1 ? ` ${k + 1}` : ''),
      value: f.output[r * f.O + k] - f.target[r * f.O + k],
    }));
  };
  // The input gets its own strip: in a forecast the target is the input one step on, so on one plot the two
  // lines coincide exactly and the input disappears under the target.
  const inputs = lines.filter((l) => l.id.startsWith('input-'));
  const outputs = lines.filter((l) => !l.id.startsWith('input-'));
  const rule = displayTimestep(Math.min(selT, f.T - 1));
  const forecastFrom = f.rows === 1 && lead === 1 ? f.T + 1 : undefined;
  return (
    <>
      <div className="pred-input-strip" data-testid="pred-input-strip">
        <Legend items={[{ key: 'input', label: t('pred.inputStrip'), color: ROLE_COLOR.input }]} />
        <SequenceChart
          lines={inputs}
          positions={f.T + lead}
          rule={rule}
          forecastFrom={forecastFrom}
          xLabel={t('term.timestep')}
          hideXLabel
          ariaLabel={t('pred.inputAria')}
          exportName="predictions-input"
          onSelect={(pos) => selectTimestep(store, f, pos)}
          height={INPUT_STRIP_HEIGHT}
        />
      </div>
      <Legend
        items={[
          { key: 'target', label: t('pred.target'), color: ROLE_COLOR.target, dashed: true },
          { key: 'output', label: t('pred.output'), color: ROLE_COLOR.output, weight: 'bold' },
        ]}
      />
      <div className="pred-fill" ref={fillRef}>
        <div className="pred-fill-chart">
      <SequenceChart
        lines={outputs}
        positions={f.T + lead}
        rule={rule}
        forecastFrom={forecastFrom}
        highlights={Array.from({ length: Math.min(f.O, 6) }, (_, k) => ({ x: produced, y: f.output[row * f.O + k], color: ROLE_COLOR.output }))}
        xLabel={t('term.timestep')}
        ariaLabel={t('pred.aria')}
        extra={errors}
        onSelect={(pos) => selectTimestep(store, f, pos)}
        height={Math.max(FORECAST_MIN_HEIGHT, chartHeight)}
      />
        </div>
      </div>
    </>
  );
}

function ClassificationView({ f, selT, classes, t }: { f: ProbeFrame; selT: number; classes: readonly string[] | null; t: T }) {
  const store = useAppStore();
  const lines = useMemo(() => toLines(inputSeries(f), f, t), [f, t]);
  const row = rowAt(f, selT);
  const probs = useMemo(() => classProbabilities(f, row), [f, row]);
  return (
    <div className="pred-classification">
      <div>
        <Legend items={[{ key: 'input', label: t('pred.input'), color: ROLE_COLOR.input }]} />
        <SequenceChart
          lines={lines}
          positions={f.T}
          rule={displayTimestep(Math.min(selT, f.T - 1))}
          xLabel={t('term.timestep')}
          ariaLabel={t('pred.aria')}
          onSelect={(pos) => selectTimestep(store, f, pos)}
          height={170}
        />
      </div>
      <div>
        <Legend
          items={[
            { key: 'target', label: `✓ ${t('pred.trueClass')}`, color: ROLE_COLOR.target, weight: 'bold' },
            { key: 'output', label: t('pred.probability'), color: ROLE_COLOR.output, weight: 'bold' },
          ]}
        />
        <p className="pred-classes-caption">
          {t('pred.probabilities')}
          {f.rows > 1 ? ` · ${t('pred.atStep', { t: displayTimestep(row) })}` : ''}
        </p>
        <ClassProbabilities probs={probs} trueClass={f.target[row]} names={classes ?? []} />
      </div>
    </div>
  );
}

function isClassification(summary: ModelSummary | null): boolean {
  return summary?.loss === 'crossEntropy';
}

export function PredictionsPanel() {
  const t = useT();
  const f = useFrame();
  const summary = useApp((s) => s.summary);
  const selT = useApp((s) => s.selection.t);
  return (
    <Panel testId="panel-predictions" className="predictions-panel" title={t('pred.title')} subtitle={f ? t('pred.subtitle', { loss: formatValue(f.loss) }) : undefined}>
      {!f ? (
        <p className="panel-empty">{t('pred.empty')}</p>
      ) : isClassification(summary) ? (
        <ClassificationView f={f} selT={selT} classes={summary?.classes ?? null} t={t} />
      ) : (
        <RegressionView f={f} selT={selT} t={t} />
      )}
    </Panel>
  );
}
