import type { MessageKey } from '../i18n/i18n.ts';
import type { Problem, UrlWarning } from '../contracts/urlValues.ts';

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
    case 'repeated':
      return t('urlWarning.repeated', { count: w.count });
  }
}

/** Warnings listed one by one; the rest are counted ("… and 995 more"), so a hostile link cannot flood the page. */
const LISTED_URL_WARNINGS = 5;

/** A key or value shown in a message: long ones are cut, so a 1 MB value does not fill the page. */
export function shortText(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function summariseUrlWarnings(warnings: readonly UrlWarning[]): { listed: UrlWarning[]; more: number } {
  return { listed: warnings.slice(0, LISTED_URL_WARNINGS), more: Math.max(0, warnings.length - LISTED_URL_WARNINGS) };
}
