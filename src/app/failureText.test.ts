import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n.ts';
import { failureText } from './Notices.tsx';

describe('failureText', () => {
  const en = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate('en', k, v);
  it('says where a NaN first appeared, 1-based like the slider', () => {
    const text = failureText(en, { where: 'loss', tensor: null, step: 57, timestep: 36, layer: 0, message: '' });
    expect(text).toContain('step 57');
    expect(text).toContain('timestep 37 of layer 1');
  });
  it('leaves the place out when it is not known', () => {
    const text = failureText(en, { where: 'gradient', tensor: 'weight_hh_l0', step: 3, timestep: null, layer: null, message: '' });
    expect(text).toContain('weight_hh_l0');
    expect(text).not.toContain('timestep');
  });
  it('is translated', () => {
    const zh = failureText((k, v) => translate('zh', k, v), { where: 'loss', tensor: null, step: 5, timestep: 2, layer: 1, message: '' });
    expect(zh).toContain('时间步 3');
  });
});
