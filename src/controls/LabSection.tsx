/**
 * The exploding-gradient lab: the knobs that decide whether the gradient vanishes or explodes back through time
 * and that the form above lacks (sequence length, clipping and the forget bias are set there, once). They are ordinary RunConfig fields, so they
 * share the URL, the restart rules and the validation with the rest of the form; sliders apply once the hand
 * rests, so dragging restarts the run once rather than at every pixel.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useClient } from '../client/clientContext.ts';
import { compareCells } from '../contracts/compareSet.ts';
import { useT } from '../client/useT.ts';
import { useApp, useAppStore } from '../client/useApp.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { NONLINEARITIES } from '../contracts/urlCodec.ts';
import { changeConfig } from '../store/actions.ts';
import { TermText } from '../lessons/Term.tsx';
import { CheckboxField, Field, SegmentedField } from './fields.tsx';

/** Quiet time after the last slider movement before a change that restarts the run applies. */
const SETTLE_MS = 350;

interface SliderScale {
  min: number;
  max: number;
  /** Slider positions between min and max. */
  steps: number;
}

function toPosition(v: number, s: SliderScale): number {
  const f = (v - s.min) / (s.max - s.min);
  return Math.round(Math.max(0, Math.min(1, f)) * s.steps);
}

function fromPosition(p: number, s: SliderScale, digits: number): number {
  const f = p / s.steps;
  const v = s.min + f * (s.max - s.min);
  return Number(v.toFixed(digits));
}

/** A labelled slider whose value shows beside it; it applies `delay` ms after the last movement (0 = at once). */
function SliderField(props: {
  label: string;
  hint?: ReactNode;
  value: number;
  scale: SliderScale;
  digits: number;
  delay: number;
  onApply: (v: number) => void;
  testId: string;
}) {
  const id = useId();
  const { value, scale, digits, delay, onApply } = props;
  const [draft, setDraft] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const change = (position: number): void => {
    const v = fromPosition(position, scale, digits);
    setDraft(v);
    window.clearTimeout(timer.current);
    if (v === value) return;
    if (delay === 0) onApply(v);
    else timer.current = window.setTimeout(() => onApply(v), delay);
  };
  return (
    <Field label={props.label} htmlFor={id} hint={props.hint}>
      <div className="lab-slider">
        <input
          id={id}
          type="range"
          className="slider"
          data-testid={props.testId}
          data-value={value}
          min={0}
          max={scale.steps}
          step={1}
          value={toPosition(draft, scale)}
          aria-valuetext={String(draft)}
          onChange={(e) => change(Number(e.target.value))}
        />
        <output htmlFor={id} className="lab-slider-value">
          {draft.toFixed(digits)}
        </output>
      </div>
    </Field>
  );
}

const SCALE: SliderScale = { min: 0.1, max: 4, steps: 78 };

export function LabSection() {
  const t = useT();
  const client = useClient();
  const config = useApp((s) => s.config);
  const store = useAppStore();
  const set = (patch: Partial<RunConfig>): void => changeConfig(store, client, patch);
  const cells = config.compare === 'off' ? [config.cell] : compareCells(config);

  return (
    <section className="config-section lab-section" data-testid="lab-section">
      <header className="config-section-header">
        <h3>{t('lab.title')}</h3>
      </header>
      <p className="config-note">{t('lab.note')}</p>

      <CheckboxField label={t('lab.scaleOn')} checked={config.recurrentScale !== null} onApply={(on) => set({ recurrentScale: on ? 1 : null })} testId="lab-scale-on" />
      {config.recurrentScale !== null ? (
        <SliderField label={t('lab.scale')} hint={<TermText text={t('lab.scaleHint')} terms={['spectralNorm']} />} value={config.recurrentScale} scale={SCALE} digits={2} delay={SETTLE_MS} onApply={(recurrentScale) => set({ recurrentScale })} testId="lab-scale" />
      ) : (
        <p className="field-hint">
          <TermText text={t('lab.scaleHint')} terms={['spectralNorm']} />
        </p>
      )}

      {cells.includes('rnn') ? (
        <>
          <SegmentedField
            label={t('lab.activation')}
            value={config.nonlinearity}
            choices={NONLINEARITIES.map((v) => ({ value: v, label: t(`cfg.fn.${v}`) }))}
            onApply={(nonlinearity) => set({ nonlinearity })}
            testId="lab-activation"
          />
          <p className="field-hint">{t('lab.activationHint')}</p>
        </>
      ) : null}
    </section>
  );
}
