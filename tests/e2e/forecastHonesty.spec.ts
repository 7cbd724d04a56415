/** Honest forecasting on the stock indices: the metrics say how many test windows leave the fitted range, and log-returns fix it. */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp, trainFor } from './helpers.ts';

async function numberAttr(page: Page, testId: string, name: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute(name));
}

test('the stock-index metrics say how many test windows leave the fitted range; predicting log-returns keeps them in it', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await openApp(page, '?task=euStocks&seq=10');
  const note = page.getByTestId('metrics-range-note');
  await expect(note).toBeVisible();
  await expect(note).toHaveAttribute('data-transform', 'level');
  const total = await numberAttr(page, 'metrics-range-note', 'data-total');
  expect(total).toBeGreaterThan(100);
  expect(await numberAttr(page, 'metrics-range-note', 'data-outside')).toBeGreaterThan(0.8 * total);
  await expect(note).toContainText(`of ${total} test windows`);
  await expect(page.getByTestId('metrics-transform-note')).toHaveCount(0);
  await trainFor(page, 20);
  await page.getByTestId('panel-metrics').scrollIntoViewIfNeeded();
  await page.getByTestId('panel-metrics').screenshot({ path: 'test-results/metrics-range-level.png' });

  await page.getByTestId('input-transform').getByRole('button', { name: 'the log-return' }).click();
  await expect(page).toHaveURL(/pred=logReturn/);
  await expect(note).toHaveAttribute('data-transform', 'logReturn');
  expect(await numberAttr(page, 'metrics-range-note', 'data-outside')).toBeLessThan(0.05 * total);
  await expect(page.getByTestId('metrics-transform-note')).toBeVisible();
  await expect(page.getByTestId('pipe-flow-transform')).toBeVisible();
  await trainFor(page, 20);
  // Metrics in index points either way: the naive forecast's RMSE is the same number as before.
  const naive = Number(await page.locator('[data-metric="naive-rmse"]').getAttribute('data-value'));
  expect(naive).toBeGreaterThan(1);
  await page.getByTestId('panel-metrics').screenshot({ path: 'test-results/metrics-range-logreturn.png' });
  expect(errors).toEqual([]);
});

test('the range note speaks Chinese', async ({ page }) => {
  await openApp(page, '?task=euStocks&seq=10&pred=diff&lang=zh');
  await expect(page.getByTestId('metrics-range-note')).toContainText('测试窗口');
  await expect(page.getByTestId('metrics-transform-note')).toContainText('变化量');
});
