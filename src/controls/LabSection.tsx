/**
 * The exploding-gradient lab: the few knobs that decide whether the gradient vanishes or explodes back through
 * time, together in one sidebar section (the vanishing/exploding experiments). They are ordinary RunConfig fields, so they
 * share the URL, the restart rules and the validation with the rest of the form; sliders apply once the hand
 * rests, so dragging restarts the run once rather than at every pixel.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useClient } from '../client/clientContext.ts';
import { compareCells } from '../contracts/compareSet.ts';
import { useT } from '../client/useT.ts';
import { useApp, useAppStore } from '../client/useApp.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { NONLINEARITIES, PROPS } from '../contracts/urlCodec.ts';
import { isDataTask } from '../tasks/registry.ts';
import { changeConfig } from '../store/actions.ts';
import { CheckboxField, Field, SegmentedField } from './fields.tsx';

/** Quiet time after the last slider movement before a change that restarts the run applies. */
const SETTLE_MS = 350;

interface SliderScale {
  min: number;
  max: number;
  /** Slider positions between min and max. */
  steps: number;
  log?: boolean;
}

function toPosition(v: number, s: SliderScale): number {
  const f = s.log ? Math.log(v / s.min) / Math.log(s.max / s.min) : (v - s.min) / (s.max - s.min);
  return Math.round(Math.max(0, Math.min(1, f)) * s.steps);
}

function fromPosition(p: number, s: SliderScale, digits: number): number {
  const f = p / s.steps;
  const v = s.log ? s.min * Math.pow(s.max / s.min, f) : s.min + f * (s.max - s.min);
  return Number(v.toFixed(digits));
}

/** A labelled slider whose value shows beside it; it applies `delay` ms after the last movement (0 = at once). */
function SliderField(props: {
  label: string;
  hint?: string;
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
const SEQ_LEN: SliderScale = { min: PROPS.seqLen.min, max: PROPS.seqLen.max, steps: PROPS.seqLen.max - PROPS.seqLen.min };
const FORGET_BIAS: SliderScale = { min: -3, max: 6, steps: 36 };
const CLIP: SliderScale = { min: 0.1, max: 100, steps: 90, log: true };

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
        <SliderField label={t('lab.scale')} hint={t('lab.scaleHint')} value={config.recurrentScale} scale={SCALE} digits={2} delay={SETTLE_MS} onApply={(recurrentScale) => set({ recurrentScale })} testId="lab-scale" />
      ) : (
        <p className="field-hint">{t('lab.scaleHint')}</p>
      )}

      {isDataTask(config.task) ? null : (
        <SliderField label={t('cfg.field.seqLen')} hint={t('lab.seqLenHint')} value={config.seqLen} scale={SEQ_LEN} digits={0} delay={SETTLE_MS} onApply={(seqLen) => set({ seqLen })} testId="lab-seq-len" />
      )}

      {cells.includes('lstm') ? (
        <>
          <CheckboxField label={t('lab.forgetBiasOn')} checked={config.forgetBias !== null} onApply={(on) => set({ forgetBias: on ? 1 : null })} testId="lab-forget-bias-on" />
          {config.forgetBias !== null ? (
            <SliderField label={t('cfg.field.forgetBias')} hint={t('lab.forgetBiasHint')} value={config.forgetBias} scale={FORGET_BIAS} digits={2} delay={SETTLE_MS} onApply={(forgetBias) => set({ forgetBias })} testId="lab-forget-bias" />
          ) : null}
        </>
      ) : null}

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

      <CheckboxField label={t('lab.clipOn')} hint={t('lab.clipHint')} checked={config.clip !== 'none'} onApply={(on) => set({ clip: on ? 'norm' : 'none' })} testId="lab-clip-on" />
      {config.clip !== 'none' ? (
        <SliderField label={t('cfg.field.clipValue')} value={config.clipValue} scale={CLIP} digits={2} delay={0} onApply={(clipValue) => set({ clipValue })} testId="lab-clip-value" />
      ) : null}
    </section>
  );
}
