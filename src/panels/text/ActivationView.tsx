/**
 * LSTMVis in miniature: pick a signal (h_t, c_t or a gate), a layer and a unit, and read the text coloured by
 * that unit's value; an all-units strip above picks units by eye, and "units that follow…" ranks them by how
 * closely they track the position in the line, quotations or punctuation.
 */
import { useId, useMemo, useState } from 'react';
import type { CellKind } from '../../engine/config.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { useT } from '../../client/useT.ts';
import { selectCell, setUnit as setUnitOf } from '../../store/actions.ts';
import { useRun } from '../../client/runContext.ts';
import { useScheduledValue } from '../../client/scheduled.ts';
import { useApp, useAppStore } from '../../client/useApp.ts';
import { Heatmap, type GridView } from '../../viz/Heatmap.tsx';
import { symmetricDomainOf } from '../../viz/domain.ts';
import { displayTimestep, displayUnit, formatValue } from '../../viz/format.ts';
import type { Source } from '../../client/source.ts';
import { TermText } from '../../lessons/Term.tsx';
import { ColoredText, type UnitView } from './ColoredText.tsx';
import { passageTrace, textSources, type TextSourceKind, type TextTrace } from './textSources.ts';
import {
  signalGrid, signalOptions, signalStyle, TEXT_FEATURES, unitSeries, unitsTracking, validSignal, type TextFeature, type TextSignal,
} from './textViews.ts';

const SIGNAL_LABEL: Record<TextSignal, MessageKey> = {
  h: 'text.signal.h',
  c: 'text.signal.c',
  i: 'gate.i',
  f: 'gate.f',
  g: 'gate.g',
  o: 'gate.o',
  r: 'gate.r',
  z: 'gate.z',
  n: 'gate.n',
  a: 'text.signal.h',
};

const FEATURE_LABEL: Record<TextFeature, MessageKey> = {
  linePosition: 'text.feature.linePosition',
  quote: 'text.feature.quote',
  punctuation: 'text.feature.punctuation',
};

/** Plain-text name of a unit's signal, e.g. "h_t[3]" or "f_t[3]". */
export function signalName(signal: TextSignal, unit: number): string {
  return `${signal}_t[${displayUnit(unit)}]`;
}

function derived<A, B>(base: Source<A>, map: (a: A) => B | null): Source<B> {
  return {
    read: () => {
      const a = base.read();
      return a ? map(a) : null;
    },
    subscribe: base.subscribe,
  };
}

const layerOf = (trace: TextTrace, layer: number) => trace.layers[Math.min(layer, trace.layers.length - 1)];

function UnitFinder(props: { cell: CellKind; signal: TextSignal; layer: number; onPick: (unit: number) => void }) {
  const t = useT();
  const id = useId();
  const [feature, setFeature] = useState<TextFeature>('linePosition');
  const run = useRun();
  const sources = useMemo(() => textSources(run), [run]);
  const passage = useScheduledValue(sources.passage.subscribe, () => run.store.getState().evaluation);
  const ranked = useMemo(() => {
    const trace = passageTrace(run.store.getState());
    if (!trace) return null;
    return unitsTracking(layerOf(trace, props.layer), props.cell, props.signal, trace.H, trace.chars, feature);
    // `passage` changes with every evaluation: rank again on the new weights.
  }, [passage, props.cell, props.signal, props.layer, feature, run]);
  return (
    <div className="text-finder" data-testid="text-unit-finder">
      <label htmlFor={id}>{t('text.finder')}</label>
      <select id={id} className="input input-inline" value={feature} onChange={(e) => setFeature(e.target.value as TextFeature)}>
        {TEXT_FEATURES.map((f) => (
          <option key={f} value={f}>
            {t(FEATURE_LABEL[f])}
          </option>
        ))}
      </select>
      {ranked === null ? (
        <span className="viz-note">{t('text.waitingPassage')}</span>
      ) : ranked.length === 0 ? (
        <span className="viz-note">{t('text.finderNone')}</span>
      ) : (
        ranked.map((r) => (
          <button key={r.unit} type="button" className="btn btn-small" title={t('text.finderPick')} onClick={() => props.onPick(r.unit)}>
            {t('text.finderUnit', { unit: displayUnit(r.unit), r: r.r.toFixed(2).replace('-', '−') })}
          </button>
        ))
      )}
    </div>
  );
}

export function ActivationView(props: { cell: CellKind; H: number; layer: number }) {
  const t = useT();
  const signalId = useId();
  const unitId = useId();
  const { cell, H, layer } = props;
  const [kind, setKind] = useState<TextSourceKind>('passage');
  const [wanted, setSignal] = useState<TextSignal>('h');
  const signal = validSignal(cell, wanted);
  const unit = Math.min(useApp((s) => s.selection.unit), H - 1);
  const selT = useApp((s) => s.selection.t);
  const store = useAppStore();
  const run = useRun();
  const sources = useMemo(() => textSources(run), [run]);
  const setUnit = (u: number): void => setUnitOf(store, Math.max(0, Math.min(H - 1, u)));

  const base = sources[kind];
  const unitView = useMemo(
    () =>
      derived(base, (trace): UnitView => {
        const values = unitSeries(layerOf(trace, layer), cell, signal, trace.H, trace.T, Math.min(unit, trace.H - 1));
        return { chars: trace.chars, values, style: signalStyle(signal, values) };
      }),
    [base, cell, signal, layer, unit],
  );
  const grid = useMemo(
    () =>
      derived(base, (trace): GridView => {
        const g = signalGrid(layerOf(trace, layer), cell, signal, trace.H);
        const style = signalStyle(signal, []);
        return { ...g, domain: signal === 'c' ? symmetricDomainOf(g.values, 1) : style.domain };
      }),
    [base, cell, signal, layer],
  );
  const T = useScheduledValue(base.subscribe, () => base.read()?.T ?? 0);
  const name = signalName(signal, unit);
  // In the probe window a character is a timestep of the other panels: picking one moves their cursor too.
  const pickT = kind === 'window' ? (k: number) => selectCell(store, k, unit) : undefined;

  return (
    <section className="text-section" aria-labelledby={`${signalId}-h`}>
      <h3 id={`${signalId}-h`} className="text-section-title">
        {t('text.activationsTitle')}
      </h3>
      <div className="text-controls">
        <div className="segmented" role="group" aria-label={t('text.sourceLabel')}>
          {(['passage', 'window'] as const).map((k) => (
            <button key={k} type="button" className="segmented-option" aria-pressed={kind === k} onClick={() => setKind(k)} data-testid={`text-source-${k}`}>
              {t(k === 'passage' ? 'text.source.passage' : 'text.source.window')}
            </button>
          ))}
        </div>
        <label htmlFor={signalId}>{t('text.signal')}</label>
        <select id={signalId} className="input input-inline" value={signal} onChange={(e) => setSignal(e.target.value as TextSignal)} data-testid="text-signal">
          {signalOptions(cell).map((s) => (
            <option key={s} value={s}>
              {t(SIGNAL_LABEL[s])} ({s}_t)
            </option>
          ))}
        </select>
        <label htmlFor={unitId}>{t('text.unit')}</label>
        <span className="text-unit">
          <button type="button" className="btn btn-small" aria-label={t('text.prevUnit')} onClick={() => setUnit(unit - 1)} disabled={unit <= 0}>
            −
          </button>
          <input
            id={unitId}
            className="input input-inline text-unit-input"
            type="number"
            min={1}
            max={H}
            value={displayUnit(unit)}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isInteger(v)) setUnit(v - 1);
            }}
            data-testid="text-unit"
          />
          <span className="viz-note">/ {H}</span>
          <button type="button" className="btn btn-small" aria-label={t('text.nextUnit')} onClick={() => setUnit(unit + 1)} disabled={unit >= H - 1}>
            +
          </button>
        </span>
      </div>
      <p className="viz-note">
        <TermText text={t(kind === 'passage' ? 'text.source.passageNote' : 'text.source.windowNote')} terms={['probe']} />
      </p>
      {T > 0 ? (
        <Heatmap
          rows={H}
          cols={T}
          source={grid}
          palette={signalStyle(signal, []).palette}
          label={t('text.stripAria', { name: `${signal}_t`, units: H, T })}
          xLabel={t('text.axisChar')}
          yLabel={t('gs.axisUnit')}
          height={Math.min(120, Math.max(48, H * 3))}
          highlightRow={unit}
          highlightCol={kind === 'window' ? Math.min(selT, T - 1) : null}
          describeCell={(row, col, v) => t('gs.tooltip', { unit: displayUnit(row), t: displayTimestep(col), name: `${signal}_t`, value: formatValue(v) })}
          onCellClick={(col, row) => (kind === 'window' ? selectCell(store, col, row) : setUnit(row))}
        />
      ) : null}
      <ColoredText source={unitView} name={name} onPick={pickT} />
      <UnitFinder cell={cell} signal={signal} layer={layer} onPick={setUnit} />
    </section>
  );
}
