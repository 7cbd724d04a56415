import { describe, expect, it } from 'vitest';
import { notationPieces } from './Notation.tsx';

describe('notationPieces', () => {
  it('turns braced and bare subscripts into subscript pieces, dropping the braces', () => {
    expect(notationPieces('∂h_t/∂h_{t−1} = W_hh')).toEqual([
      { text: '∂h', script: null },
      { text: 't', script: 'sub' },
      { text: '/∂h', script: null },
      { text: 't−1', script: 'sub' },
      { text: ' = W', script: null },
      { text: 'hh', script: 'sub' },
    ]);
  });

  it('reads superscripts and leaves text without notation alone', () => {
    expect(notationPieces('below 10^{−6}')).toEqual([
      { text: 'below 10', script: null },
      { text: '−6', script: 'sup' },
    ]);
    expect(notationPieces('no maths here')).toEqual([{ text: 'no maths here', script: null }]);
    expect(notationPieces('').length).toBe(0);
  });
});
