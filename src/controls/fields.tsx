/** Form fields of the configuration sidebar: labelled, validated with the URL codec's rules, with inline errors. */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../client/useT.ts';
import type { NumberSpec, Problem } from '../contracts/urlValues.ts';
import { problemText } from './problemText.ts';

export function Field(props: { label: string; htmlFor: string; hint?: ReactNode; error?: string | null; errorId?: string; children: ReactNode }) {
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={props.htmlFor}>
        {props.label}
      </label>
      {props.children}
      {props.error ? (
        <p className="field-error" id={props.errorId} role="alert">
          {props.error}
        </p>
      ) : props.hint ? (
        <p className="field-hint">{props.hint}</p>
      ) : null}
    </div>
  );
}

/** Typing "0.001" passes through "0" and "0.0": complain only once the typing pauses (or on Enter/blur). */
const COMPLAIN_DELAY_MS = 500;

/**
 * A number input. Valid input applies after `delay` ms of quiet (0 = at once) or on Enter/blur, so typing
 * "128" restarts a run once, not three times; invalid input shows why and applies nothing.
 */
export function NumberField(props: {
  label: string;
  hint?: ReactNode;
  spec: NumberSpec;
  value: number;
  onApply: (v: number) => void;
  delay: number;
  testId: string;
  disabled?: boolean;
}) {
  const { spec, value, onApply, delay } = props;
  const t = useT();
  const id = useId();
  const [text, setText] = useState(spec.serialize(value));
  const [problem, setProblem] = useState<Problem | null>(null);
  const timer = useRef<number | undefined>(undefined);

  // Follow outside changes (Reset, a restart) unless the text already means this value.
  useEffect(() => {
    setText((cur) => {
      const r = spec.parse(cur);
      return r.ok && r.value === value ? cur : spec.serialize(value);
    });
    setProblem(null);
  }, [spec, value]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  /** `now`: Enter or blur, so no waiting. */
  const apply = (raw: string, badInput: boolean, now: boolean): void => {
    window.clearTimeout(timer.current);
    const r = badInput ? ({ ok: false, problem: { kind: 'notNumber' } } as const) : spec.parse(raw);
    if (!r.ok) {
      if (now) setProblem(r.problem);
      else timer.current = window.setTimeout(() => setProblem(r.problem), COMPLAIN_DELAY_MS);
      return;
    }
    setProblem(null);
    if (r.value === value) return;
    if (now || delay === 0) onApply(r.value);
    else timer.current = window.setTimeout(() => onApply(r.value), delay);
  };

  const errorId = `${id}-error`;
  return (
    <Field label={props.label} htmlFor={id} hint={props.hint} error={problem ? problemText(t, problem) : null} errorId={errorId}>
      <input
        id={id}
        data-testid={props.testId}
        className="input"
        type="number"
        inputMode="decimal"
        step={spec.integer ? 1 : 'any'}
        min={spec.min}
        max={spec.max}
        value={text}
        disabled={props.disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          apply(e.target.value, e.target.validity.badInput, false);
        }}
        onBlur={(e) => apply(e.target.value, e.target.validity.badInput, true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply(e.currentTarget.value, e.currentTarget.validity.badInput, true);
        }}
      />
    </Field>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
}

interface ChoiceFieldProps<V extends string> {
  label: string;
  value: V;
  choices: readonly Choice<V>[];
  onApply: (v: V) => void;
  testId: string;
}

export function SelectField<V extends string>(props: ChoiceFieldProps<V> & { hint?: ReactNode }) {
  const id = useId();
  return (
    <Field label={props.label} htmlFor={id} hint={props.hint}>
      <select
        id={id}
        data-testid={props.testId}
        className="input"
        value={props.value}
        onChange={(e) => {
          const hit = props.choices.find((c) => c.value === e.target.value);
          if (hit) props.onApply(hit.value);
        }}
      >
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A row of toggle buttons for a few choices that deserve to be seen at a glance (RNN / LSTM / GRU). */
export function SegmentedField<V extends string>(props: ChoiceFieldProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <span className="field-label" id={id}>
        {props.label}
      </span>
      <div className="segmented" role="group" aria-labelledby={id} data-testid={props.testId}>
        {props.choices.map((c) => (
          <button
            key={c.value}
            type="button"
            className="segmented-option"
            aria-pressed={c.value === props.value}
            data-value={c.value}
            onClick={() => props.onApply(c.value)}
          >
            {c.label}
          </button>
        ))}
      </div>
    </div>
  );
}

export function CheckboxField(props: { label: string; hint?: string; checked: boolean; onApply: (v: boolean) => void; testId: string }) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <label htmlFor={id} className="checkbox-label">
        <input id={id} type="checkbox" data-testid={props.testId} checked={props.checked} onChange={(e) => props.onApply(e.target.checked)} />
        {props.label}
      </label>
      {props.hint ? <p className="field-hint">{props.hint}</p> : null}
    </div>
  );
}
