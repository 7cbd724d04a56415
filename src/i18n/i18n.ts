/**
 * English and Simplified Chinese, one dictionary each with the same keys (zh is typed against en, so a
 * missing translation fails the typecheck). Terms follow the usual Chinese tutorial vocabulary: 遗忘门, 输入门, 输出门, 候选值, 细胞状态,
 * 隐藏状态, 损失, 梯度, 时间步, 梯度消失, 梯度爆炸.
 */
import { en, type Dict } from './en.ts';
import { zh } from './zh.ts';

export type Lang = 'en' | 'zh';
export type MessageKey = keyof Dict;

const DICTS: Record<Lang, Dict> = { en, zh };

/** BCP 47 tag of a UI language: numbers and dates follow the page's language, not the browser's. */
const LOCALES: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

const integerFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * A number placed in a message. Whole numbers get the UI language's digit grouping (12,345 steps); fractions are
 * left exactly as the caller wrote them, since rounding them here could turn a learning rate of 1e−4 into 0.
 */
export function formatNumberVar(lang: Lang, v: number): string {
  if (!Number.isInteger(v)) return String(v);
  let f = integerFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 });
    integerFormats.set(lang, f);
  }
  return f.format(v);
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The language's plural category of a count ("one", "other", …): Chinese has only "other". */
export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[lang]);
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

/**
 * Translate a key, filling {name} placeholders. `{name|one|other}` picks a word by the count in `name` with the
 * language's plural rules ("{n} {n|step|steps}/s" → "1 step/s", "2 steps/s").
 */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const s = DICTS[lang][key];
  if (!vars) return s;
  const text = (v: string | number): string => (typeof v === 'number' ? formatNumberVar(lang, v) : v);
  return s
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (m, k: string, one: string, other: string) => {
      // A count may come already formatted ("1,201"): its digits still say which form.
      const v = vars[k];
      const n = typeof v === 'number' ? v : v !== undefined && /\d/.test(v) ? Number(v.replace(/[^\d.\-]/g, '')) : NaN;
      return Number.isNaN(n) ? m : pluralCategory(lang, n) === 'one' ? one : other;
    })
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? text(vars[k]) : m));
}

/** The browser's preferred language, mapped to one we have. */
export function detectLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const lower = l.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
