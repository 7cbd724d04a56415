import { describe, expect, it } from 'vitest';
import { pluralCategory, translate } from './i18n.ts';

describe('plural forms', () => {
  it('picks the singular for one and the plural otherwise in English', () => {
    expect(translate('en', 'toolbar.stepsPerSecondCap', { n: 1 })).toBe('1 step/s');
    expect(translate('en', 'toolbar.stepsPerSecondCap', { n: 5 })).toBe('5 steps/s');
    expect(translate('en', 'lessons.steps', { n: 1 })).toBe('1 step');
    expect(translate('en', 'csvUi.note.dropped', { count: 2 })).toBe('Dropped 2 rows with missing values.');
    expect(translate('en', 'summary.paramCount', { n: 1201 })).toBe('1,201 parameters');
  });

  it('reads the count from a number already formatted for display', () => {
    expect(translate('en', 'summary.paramCount', { n: '1,201' })).toBe('1,201 parameters');
    expect(translate('en', 'summary.paramCount', { n: '1' })).toBe('1 parameter');
  });

  it('follows Chinese rules, which have one form', () => {
    expect(pluralCategory('zh', 1)).toBe('other');
    expect(translate('zh', 'toolbar.stepsPerSecondCap', { n: 1 })).toBe('每秒 1 步');
  });

  it('leaves a selector without a number as written', () => {
    expect(translate('en', 'lessons.steps', { n: 'many' })).toBe('many {n|step|steps}');
  });
});
