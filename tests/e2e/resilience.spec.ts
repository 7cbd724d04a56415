/** Nothing blanks the page: a panel that throws is boxed in, and a stored table that breaks the run can be dropped. */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp, stepCount } from './helpers.ts';

/** A CSV whose every value is a subnormal number (1e-320 …): it passes validation. */
function subnormalCsv(rows = 80): string {
  const body = Array.from({ length: rows }, (_, k) => `${k},${((k % 7) + 1) * 1e-320}`);
  return `t,value\n${body.join('\n')}\n`;
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
  await expect(page.getByTestId('panel-loss').locator('svg')).toBeVisible();
});

test('the message is in Chinese too', async ({ page }) => {
  await openApp(page, '?lang=zh');
  await page.evaluate(() => window.__lstmLens?.breakPanel('state'));
  await expect(page.getByTestId('panel-error')).toContainText('此面板出错了');
  await expect(page.getByTestId('panel-error-retry')).toHaveText('重试');
});

test('a CSV of subnormal numbers: the page survives; after a reload it offers to start without the stored table, and that works', async ({ page }) => {
  await openApp(page);
  await uploadAndTrain(page, 'tiny.csv', subnormalCsv());
  await expect(page.getByTestId('panel-pipeline')).toBeVisible();
  await expect(page.getByTestId('panel-loss')).toBeVisible();
  await expect(page.getByTestId('btn-play')).toBeEnabled();
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', /paused|playing/);

  await page.reload();
  await expect(page).toHaveURL(/task=csv/);
  const notice = page.getByTestId('restore-failed');
  await expect(notice).toContainText('tiny.csv');
  await page.getByTestId('restore-start-fresh').click();
  await expect(page.getByTestId('restore-failed')).toHaveCount(0);
  await expect(page).not.toHaveURL(/task=csv/);
  await expect(page.getByTestId('input-task')).toHaveValue('sine');
  await page.getByTestId('btn-step').click();
  await expect.poll(() => stepCount(page)).toBe(1);

  // The stored table is gone: another reload starts on the demo.
  await page.reload();
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  await expect(page.getByTestId('input-task')).toHaveValue('sine');
});
