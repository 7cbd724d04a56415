import { describe, expect, it } from 'vitest';
import { formatNumberVar, translate } from './i18n.ts';

describe('numbers in the UI language', () => {
  it('groups whole numbers the way the UI language does, whatever the process locale', () => {
    expect(formatNumberVar('en', 1234567)).toBe('1,234,567');
    expect(formatNumberVar('zh', 1234567)).toBe('1,234,567');
    expect(formatNumberVar('en', 0.001)).toBe('0.001');
    expect(translate('en', 'gs.step', { step: 12345 })).toContain('12,345');
    expect(translate('zh', 'gs.step', { step: 12345 })).toContain('12,345');
  });

  it('differs from a browser locale that groups otherwise (the reason for not using toLocaleString())', () => {
    expect((1234567).toLocaleString('de-DE')).toBe('1.234.567');
    expect(formatNumberVar('en', 1234567)).not.toBe((1234567).toLocaleString('de-DE'));
  });
});
