/** Compare mode: several architectures trained side by side, driven together, shown in one panel. */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp } from './helpers.ts';

const legend = (page: Page, cell: string) => page.getByTestId(`compare-legend-${cell}`);

async function legendStep(page: Page, cell: string): Promise<number> {
  return Number(await legend(page, cell).getAttribute('data-step'));
}

test('compare mode trains two models side by side and draws both loss curves', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?cmp=rnn,lstm&task=adding&seq=20');
  const panel = page.getByTestId('panel-compare');
  await expect(panel).toBeVisible();
  await expect(legend(page, 'rnn')).toBeVisible();
  await expect(legend(page, 'lstm')).toBeVisible();
  await expect(page.getByTestId('compare-legend-gru')).toHaveCount(0);

  await page.getByTestId('btn-play').click();
  await expect.poll(async () => Math.min(await legendStep(page, 'rnn'), await legendStep(page, 'lstm')), { timeout: 20_000 }).toBeGreaterThan(30);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');

  for (const cell of ['rnn', 'lstm']) {
    const series = panel.locator(`.compare-loss-series[data-cell="${cell}"]`);
    await expect(series).toHaveCount(1);
    expect(Number(await series.getAttribute('data-points'))).toBeGreaterThan(30);
    expect(((await series.locator('.compare-loss-smooth').getAttribute('d')) ?? '').length).toBeGreaterThan(100);
    // The gradient-decay overlay has a curve and a read-out per model.
    expect(Number(await page.getByTestId(`compare-ratio-${cell}`).getAttribute('data-late'))).toBeGreaterThan(0);
    await expect(page.getByTestId(`compare-model-${cell}`).locator('canvas')).toHaveCount(2);
  }
  await page.screenshot({ path: 'test-results/compare-rnn-lstm.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('Step and Reset reach every model; the panels below follow the chosen model', async ({ page }) => {
  await openApp(page, '?cmp=rnn,lstm,gru&task=adding&seq=12');
  for (const cell of ['rnn', 'lstm', 'gru']) await expect(legend(page, cell)).toHaveAttribute('data-step', '0');
  for (let k = 0; k < 3; k++) await page.getByTestId('btn-step').click();
  for (const cell of ['rnn', 'lstm', 'gru']) await expect(legend(page, cell)).toHaveAttribute('data-step', '3');
  await expect(page.getByTestId('step-counter')).toHaveText('3');

  // The single-run panels show the first model, then the one picked.
  await expect(page.getByTestId('panel-cell')).toContainText('RNN');
  await page.getByTestId('compare-focus-gru').click();
  await expect(page.getByTestId('compare-focus-gru')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('panel-cell')).toContainText('GRU');
  await expect(page.getByTestId('panel-summary')).toContainText('GRU');

  // One timestep cursor for all.
  await page.getByTestId('timestep-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timestep-value')).toContainText('t = 2');

  await page.getByTestId('btn-reset').click();
  for (const cell of ['rnn', 'lstm', 'gru']) await expect(legend(page, cell)).toHaveAttribute('data-step', '0');
  await expect(page.getByTestId('step-counter')).toHaveText('0');
});

test('the compare set lives in the URL and can be switched off from the sidebar', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('panel-compare')).toHaveCount(0);
  await page.getByTestId('input-compare').selectOption('lstm,gru');
  await expect(page).toHaveURL(/cmp=lstm%2Cgru/);
  await expect(legend(page, 'lstm')).toBeVisible();
  await expect(legend(page, 'gru')).toBeVisible();
  // The single-model architecture choice means nothing while comparing.
  await expect(page.getByTestId('input-cell')).toHaveCount(0);

  await page.getByTestId('input-compare').selectOption('off');
  await expect(page.getByTestId('panel-compare')).toHaveCount(0);
  await expect(page).not.toHaveURL(/cmp=/);
  await expect(page.getByTestId('input-cell')).toBeVisible();
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('step-counter')).toHaveText('1');
});
