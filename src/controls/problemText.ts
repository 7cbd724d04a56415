import type { MessageKey } from '../i18n/i18n.ts';
import type { Problem, UrlWarning } from '../store/urlCodec.ts';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Why a value was refused, in the UI language ("Enter a number from 1 to 4"). */
export function problemText(t: Translate, p: Problem): string {
  switch (p.kind) {
    case 'empty':
      return t('problem.empty');
    case 'notNumber':
      return t('problem.notNumber');
    case 'notInteger':
      return t('problem.notInteger');
    case 'range':
      return t(p.minExclusive ? 'problem.rangeAbove' : 'problem.range', { min: p.min, max: p.max });
    case 'choice':
      return t('problem.choice', { choices: p.choices.join(', ') });
  }
}

/** Why a URL parameter was ignored ("not a number", "unknown setting"). */
export function urlWarningReason(t: Translate, w: UrlWarning): string {
  switch (w.kind) {
    case 'invalid':
      return problemText(t, w.problem);
    case 'unknown':
      return t('urlWarning.unknown');
    case 'conflict':
      return t('urlWarning.conflict');
  }
}
