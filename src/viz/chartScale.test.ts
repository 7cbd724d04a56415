/**
 * Every chart helper, scale, domain and tick function fed data that has broken charts before: subnormals
 * (1e-320 made d3's ticks throw "Invalid array length"), ±1e308, NaN, ±Infinity, one value, no value, all equal.
 */
import { describe, expect, it } from 'vitest';
import { scaleLinear, scaleLog } from 'd3-scale';
import { decadeTicks, finiteExtent, formatDecade, linearDomainOf, linearTicks, niceDomain, safeLinearDomain, tickable } from './chartScale.ts';
import { lutIndex } from './colorLut.ts';
import { logDomain, MAX_ABS, niceCeil, seriesSymmetricDomain, symmetricDomain } from './domain.ts';
import { compactTickFormat, formatValue } from './format.ts';
import { reduceMinMax } from './reduce.ts';
import { debiasedEma } from '../panels/shared/lossMath.ts';

const CASES: Record<string, number[]> = {
  subnormal: [1e-320, 2e-320, 5e-320, 3e-320],
  smallestSubnormal: [0, 5e-324],
  huge: [-1e308, 1e308, 1.7e308],
  hugePositive: [1e308, 1.5e308],
  nan: [NaN, NaN],
  infinities: [-Infinity, Infinity, 1],
  mixed: [NaN, 1e-320, Infinity, -1e308, 0.5],
  single: [42],
  singleTiny: [1e-320],
  empty: [],
  equal: [3, 3, 3, 3],
  zeros: [0, 0, 0],
};

function finiteDomain(d: readonly number[]): void {
  expect(d).toHaveLength(2);
  expect(Number.isFinite(d[0]) && Number.isFinite(d[1])).toBe(true);
  expect(d[1]).toBeGreaterThan(d[0]);
  expect(Number.isFinite(d[1] - d[0])).toBe(true);
}

function goodTicks(t: number[]): void {
  expect(t.length).toBeLessThanOrEqual(24);
  for (const v of t) expect(Number.isFinite(v)).toBe(true);
}

describe.each(Object.entries(CASES))('chart helpers with %s data', (_, values) => {
  const series = [Float64Array.from(values)];

  it('linear: a finite domain with finite, bounded ticks; scales map into the range', () => {
    const d = linearDomainOf(series);
    finiteDomain(d);
    expect(tickable(d)).toBe(true);
    goodTicks(linearTicks(d, 5));
    expect(linearTicks(d, 5).length).toBeGreaterThan(0);
    const y = scaleLinear().domain(d).range([100, 0]).clamp(true);
    for (const v of values) if (Number.isFinite(v)) expect(Number.isFinite(y(v))).toBe(true);
    expect(() => compactTickFormat(d)(d[0])).not.toThrow();
    const e = finiteExtent(series);
    if (e) finiteDomain(safeLinearDomain(e[0], e[1]));
  });

  it('log: decade ticks of a finite positive domain', () => {
    const d = logDomain(series) ?? [0.01, 1];
    finiteDomain(d);
    expect(d[0]).toBeGreaterThan(0);
    goodTicks(decadeTicks(d));
    expect(decadeTicks(d).length).toBeGreaterThan(0);
    for (const v of decadeTicks(d)) expect(formatDecade(v)).toMatch(/^10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    const y = scaleLog().domain(d).range([100, 0]).clamp(true);
    goodTicks(y.ticks(5).slice(0, 24));
  });

  it('colour scales: symmetric domains are finite and every value gets a table entry or the non-finite grey', () => {
    for (const d of [symmetricDomain(series[0]), symmetricDomain(series[0], { floor: 1 }), seriesSymmetricDomain(series)]) {
      finiteDomain(d);
      for (const v of values) {
        const k = lutIndex(v, d, 256);
        expect(Number.isFinite(v) ? k >= 0 && k < 256 : k === -1).toBe(true);
      }
    }
    expect(lutIndex(1, [-Infinity, Infinity], 256)).toBe(128);
    expect(Number.isFinite(niceCeil(Math.max(0, ...values.map(Math.abs).filter(Number.isFinite))))).toBe(true);
  });

  it('loss helpers, reduction and read-outs', () => {
    expect(debiasedEma(series[0], 0.6)).toHaveLength(values.length);
    const idx = reduceMinMax(Float64Array.from(values, (_, i) => i), series[0], 2);
    for (const i of idx) expect(Number.isFinite(values[i])).toBe(true);
    for (const v of values) expect(typeof formatValue(v)).toBe('string');
  });
});

describe('safe domains', () => {
  it('clamp magnitudes to MAX_ABS and widen flat or sub-MIN_SPAN ones', () => {
    expect(safeLinearDomain(-1e308, 1e308)).toEqual([-MAX_ABS, MAX_ABS]);
    expect(safeLinearDomain(5, 5)).toEqual([4.5, 5.5]);
    expect(safeLinearDomain(0, 0)).toEqual([-1, 1]);
    expect(safeLinearDomain(NaN, 1)).toEqual([-1, 1]);
    const tiny = safeLinearDomain(1e-320, 5e-320);
    expect(tiny[1] - tiny[0]).toBeGreaterThanOrEqual(1e-290);
  });

  it('nice-round ordinary domains as d3 does', () => {
    expect(niceDomain([0.13, 0.87])).toEqual([0, 1]);
    expect(niceDomain([0.13, 0.87], 10)).toEqual([0.1, 0.9]);
    expect(linearTicks([0, 1], 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(decadeTicks([1e-6, 1])).toEqual([1e-6, 1e-4, 1e-2, 1]);
  });
});
