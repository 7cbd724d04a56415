/** The curriculum table itself: sizes, configs that parse, concepts covered, both languages, panels that exist. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUrl } from '../contracts/urlCodec.ts';
import { LESSONS } from './catalog.ts';
import { GLOSSARY } from './glossary.ts';
import { configFieldOfKey, resolvedConfig } from './player.ts';
import { CONCEPT_IDS, LESSON_PANELS, type Bilingual } from './types.ts';

const steps = LESSONS.flatMap((l) => l.steps.map((s, i) => ({ lesson: l.id, index: i, step: s })));
const CJK = /[\u4e00-\u9fff]/;

/** Sentences by their end marks: '.', '!' or '?' before a space or the end; '。', '！', '？' in Chinese. */
const enSentences = (s: string): number => (s.match(/[.!?](\s|$)/g) ?? []).length;
const zhSentences = (s: string): number => (s.match(/[。！？]/g) ?? []).length;

function expectBilingual(b: Bilingual, where: string): void {
  expect(b.en.trim(), `${where} en`).not.toBe('');
  expect(b.zh.trim(), `${where} zh`).not.toBe('');
  expect(CJK.test(b.zh), `${where} zh is Chinese`).toBe(true);
  expect(b.zh, `${where} zh differs from en`).not.toBe(b.en);
}

/** Every source file under src (the panels' test ids are written there). */
function sourceText(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((p) => (statSync(p).isDirectory() ? sourceText(p) : /\.tsx?$/.test(p) && !p.endsWith('.test.ts') ? readFileSync(p, 'utf8') : ''))
    .join('\n');
}

describe('the curriculum', () => {
  it('has 8–12 lessons of 3–8 steps with unique ids, minutes and bilingual titles and summaries', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(8);
    expect(LESSONS.length).toBeLessThanOrEqual(12);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) {
      expect(l.id).toMatch(/^[a-z][a-z-]*$/);
      expect(l.steps.length, l.id).toBeGreaterThanOrEqual(3);
      expect(l.steps.length, l.id).toBeLessThanOrEqual(8);
      expect(l.minutes).toBeGreaterThan(0);
      expectBilingual(l.title, `${l.id} title`);
      expectBilingual(l.summary, `${l.id} summary`);
      expect(l.steps[0].run.kind, `${l.id} sets up its own run first`).toBe('config');
    }
  });

  it('every step’s configuration parses without a warning', () => {
    for (const { lesson, index, step } of steps) {
      if (step.run.kind !== 'config') continue;
      expect(parseUrl(step.run.query).warnings, `${lesson} step ${index + 1}`).toEqual([]);
    }
  });

  it('teaches every concept on at least one step, and names only known concepts', () => {
    const taught = new Set(steps.flatMap((s) => s.step.concepts));
    for (const c of CONCEPT_IDS) expect(taught.has(c), c).toBe(true);
    for (const c of taught) expect(CONCEPT_IDS).toContain(c);
  });

  it('has English and Chinese for every text of every step, 2–5 sentences of body', () => {
    for (const { lesson, index, step } of steps) {
      const where = `${lesson} step ${index + 1}`;
      expectBilingual(step.title, `${where} title`);
      expectBilingual(step.body, `${where} body`);
      expect(enSentences(step.body.en), `${where} en sentences`).toBeGreaterThanOrEqual(2);
      expect(enSentences(step.body.en), `${where} en sentences`).toBeLessThanOrEqual(5);
      expect(zhSentences(step.body.zh), `${where} zh sentences`).toBeGreaterThanOrEqual(2);
      expect(zhSentences(step.body.zh), `${where} zh sentences`).toBeLessThanOrEqual(5);
      if (step.task) expectBilingual(step.task, `${where} task`);
      if (step.question) {
        const q = step.question;
        expectBilingual(q.prompt, `${where} prompt`);
        expectBilingual(q.explain, `${where} explain`);
        q.choices.forEach((c, k) => expect(c.en && c.zh, `${where} choice ${k}`).toBeTruthy());
        expect(q.choices.length).toBeGreaterThanOrEqual(2);
        expect(q.choices.length).toBeLessThanOrEqual(4);
        expect(q.answer).toBeGreaterThanOrEqual(0);
        expect(q.answer).toBeLessThan(q.choices.length);
      }
    }
  });

  it('shows and highlights only panels the page has, the highlighted one among those shown', () => {
    const src = sourceText(join(__dirname, '..'));
    for (const id of LESSON_PANELS) expect(src.includes(`testId="${id}"`) || src.includes(`data-testid="${id}"`), id).toBe(true);
    for (const { lesson, index, step } of steps) {
      expect(step.show, `${lesson} step ${index + 1}`).toContain(step.highlight);
      for (const p of step.show) expect(LESSON_PANELS).toContain(p);
    }
  });

  it('waits only for things a student can do, and says what in words', () => {
    for (const { lesson, index, step } of steps) {
      const where = `${lesson} step ${index + 1}`;
      expect(step.task !== undefined, `${where} has a task exactly when it waits`).toBe(step.wait !== undefined);
      if (step.wait?.kind === 'config') {
        const field = configFieldOfKey(step.wait.key);
        expect(field, where).not.toBeNull();
        expect(parseUrl(`${step.wait.key}=${step.wait.value}`).warnings, where).toEqual([]);
      }
      if (step.wait?.kind === 'timestep') expect(step.wait.t).toBeLessThan(resolvedConfig(LESSONS.find((l) => l.id === lesson)!, index).seqLen);
    }
  });

  it('trains to a pause point only on single runs (a race has no single step counter to wait for)', () => {
    for (const { lesson, index, step } of steps) {
      if (step.trainTo !== undefined) expect(resolvedConfig(LESSONS.find((l) => l.id === lesson)!, index).compare, `${lesson} step ${index + 1}`).toBe('off');
    }
  });
});

describe('the glossary', () => {
  it('has both languages and a symbol for every term, and the names the tutorials use', () => {
    for (const e of GLOSSARY) {
      expectBilingual(e.term, e.id);
      expect(e.symbol).not.toBe('');
    }
    const all = JSON.stringify(GLOSSARY);
    for (const name of ['细胞状态', '单元状态', '误差项 δ', '更新门', '遗忘门', '输入门', '输出门', '候选值', '隐藏状态']) expect(all).toContain(name);
  });
});
