import { describe, expect, it } from 'vitest';
import { fmt, fmtFull, fmtSlot, shortNumber } from './format.ts';

describe('cell number format', () => {
  it('keeps 2–3 decimals for everyday values and a power of ten for tiny gradients', () => {
    expect(fmt(0.6012)).toBe('0.60');
    expect(fmt(-0.351)).toBe('−0.35');
    expect(fmt(0.0523)).toBe('0.052');
    expect(fmt(12.34)).toBe('12.3');
    expect(fmt(0)).toBe('0');
    expect(fmt(-0.000321)).toBe('−3.2×10⁻⁴');
    expect(fmt(0.009996)).toBe('1.0×10⁻²');
    expect(shortNumber(-0.000321)).toEqual({ mantissa: '−3.2', exponent: -4 });
    expect(shortNumber(-0.35)).toEqual({ mantissa: '−0.35', exponent: null });
  });

  it('gives float32 precision on hover', () => {
    expect(fmtFull(0.60123456)).toBe('0.6012346');
    expect(fmtFull(-1e-7)).toBe('−10⁻⁷');
  });
});

describe('fmtSlot', () => {
  it('keeps one significant digit on a power of ten and leaves everyday values as fmt writes them', () => {
    expect(fmtSlot(-9.1e-4)).toBe('−9×10⁻⁴');
    expect(fmtSlot(9.6e-4)).toBe('1×10⁻³');
    expect(fmtSlot(2.4e-3)).toBe('2×10⁻³');
    expect(fmtSlot(0.35)).toBe(fmt(0.35));
    expect(fmtSlot(0)).toBe('0');
    expect(fmtSlot(NaN)).toBe('NaN');
  });
});
