import { describe, expect, it } from 'vitest';
import { gateIndex } from '../../engine/gateLayout.ts';
import { UNK } from '../../tasks/text.ts';
import {
  cellColors, charName, correlation, displayChar, featureSeries, sampleText, signalGrid, signalOptions, signalStyle, unitSeries, unitsTracking,
  validSignal, type SignalTraces,
} from './textViews.ts';

/** An LSTM trace of T steps and H units whose value encodes where it is: block·1000 + t·10 + unit. */
function lstmTraces(T: number, H: number): SignalTraces {
  const G = 4;
  const act = Float32Array.from({ length: T * G * H }, (_, k) => {
    const t = Math.floor(k / (G * H));
    const block = Math.floor((k % (G * H)) / H);
    return block * 1000 + t * 10 + (k % H);
  });
  const h = Float32Array.from({ length: T * H }, (_, k) => -(Math.floor(k / H) * 10 + (k % H)));
  const c = Float32Array.from({ length: T * H }, (_, k) => 0.5 * (Math.floor(k / H) * 10 + (k % H)));
  return { h, c, act };
}

describe('signals', () => {
  it('offers h and c first, then the gates in teaching order; an RNN only h', () => {
    expect(signalOptions('lstm')).toEqual(['h', 'c', 'f', 'i', 'g', 'o']);
    expect(signalOptions('gru')).toEqual(['h', 'r', 'z', 'n']);
    expect(signalOptions('rnn')).toEqual(['h']);
    expect(validSignal('gru', 'c')).toBe('h');
    expect(validSignal('gru', 'z')).toBe('z');
  });

  it('reads one unit along the text from the right block of the fused trace', () => {
    const tr = lstmTraces(5, 3);
    expect(Array.from(unitSeries(tr, 'lstm', 'h', 3, 5, 2))).toEqual([-2, -12, -22, -32, -42]);
    expect(Array.from(unitSeries(tr, 'lstm', 'c', 3, 5, 1))).toEqual([0.5, 5.5, 10.5, 15.5, 20.5]);
    const f = gateIndex('lstm', 'f');
    expect(Array.from(unitSeries(tr, 'lstm', 'f', 3, 5, 0))).toEqual([0, 10, 20, 30, 40].map((v) => f * 1000 + v));
    const o = gateIndex('lstm', 'o');
    expect(Array.from(unitSeries(tr, 'lstm', 'o', 3, 5, 2))).toEqual([2, 12, 22, 32, 42].map((v) => o * 1000 + v));
  });

  it('refuses c for a cell without one', () => {
    expect(() => signalGrid({ h: new Float32Array(4), c: null, act: new Float32Array(12) }, 'gru', 'c', 2)).toThrow(/LSTM/);
  });

  it('keeps the natural ranges of h and the gates, and fits c to the unit', () => {
    expect(signalStyle('h', [5])).toEqual({ palette: 'diverging', domain: [-1, 1] });
    expect(signalStyle('f', [])).toEqual({ palette: 'sequential', domain: [0, 1] });
    expect(signalStyle('g', [])).toEqual({ palette: 'diverging', domain: [-1, 1] });
    expect(signalStyle('c', [0.1, -2.7, NaN])).toEqual({ palette: 'diverging', domain: [-5, 5] });
    expect(signalStyle('c', [0, 0])).toEqual({ palette: 'diverging', domain: [-1, 1] });
  });
});

describe('colours and characters', () => {
  it('puts white text on dark cells and dark text on light ones', () => {
    const style = signalStyle('h', []);
    expect(cellColors(1, style).color).toBe('#ffffff');
    expect(cellColors(0, style).color).toBe('#111827');
    expect(cellColors(-1, style).background).not.toBe(cellColors(1, style).background);
    expect(cellColors(NaN, style).background).toBe('rgb(110,110,110)');
  });

  it('marks invisible characters and the unknown symbol', () => {
    expect(displayChar('\n')).toEqual({ text: '↵', breakAfter: true, mark: true });
    expect(displayChar(' ').text).toBe('\u00a0');
    expect(displayChar(UNK).mark).toBe(true);
    expect(displayChar('诗')).toEqual({ text: '诗', breakAfter: false, mark: false });
    expect(charName('\n')).toBe('\\n');
    expect(charName(' ')).toBe('␣');
    expect(sampleText(`a b\n${UNK}\tc`)).toBe('a b\n□⇥c');
  });
});

describe('finding units', () => {
  const chars = [...'ab "cd" e\nfg h\n'];

  it('describes the position in the line, quotations and punctuation', () => {
    expect(Array.from(featureSeries([...'abc\nde\n'], 'linePosition'))).toEqual([0, 0.5, 1, 1, 0, 1, 1]);
    expect(Array.from(featureSeries(chars, 'quote')).slice(0, 9)).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0]);
    expect(Array.from(featureSeries([...'床前，月。'], 'punctuation'))).toEqual([0, 0, 1, 0, 1]);
    expect(Array.from(featureSeries([...'「好」'], 'quote'))).toEqual([1, 1, 0]);
  });

  it('correlates, and says nothing about constants', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it('ranks the unit that follows the feature first, whatever its sign', () => {
    const T = chars.length;
    const H = 3;
    const line = featureSeries(chars, 'linePosition');
    const h = new Float32Array(T * H);
    for (let t = 0; t < T; t++) {
      h[t * H] = Math.sin(t);
      h[t * H + 1] = -line[t];
      h[t * H + 2] = 0.3;
    }
    const ranked = unitsTracking({ h, c: null, act: h }, 'rnn', 'h', H, chars, 'linePosition');
    expect(ranked[0]).toEqual({ unit: 1, r: expect.closeTo(-1, 6) });
    // A constant unit has no correlation at all.
    expect(ranked.map((r) => r.unit)).not.toContain(2);
    expect(unitsTracking({ h, c: null, act: h }, 'rnn', 'h', H, [...'abc'], 'quote')).toEqual([]);
  });
});
