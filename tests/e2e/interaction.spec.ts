import { expect, test, type Locator, type Page } from '@playwright/test';
import { cellShowsStep, collectErrors, openApp, stepCount, stepTimes } from './helpers.ts';

/** The numbers the cell diagram shows for the selected timestep. */
function cellNumbers(page: Page): Locator {
  return page.getByTestId('cell-equations');
}

test('scrubbing the timestep slider moves the numbers in the cell diagram', async ({ page }) => {
  await openApp(page);
  await stepTimes(page, 5);
  await cellShowsStep(page, 5);
  const before = await cellNumbers(page).textContent();
  const slider = page.getByTestId('timestep-slider');
  await slider.fill('7');
  await expect(page.getByTestId('timestep-value')).toHaveText('t = 7 / 40');
  await expect(cellNumbers(page)).not.toHaveText(before ?? '');
  const at7 = await cellNumbers(page).textContent();

  // The arrow keys move it too (focus on the page, not in a field).
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timestep-value')).toHaveText('t = 8 / 40');
  await expect(cellNumbers(page)).not.toHaveText(at7 ?? '');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('timestep-value')).toHaveText('t = 6 / 40');
});

test('the training-history slider scrubs back to an earlier step and Live returns', async ({ page }) => {
  await openApp(page);
  await stepTimes(page, 4);
  const history = page.getByTestId('history-slider');
  await expect(page.getByTestId('history-value')).toHaveText('live · step 4');
  await history.fill('1');
  await expect(page.getByTestId('history-value')).toHaveText('snapshot of step 1');
  await expect(page.getByTestId('panel-gates')).toContainText('training step 1');
  await page.getByTestId('btn-live').click();
  await expect(page.getByTestId('history-value')).toHaveText('live · step 4');
  await expect(page.getByTestId('panel-gates')).toContainText('training step 4');

  // A snapshot stays put while training goes on and the ring thins out (its indices shift).
  await history.fill('2');
  await expect(page.getByTestId('history-value')).toHaveText('snapshot of step 2');
  await page.getByTestId('btn-play').click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(1200);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('history-value')).toHaveText('snapshot of step 2');
  await expect(page.getByTestId('panel-gates')).toContainText('training step 2');
});

test('keyboard shortcuts, ignored while typing, with an overlay that lists them', async ({ page }) => {
  await openApp(page);
  const body = page.locator('body');
  await body.click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('s');
  await expect(page.getByTestId('step-counter')).toHaveText('1');

  await page.keyboard.press('?');
  const overlay = page.getByTestId('shortcuts-overlay');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('One training step');
  await page.screenshot({ path: 'test-results/shell-shortcuts.png' });
  await page.keyboard.press('s');
  await expect(page.getByTestId('step-counter')).toHaveText('1');
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
  await page.getByTestId('btn-shortcuts').click();
  await expect(overlay).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();

  await body.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect(page.getByTestId('btn-play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('btn-play')).toHaveAttribute('aria-pressed', 'false');
  expect(await stepCount(page)).toBeGreaterThan(1);

  // Typing "s" or "r" in a field edits the field.
  const steps = await stepCount(page);
  const seed = page.getByTestId('input-seed');
  await seed.focus();
  await page.keyboard.press('s');
  await page.keyboard.press('r');
  expect(await stepCount(page)).toBe(steps);

  await body.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('r');
  await expect(page.getByTestId('step-counter')).toHaveText('0');
});

test('the Chinese toggle translates the visible interface', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await stepTimes(page, 3);
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: 'LSTM Lens' })).toHaveCount(0);
  await expect(page.getByText('遗忘门', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('btn-play')).toContainText('播放');
  await expect(page.getByText('Training history')).toHaveCount(0);
  await expect.poll(() => page.url()).toContain('lang=zh');
  await page.screenshot({ path: 'test-results/shell-zh.png', fullPage: true });

  // The language survives a reload through the URL.
  await page.reload();
  await expect(page.getByTestId('btn-play')).toContainText('播放');
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByRole('heading', { name: 'LSTM Lens' })).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
  expect(errors).toEqual([]);
});

test('the browser language picks Chinese unless the URL says otherwise', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('btn-play')).toContainText('播放');
  await page.goto('/?lang=en');
  await expect(page.getByTestId('btn-play')).toContainText('Play');
  await context.close();
});
