/** Nothing blanks the page: a panel that throws is boxed in, and a stored table that breaks the run can be dropped. */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp, stepCount } from './helpers.ts';

/** A CSV whose values are 1…7 times `unit` (by default subnormal numbers, 1e-320 …). */
function subnormalCsv(rows = 80, unit = 1e-320): string {
  const body = Array.from({ length: rows }, (_, k) => `${k},${((k % 7) + 1) * unit}`);
  return `t,value\n${body.join('\n')}\n`;
}

/** Monthly sales, enough rows for a window of 10 and a 70/30 split. */
function salesCsv(rows = 120): string {
  const body = Array.from({ length: rows }, (_, k) => `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')},${(100 + k + 10 * Math.sin(k / 2)).toFixed(2)}`);
  return `month,sales\n${body.join('\n')}\n`;
}

async function uploadAndTrain(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('btn-csv-upload').click();
  await page.getByTestId('csv-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('csv-ok')).toBeVisible();
  await page.getByTestId('csv-train').click();
  await expect(page.getByTestId('csv-upload')).toHaveCount(0);
}

test('a panel that throws shows the error and a Retry; the rest of the page keeps working; the error is logged once', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.evaluate(() => window.__lstmLens?.breakPanel('loss'));
  const notice = page.getByTestId('panel-error');
  await expect(notice).toHaveCount(1);
  await expect(notice).toHaveAttribute('data-area', 'loss');
  await expect(notice).toContainText('This panel hit an error');
  await expect(notice).toContainText('test fault in the loss panel');
  await expect(page.getByTestId('panel-loss')).toHaveCount(0);

  // Everything else still works: training runs and the other panels draw.
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('step-counter')).toHaveText('1');
  await expect(page.getByTestId('panel-predictions').locator('svg').first()).toBeVisible();
  expect(errors.filter((e) => e.includes('test fault in the loss panel'))).toHaveLength(1);

  await page.getByTestId('panel-error-retry').click();
  await expect(page.getByTestId('panel-error')).toHaveCount(0);
  await expect(page.getByTestId('panel-loss').locator('svg[role="img"]')).toBeVisible();
});

test('the message is in Chinese too', async ({ page }) => {
  await openApp(page, '?lang=zh');
  await page.evaluate(() => window.__lstmLens?.breakPanel('state'));
  await expect(page.getByTestId('panel-error')).toContainText('此面板出错了');
  await expect(page.getByTestId('panel-error-retry')).toHaveText('重试');
});

test('a restored table whose run fails: the page offers to start without it, and that works', async ({ page }) => {
  await openApp(page);
  await uploadAndTrain(page, 'sales.csv', salesCsv());
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(5);
  // A failure on this page's own upload is not blamed on storage.
  await page.evaluate(() => window.__lstmLens?.breakPanel('predictions'));
  await expect(page.getByTestId('panel-error')).toHaveCount(1);
  await expect(page.getByTestId('restore-failed')).toHaveCount(0);

  await page.reload();
  await expect(page).toHaveURL(/task=csv/);
  await expect(page.getByTestId('panel-summary')).toContainText('LSTM(1, 12');
  await expect(page.getByTestId('restore-failed')).toHaveCount(0);
  // The run on the restored table fails (here: a panel cannot draw it).
  await page.evaluate(() => window.__lstmLens?.breakPanel('predictions'));
  await expect(page.getByTestId('restore-failed')).toContainText('sales.csv');
  await page.getByTestId('restore-start-fresh').click();
  await expect(page.getByTestId('restore-failed')).toHaveCount(0);
  await expect(page).not.toHaveURL(/task=csv/);
  await expect(page.getByTestId('input-task')).toHaveValue('sine');

  // The stored table is gone: another reload starts on the demo, and it trains.
  await page.reload();
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  await expect(page.getByTestId('input-task')).toHaveValue('sine');
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('step-counter')).toHaveText('1');
});

test('a CSV of subnormal numbers is refused before Train and the run goes on; the smallest numbers the page reads train and survive a reload', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('step-counter')).toHaveText('1');
  await page.getByTestId('btn-csv-upload').click();
  await page.getByTestId('csv-file-input').setInputFiles({ name: 'tiny.csv', mimeType: 'text/csv', buffer: Buffer.from(subnormalCsv()) });
  await expect(page.getByTestId('csv-upload')).toContainText('too close to zero');
  await expect(page.getByTestId('csv-train')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('csv-upload')).toHaveCount(0);
  await expect(page.getByTestId('input-task')).toHaveValue('sine');
  await expect(page.getByTestId('step-counter')).toHaveText('1');

  // 1e-30 … 7e-30: tiny, but every panel and the worker take them.
  await uploadAndTrain(page, 'tiny.csv', subnormalCsv(80, 1e-30));
  await page.getByTestId('btn-play').click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(50);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('panel-pipeline').locator('svg[role="img"]')).toBeVisible();
  await expect(page.getByTestId('panel-error')).toHaveCount(0);
  await page.reload();
  await expect(page).toHaveURL(/task=csv/);
  await page.getByTestId('btn-step').click();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(0);
  await expect(page.getByTestId('restore-failed')).toHaveCount(0);
  await expect(page.getByTestId('panel-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});
