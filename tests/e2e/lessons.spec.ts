/**
 * The lessons in Chromium: every lesson opened from the list and walked forward and back with the keyboard
 * (the highlighted panel is there, the question's answer appears only after a choice, no console error), a
 * deep link, an unknown lesson link, the Chinese toggle, and a 1280×720 screenshot of each lesson's key step.
 */
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../../src/lessons/catalog.ts';
import { resolvedTrainTo } from '../../src/lessons/player.ts';
import type { Lesson, LessonStep } from '../../src/lessons/types.ts';
import { collectErrors, exactLoss, openApp } from './helpers.ts';

test.use({ viewport: { width: 1280, height: 720 } });

/** The step a screenshot shows: the first question (its answer revealed), else the last step. */
function keyStep(lesson: Lesson): number {
  const q = lesson.steps.findIndex((s) => s.question);
  return q >= 0 ? q : lesson.steps.length - 1;
}

/** Does what a step waits for, the way a student would, and checks the task turns done (Play is left out: it would train past later pause points). */
async function doTask(page: Page, wait: LessonStep['wait']): Promise<void> {
  if (!wait || wait.kind === 'play') return;
  const task = page.getByTestId('lesson-task');
  await expect(task).toHaveAttribute('data-done', 'false');
  switch (wait.kind) {
    case 'step':
      await page.getByTestId('btn-step').click();
      break;
    case 'timestep':
      await page.getByTestId('timestep-slider').fill(String(wait.t + 1)); // the slider counts from 1
      break;
    case 'walk':
      await page.getByTestId('panel-cell').getByRole('button', { name: /Backward/ }).click();
      break;
    case 'gradCheck':
      await page.getByTestId('gradcheck-run').click();
      break;
    case 'config':
      if (wait.key === 'fbias') await page.getByTestId('input-forget-bias').fill(wait.value);
      else await page.getByTestId('input-output-mode').locator(`[data-value="${wait.value}"]`).click();
      break;
  }
  await expect(task).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  // Keys typed next belong to the lesson, not to the control just used.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function expectStep(page: Page, lesson: Lesson, i: number, entry: 'open' | 'move'): Promise<void> {
  const step = lesson.steps[i];
  const panel = page.getByTestId('lesson-panel');
  await expect(page.getByTestId('lesson-step')).toHaveText(`${i + 1} / ${lesson.steps.length}`);
  await expect(panel).toHaveAttribute('data-concepts', step.concepts.join(' '));
  await expect(page.getByTestId('lesson-title')).toHaveText(step.title.en);
  await expect(page.getByTestId(step.highlight)).toBeVisible();
  const trainTo = resolvedTrainTo(lesson, i, entry);
  if (trainTo !== undefined) await expect(page.getByTestId('step-counter')).toHaveText(String(trainTo), { timeout: 45_000 });
}

for (const lesson of LESSONS) {
  test(`lesson ${lesson.id}: from the list, every step forward and back with the keyboard`, async ({ page }) => {
    test.setTimeout(180_000);
    const errors = collectErrors(page);
    await openApp(page);
    await page.getByTestId('btn-lessons').click();
    await expect(page.getByTestId('lesson-list')).toBeVisible();
    if (lesson === LESSONS[0]) await page.screenshot({ path: 'test-results/lesson-shots/_list.png' });
    await page.getByTestId(`lesson-card-${lesson.id}`).click();
    await expect(page.getByTestId('lesson-list')).toHaveCount(0);
    const n = lesson.steps.length;
    const key = keyStep(lesson);
    for (let i = 0; i < n; i++) {
      await expectStep(page, lesson, i, i === 0 ? 'open' : 'move');
      const q = lesson.steps[i].question;
      if (q) {
        // Predict first: no answer, the picture veiled, until a choice is made.
        await expect(page.getByTestId('lesson-question')).toBeVisible();
        await expect(page.getByTestId('lesson-choice')).toHaveCount(q.choices.length);
        await expect(page.getByTestId('lesson-answer')).toHaveCount(0);
        await expect(page.getByTestId(lesson.steps[i].highlight).locator('.panel-body').first()).toHaveCSS('filter', /blur/);
        await page.getByTestId('lesson-choice').nth(q.answer).click();
        await expect(page.getByTestId('lesson-answer')).toBeVisible();
        await expect(page.getByTestId('lesson-answer')).toContainText(q.explain.en.slice(0, 30));
        await expect(page.getByTestId(lesson.steps[i].highlight).locator('.panel-body').first()).toHaveCSS('filter', 'none');
      } else {
        await expect(page.getByTestId('lesson-question')).toHaveCount(0);
      }
      await doTask(page, lesson.steps[i].wait);
      if (i === key) {
        await expect(page.locator('.lesson-preparing')).toHaveCount(0);
        await page.screenshot({ path: `test-results/lesson-shots/${lesson.id}.png` });
      }
      if (i < n - 1) await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'PageDown');
    }
    // The last step does not wrap around.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('lesson-step')).toHaveText(`${n} / ${n}`);
    for (let i = n - 2; i >= 0; i--) {
      await page.keyboard.press(i % 2 === 0 ? 'ArrowLeft' : 'PageUp');
      await expect(page.getByTestId('lesson-step')).toHaveText(`${i + 1} / ${n}`);
      await expect(page.getByTestId(lesson.steps[i].highlight)).toBeVisible();
    }
    // Esc leaves the lesson and keeps the run (and its settings in the URL).
    const url = new URL(page.url());
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get('lesson')).toBeNull();
    expect(new URL(page.url()).searchParams.get('task')).toBe(url.searchParams.get('task'));
    expect(errors).toEqual([]);
  });
}

test('a deep link opens its step; Next and Back buttons move; the link follows', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?lesson=bptt&lstep=3');
  const lesson = LESSONS.find((l) => l.id === 'bptt') as Lesson;
  await expectStep(page, lesson, 2, 'open');
  await expect(page.getByTestId('input-task')).toHaveValue('adding');
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-step')).toHaveText('4 / 4');
  await expect.poll(() => new URL(page.url()).searchParams.get('lstep')).toBe('4');
  await page.getByTestId('lesson-prev').click();
  await expect(page.getByTestId('lesson-step')).toHaveText('3 / 4');
  await page.getByTestId('lesson-exit').click();
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a lesson step opens a shipped trained model at its step; Next and Back reopen it; Step trains on', async ({ page }) => {
  const errors = collectErrors(page);
  // The RNN and then the LSTM trained 1000 steps on the adding problem.
  await page.goto('/?lesson=rnn-trouble&lstep=6');
  await expect(page.getByTestId('lesson-step')).toHaveText('6 / 7');
  await expect(page.getByTestId('step-counter')).toHaveText('1000');
  await expect(page.getByTestId('panel-summary')).toContainText('RNN(2, 16');
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('panel-summary')).toContainText('LSTM(2, 16');
  await expect(page.getByTestId('step-counter')).toHaveText('1000');
  expect(await exactLoss(page)).toBeLessThan(0.05);
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('step-counter')).toHaveText('1001');
  await expect(page.getByTestId('lesson-next')).toBeEnabled();
  await page.getByTestId('lesson-prev').click();
  await expect(page.getByTestId('panel-summary')).toContainText('RNN(2, 16');
  await expect(page.getByTestId('step-counter')).toHaveText('1000');
  expect(errors).toEqual([]);
});

test('the Tang lesson shows the model at step 0 and then trained for 3000 steps, writing lines with punctuation', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?lesson=text-model&lstep=1');
  await expect(page.getByTestId('input-task')).toHaveValue('tangHans');
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('step-counter')).toHaveText('3000');
  expect(await exactLoss(page)).toBeLessThan(4.5);
  await expect(page.getByTestId('panel-text')).toContainText(/[，。]/);
  expect(errors).toEqual([]);
});

test('an unknown lesson link says so and opens the list', async ({ page }) => {
  await page.goto('/?lesson=no-such-lesson');
  await expect(page.getByTestId('lesson-link-error')).toContainText('no-such-lesson');
  await expect(page.getByTestId('lesson-list')).toBeVisible();
  await expect(page.getByTestId('url-warnings')).toHaveCount(0);
});

test('the Chinese toggle translates the lesson text', async ({ page }) => {
  await page.goto('/?lesson=lstm-cell&lstep=2');
  const step = LESSONS.find((l) => l.id === 'lstm-cell')!.steps[1];
  await expect(page.getByTestId('lesson-title')).toHaveText(step.title.en);
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('lesson-title')).toHaveText(step.title.zh);
  await expect(page.getByTestId('lesson-body')).toHaveText(step.body.zh);
  await page.getByTestId('lesson-choice').first().click();
  await expect(page.getByTestId('lesson-answer')).toContainText(step.question!.explain.zh.slice(0, 10));
});

test('the glossary lists both languages and the naming note', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('btn-glossary').click();
  await expect(page.getByTestId('glossary-cell')).toContainText('单元状态');
  await expect(page.getByTestId('glossary-delta')).toContainText('误差项 δ');
  await expect(page.getByTestId('glossary-inputGate')).toContainText('更新门');
  await page.screenshot({ path: 'test-results/lesson-shots/_glossary.png' });
});

test('output mode: a visible setting on the sine task, with both spellings, that changes the run', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const field = page.getByTestId('input-output-mode');
  await expect(field).toBeVisible();
  await expect(page.getByTestId('output-mode-spelling')).toContainText("OutputMode='sequence'");
  await expect(page.getByTestId('unrolled-head')).toHaveCount(8);
  await field.locator('[data-value="last"]').click();
  await expect(page.getByTestId('output-mode-spelling')).toContainText('out[:, -1, :]');
  await expect.poll(() => new URL(page.url()).searchParams.get('out')).toBe('last');
  // The head now sits on the last copy only: move the window there.
  await page.getByTestId('timestep-slider').fill('39');
  await expect(page.getByTestId('unrolled-head')).toHaveCount(1);
  expect(errors).toEqual([]);
});
