import { describe, expect, it } from 'vitest';
import { zh } from './zh.ts';
import { LESSONS } from '../lessons/catalog.ts';
import { GLOSSARY } from '../lessons/glossary.ts';

/** Every Chinese string a reader meets: the dictionary, the lessons and the glossary. */
function chineseTexts(): [string, string][] {
  const out: [string, string][] = Object.entries(zh).map(([k, v]) => [`zh.${k}`, v]);
  const walk = (where: string, v: unknown): void => {
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === 'zh' && typeof x === 'string' ? out.push([where, x]) : walk(`${where}.${k}`, x));
  };
  walk('lessons', LESSONS);
  walk('glossary', GLOSSARY);
  return out;
}

/** One idea, one Chinese term: the variants that crept in beside the chosen one. */
const BANNED: [RegExp, string][] = [
  [/加权输入|带权输入|净输入|预激活(?!值)/, 'pre-activation is 预激活值'],
  [/误差信号|局部梯度/, 'the error term is 误差项 δ'],
  // A bare English word where the sentence is Chinese; code names stay (Web Worker, state_dict in parentheses).
  [/(?<!Web )\bworker\b/i, 'worker is 后台线程（Web Worker）'],
  [/\bempty\b|\boccupied\b/, 'class names are 无人 / 有人'],
];

describe('the Chinese terms', () => {
  it.each(BANNED)('%s does not appear (%s)', (re) => {
    const hits = chineseTexts().filter(([, s]) => re.test(s)).map(([where]) => where);
    expect(hits).toEqual([]);
  });

  it('explains the code names a Chinese reader meets (softmax, state_dict, float64)', () => {
    expect(zh['summary.tensors']).toMatch(/state_dict.*参数字典/);
    expect(zh['pred.probabilities']).toMatch(/softmax.*输出/);
    expect(zh['gradcheck.threshold']).toMatch(/双精度浮点 float64/);
  });

  it('can fail: the scan finds a banned variant', () => {
    expect(BANNED[0][0].test('z 为门的预激活。')).toBe(true);
    expect(BANNED[0][0].test('z 为门的预激活值。')).toBe(false);
    expect(BANNED[2][0].test('训练 worker 已停止')).toBe(true);
    expect(BANNED[2][0].test('后台线程（Web Worker）')).toBe(false);
  });
});
