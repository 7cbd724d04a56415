import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp, stepCount } from './helpers.ts';

/** The decay rates written on the chart, as factors per step back (e.g. "LSTM: ×0.78 per step" → 0.78). */
async function decayFactors(page: Page): Promise<number[]> {
  const text = (await page.getByTestId('decay-rates').textContent()) ?? '';
  return [...text.matchAll(/×([\d.e+-]+)/g)].map((m) => Number(m[1]));
}

test('the gradient-decay panel shows ‖∂L_T/∂h_t‖, ‖∂L_T/∂c_t‖, ‖∂L_T/∂x_t‖, the mechanism and a decay rate, live', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const panel = page.getByTestId('panel-gradient-decay');
  await panel.scrollIntoViewIfNeeded();
  for (const q of ['dh', 'dc', 'dx']) await expect(panel.locator(`[data-curve="layer0-${q}"]`)).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('decay-rates')).toContainText(/LSTM: ×\d/);
  const [before] = await decayFactors(page);
  expect(before).toBeGreaterThan(0);
  await expect(page.getByTestId('decay-explain')).toContainText('forget gate');
  await expect(page.getByTestId('decay-contributions').locator('rect').first()).toBeAttached();

  // It follows training: after some steps the fitted rate is another number.
  await page.getByTestId('btn-play').click();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(150);
  await page.getByTestId('btn-play').click();
  await expect.poll(async () => (await decayFactors(page))[0]).not.toBe(before);

  // Distance mode puts the last step at x = 0.
  await page.getByTestId('decay-x-distance').check();
  await expect(panel.locator('.viz-axis-label', { hasText: 'steps back from the last timestep' }).first()).toBeAttached();
  await panel.screenshot({ path: 'test-results/gradients-decay.png' });
  expect(errors).toEqual([]);
});

test('a vanilla RNN on a long sequence: the panel marks where the gradient vanished', async ({ page }) => {
  await openApp(page, '?cell=rnn&seq=120&hidden=16');
  const panel = page.getByTestId('panel-gradient-decay');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.locator('[data-curve="layer0-dc"]')).toHaveCount(0);
  const mark = page.getByTestId('decay-marks').locator('li[data-kind="vanished"]').first();
  await expect(mark).toContainText(/vanished by t = \d+/);
  const [factor] = await decayFactors(page);
  expect(factor).toBeLessThan(1);
  await expect(panel.locator('[data-mark="vanished"]').first()).toBeAttached();
  await panel.screenshot({ path: 'test-results/gradients-rnn-vanishing.png' });
});

test('the gradient check runs in the worker with a progress bar, and every group of the default model passes', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('step-counter')).toHaveText('1');
  const panel = page.getByTestId('panel-gradcheck');
  await panel.scrollIntoViewIfNeeded();
  await page.getByTestId('gradcheck-run').click();
  await expect(page.getByTestId('gradcheck-progress')).toBeVisible();
  await expect(page.getByTestId('gradcheck-run')).toBeDisabled();
  const summary = page.getByTestId('gradcheck-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary).toHaveAttribute('data-failed', '0');
  await expect(summary).toContainText('All 18 groups pass');
  const rows = page.getByTestId('gradcheck-table').locator('tbody tr');
  await expect(rows).toHaveCount(18);
  expect(await rows.evaluateAll((trs) => trs.filter((tr) => (tr as HTMLElement).dataset.pass !== 'true').length)).toBe(0);
  await expect(rows.filter({ hasText: 'weight_hh_l0[f]' })).toHaveCount(1);
  await panel.screenshot({ path: 'test-results/gradients-check.png' });

  // The table stays, labelled with the step it was checked at, while training moves on.
  await page.getByTestId('btn-step').click();
  await expect(summary).toContainText('Training has moved on since');
  expect(errors).toEqual([]);
});
