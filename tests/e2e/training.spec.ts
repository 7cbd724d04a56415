import { expect, test } from '@playwright/test';
import { collectErrors, exactLoss, openApp, stepCount, stepTimes } from './helpers.ts';

test('Play trains and the loss falls; Pause stops', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await stepTimes(page, 1);
  const first = await exactLoss(page);
  expect(first).toBeGreaterThan(0);

  const play = page.getByTestId('btn-play');
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'playing');
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(200);
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');

  const later = await exactLoss(page);
  expect(later).toBeLessThan(first / 4);
  // The displayed text is the same number, rounded.
  expect(Number(await page.getByTestId('loss-value').textContent())).toBeCloseTo(later, 3);

  // Paused really means paused.
  const stopped = await stepCount(page);
  await page.waitForTimeout(500);
  expect(await stepCount(page)).toBe(stopped);
  await page.screenshot({ path: 'test-results/shell-trained.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('the speed control caps training steps per second', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('speed-select').selectOption('5');
  const started = Date.now();
  await page.getByTestId('btn-play').click();
  // At 5 steps/s, 10 steps take at least ~1.8 s; a busy machine can only make that longer.
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1600);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  const capped = await stepCount(page);

  await page.getByTestId('speed-select').selectOption('full');
  await page.getByTestId('btn-play').click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(capped + 100);
  await page.getByTestId('btn-play').click();
});

test('Step adds exactly one training step; Reset goes back to step 0 with the same weights', async ({ page }) => {
  await openApp(page);
  await stepTimes(page, 1);
  const afterOne = await exactLoss(page);
  await stepTimes(page, 1);
  await stepTimes(page, 3);
  expect(await stepCount(page)).toBe(5);

  await page.getByTestId('btn-reset').click();
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  await stepTimes(page, 1);
  expect(await exactLoss(page)).toBe(afterOne);
});

test('the learning rate applies at once without a reset; bad input is refused inline', async ({ page }) => {
  await openApp(page);
  await stepTimes(page, 3);
  const lr = page.getByTestId('input-learning-rate');

  for (const bad of ['-1', '0', '']) {
    await lr.fill(bad);
    await expect(page.locator('.field-error')).toBeVisible();
    await expect(lr).toHaveAttribute('aria-invalid', 'true');
  }
  expect(page.url()).not.toContain('lr=');

  await lr.fill('0.05');
  await expect(page.locator('.field-error')).toHaveCount(0);
  await expect.poll(() => page.url()).toContain('lr=0.05');
  expect(await stepCount(page)).toBe(3);
  await stepTimes(page, 1);
});

test('architecture changes restart the run and show in the URL', async ({ page }) => {
  await openApp(page);
  await stepTimes(page, 2);
  await page.getByTestId('input-cell').getByRole('button', { name: 'GRU' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  await expect.poll(() => page.url()).toContain('cell=gru');
  await expect(page.getByTestId('input-cell').getByRole('button', { name: 'GRU' })).toHaveAttribute('aria-pressed', 'true');

  // A typed size applies once the typing stops (one restart, not one per digit).
  await page.getByTestId('input-hidden-size').fill('20');
  await expect.poll(() => page.url()).toContain('hidden=20');
  await page.getByTestId('input-hidden-size').fill('999');
  await expect(page.getByText('Enter a number from 1 to 128.')).toBeVisible();
  await page.waitForTimeout(900);
  expect(page.url()).toContain('hidden=20');
});

test('a diverging run stops with a clear message and the page keeps working', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?lr=1000000&opt=sgd&clip=none');
  await page.getByTestId('btn-play').click();
  const banner = page.getByTestId('failure-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/Training paused at step \d+: the (loss|gradient|weights)/);
  await expect(banner).toContainText('Lower the learning rate or turn on gradient clipping');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('btn-play')).toHaveAttribute('aria-pressed', 'false');
  await page.screenshot({ path: 'test-results/shell-failure.png' });

  // Still responsive: the language switches, the banner translates, and it can be dismissed.
  await page.getByTestId('lang-toggle').click();
  await expect(banner).toContainText('训练在第');
  await page.getByTestId('failure-dismiss').click();
  await expect(banner).toBeHidden();

  // Fix the cause from the form and train again.
  await page.getByTestId('input-clip').selectOption('norm');
  await page.getByTestId('input-learning-rate').fill('0.01');
  await page.getByTestId('btn-reset').click();
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  await stepTimes(page, 2);
  expect(Number.isFinite(await exactLoss(page))).toBe(true);
  expect(errors).toEqual([]);
});

test('every architecture trains on both tasks without errors', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  for (const task of ['frequency', 'sine']) {
    await page.getByTestId('input-task').selectOption(task);
    for (const cell of ['RNN', 'GRU', 'LSTM']) {
      await page.getByTestId('input-cell').getByRole('button', { name: cell }).click();
      await expect(page.getByTestId('step-counter')).toHaveText('0');
      await stepTimes(page, 2);
      expect(Number.isFinite(await exactLoss(page))).toBe(true);
    }
  }
  await page.screenshot({ path: 'test-results/shell-frequency-lstm.png', fullPage: true });
  expect(errors).toEqual([]);
});
