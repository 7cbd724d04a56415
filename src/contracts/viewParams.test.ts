import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_PARAMS, serializeView } from './viewParams.ts';
import { parseUrl } from './urlCodec.ts';

describe('view parameters in the URL', () => {
  it('reads presenter, hide, lock, embed and the lesson without touching the run', () => {
    const { config, view, warnings } = parseUrl('?present=1&hide=panel-gates,input-learning-rate&lock=1&embed=panel-cell&lesson=vanishing&lstep=3&lr=0.1');
    expect(warnings).toEqual([]);
    expect(config.learningRate).toBe(0.1);
    expect(view).toEqual({ present: true, hide: ['panel-gates', 'input-learning-rate'], lock: true, embed: 'panel-cell', lesson: 'vanishing', lessonStep: 3 });
  });

  it('warns about each bad value and keeps the rest', () => {
    const { view, warnings } = parseUrl('?hide=panel-gates,<style>,panel-loss&embed=panel-nope&present=yes&lstep=0');
    expect(view.hide).toEqual(['panel-gates', 'panel-loss']);
    expect(view.embed).toBeNull();
    expect(view.present).toBe(false);
    expect(view.lessonStep).toBeNull();
    expect(warnings.map((w) => [w.kind, w.key, w.value])).toEqual([
      ['invalid', 'hide', '<style>'],
      ['invalid', 'embed', 'panel-nope'],
      ['invalid', 'present', 'yes'],
      ['invalid', 'lstep', '0'],
    ]);
  });

  it('round-trips, leaving the defaults out', () => {
    expect(serializeView(DEFAULT_VIEW_PARAMS)).toBe('');
    const view = { present: true, hide: ['panel-state' as const, 'btn-reset' as const], lock: true, embed: 'panel-loss' as const, lesson: 'intro', lessonStep: 2 };
    const text = serializeView(view);
    expect(text).toBe('present=1&hide=panel-state,btn-reset&lock=1&embed=panel-loss&lesson=intro&lstep=2');
    expect(parseUrl(text).view).toEqual(view);
  });
});
