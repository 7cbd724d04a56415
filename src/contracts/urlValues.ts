/**
 * The kinds of value a URL parameter (and the configuration form) accepts — numbers in a range, choices, flags,
 * short text, numbers that can be switched off — each parsed from its raw text and written back, and the
 * problems and warnings a refused value gives.
 */
/** Why a raw value was refused; the UI words it (controls/problemText.ts). */
export type Problem =
  | { kind: 'empty' }
  | { kind: 'notNumber' }
  | { kind: 'notInteger' }
  | { kind: 'range'; min: number; max: number; minExclusive: boolean }
  | { kind: 'choice'; choices: readonly string[] };

export type Parsed<V> = { ok: true; value: V } | { ok: false; problem: Problem };

export interface BaseSpec<V> {
  /** The URL parameter name. Never rename one: old links would silently fall back to defaults. */
  key: string;
  parse(raw: string): Parsed<V>;
  serialize(value: V): string;
}

export interface NumberSpec extends BaseSpec<number> {
  type: 'number';
  min: number;
  max: number;
  /** min itself is not allowed (a learning rate of 0 learns nothing). */
  minExclusive: boolean;
  integer: boolean;
}

export interface ChoiceSpec<V extends string> extends BaseSpec<V> {
  type: 'choice';
  choices: readonly V[];
}

export interface BoolSpec extends BaseSpec<boolean> {
  type: 'bool';
}

/** Free text (column names), length-limited. */
export interface TextSpec extends BaseSpec<string> {
  type: 'text';
  maxLength: number;
}

/** A number that may be switched off (null), written as "none". */
export interface OptionalNumberSpec extends BaseSpec<number | null> {
  type: 'optionalNumber';
  number: NumberSpec;
}

export type SpecFor<V> = [V] extends [boolean]
  ? BoolSpec
  : [V] extends [number]
    ? NumberSpec
    : [V] extends [number | null]
      ? OptionalNumberSpec
      : [V] extends [string]
        ? string extends V
          ? TextSpec
          : ChoiceSpec<V>
        : never;

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function numberSpec(key: string, min: number, max: number, opts: { integer?: boolean; minExclusive?: boolean } = {}): NumberSpec {
  const integer = opts.integer ?? false;
  const minExclusive = opts.minExclusive ?? false;
  return {
    type: 'number',
    key,
    min,
    max,
    integer,
    minExclusive,
    parse(raw) {
      const s = raw.trim();
      if (s === '') return { ok: false, problem: { kind: 'empty' } };
      // Number() alone would accept "0x10", "Infinity" and (for "") 0.
      if (!DECIMAL.test(s)) return { ok: false, problem: { kind: 'notNumber' } };
      const v = Number(s);
      if (!Number.isFinite(v)) return { ok: false, problem: { kind: 'notNumber' } };
      if (integer && !Number.isInteger(v)) return { ok: false, problem: { kind: 'notInteger' } };
      if (v > max || v < min || (minExclusive && v === min)) return { ok: false, problem: { kind: 'range', min, max, minExclusive } };
      // −0 would serialise as "0" and break the bit-for-bit round trip.
      return { ok: true, value: v === 0 ? 0 : v };
    },
    // String(x) is the shortest text that reads back as exactly x.
    serialize: (v) => String(v),
  };
}

export function choiceSpec<V extends string>(key: string, choices: readonly V[]): ChoiceSpec<V> {
  return {
    type: 'choice',
    key,
    choices,
    parse(raw) {
      const hit = choices.find((c) => c === raw.trim());
      return hit === undefined ? { ok: false, problem: { kind: 'choice', choices } } : { ok: true, value: hit };
    },
    serialize: (v) => v,
  };
}

export function boolSpec(key: string): BoolSpec {
  return {
    type: 'bool',
    key,
    parse(raw) {
      const s = raw.trim().toLowerCase();
      if (s === '1' || s === 'true') return { ok: true, value: true };
      if (s === '0' || s === 'false') return { ok: true, value: false };
      return { ok: false, problem: { kind: 'choice', choices: ['0', '1'] } };
    },
    serialize: (v) => (v ? '1' : '0'),
  };
}

export function textSpec(key: string, maxLength = 200): TextSpec {
  return {
    type: 'text',
    key,
    maxLength,
    parse(raw) {
      const s = raw.trim();
      return s.length > maxLength ? { ok: false, problem: { kind: 'range', min: 0, max: maxLength, minExclusive: false } } : { ok: true, value: s };
    },
    serialize: (v) => v,
  };
}

export function optionalNumberSpec(number: NumberSpec): OptionalNumberSpec {
  return {
    type: 'optionalNumber',
    key: number.key,
    number,
    parse: (raw) => (raw.trim().toLowerCase() === 'none' ? { ok: true, value: null } : number.parse(raw)),
    serialize: (v) => (v === null ? 'none' : number.serialize(v)),
  };
}

export type UrlWarning =
  | { kind: 'invalid'; key: string; value: string; problem: Problem }
  | { kind: 'unknown'; key: string; value: string }
  /** A value that is fine alone but not with the rest (peepholes on a GRU). */
  | { kind: 'conflict'; key: string; value: string }
  /** A key given `count` times: `value` is the last, the one used. */
  | { kind: 'repeated'; key: string; value: string; count: number };
