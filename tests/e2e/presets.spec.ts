/** The demonstrations: each preset sets up its run in one click, and shows what it is named after. */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp, stepCount } from './helpers.ts';

async function numberAttr(page: Page, testId: string, name: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute(name));
}

test('the vanishing preset: the RNN’s gradient at early timesteps is orders of magnitude below the LSTM’s', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('preset-rnn-vanishes').click();
  await expect(page).toHaveURL(/cmp=rnn%2Clstm/);
  await expect(page).toHaveURL(/task=temporalOrder/);
  await expect(page).toHaveURL(/rscale=0.6/);
  await expect(page.getByTestId('preset-rnn-vanishes')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'playing');
  await expect.poll(() => stepCount(page)).toBeGreaterThan(10);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');

  // The models race at their own speeds; compare them at the same steps: 0, then 25 (Reset keeps the seed).
  await page.getByTestId('btn-reset').click();
  for (const steps of [0, 25]) {
    for (let k = 0; k < steps; k++) await page.getByTestId('btn-step').click();
    for (const cell of ['rnn', 'lstm']) {
      await expect(page.getByTestId(`compare-legend-${cell}`)).toHaveAttribute('data-step', String(steps));
      // The read-out of the frame of that step (the chart redraws a few times a second).
      await expect(page.getByTestId(`compare-ratio-${cell}`)).toHaveAttribute('data-step', String(steps));
    }
    const rnnEarly = await numberAttr(page, 'compare-ratio-rnn', 'data-early');
    const lstmEarly = await numberAttr(page, 'compare-ratio-lstm', 'data-early');
    const rnnRatio = await numberAttr(page, 'compare-ratio-rnn', 'data-ratio');
    const lstmRatio = await numberAttr(page, 'compare-ratio-lstm', 'data-ratio');
    // ‖∂L_T/∂h_1‖: the RNN's has all but vanished, the LSTM's has not (measured in Node: ratios ~1e−28 and
    // ~1e−23 for the RNN at steps 0 and 25, ~1e−3 and ~1e−4 for the LSTM).
    expect(Math.log10(lstmEarly) - Math.log10(rnnEarly), `step ${steps}`).toBeGreaterThan(10);
    expect(Math.log10(lstmRatio) - Math.log10(rnnRatio), `step ${steps}`).toBeGreaterThan(10);
    expect(rnnRatio).toBeLessThan(1e-15);
  }
  await page.screenshot({ path: 'test-results/preset-rnn-vanishes.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('the vanishing picture holds: long after the click, the step-0 contrast between RNN and LSTM stays on screen', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('preset-rnn-vanishes').click();
  // Wait until both models have trained well past the key frame (several seconds of racing on a busy machine).
  for (const cell of ['rnn', 'lstm']) {
    await expect.poll(async () => numberAttr(page, `compare-legend-${cell}`, 'data-step'), { timeout: 120_000 }).toBeGreaterThan(50);
  }
  const decay = page.getByTestId('compare-decay');
  // The step-0 curves stay drawn (faintly) beside the live ones, and their numbers are still there.
  await expect(decay.locator('[data-curve="ref-rnn"]')).toHaveCount(1);
  await expect(decay.locator('[data-curve="ref-lstm"]')).toHaveCount(1);
  await expect(decay.getByTestId('decay-reference-key')).toContainText('step 0');
  for (const cell of ['rnn', 'lstm']) await expect(page.getByTestId(`compare-ratio-${cell}`)).toHaveAttribute('data-key-step', '0');
  const rnnEarly = await numberAttr(page, 'compare-ratio-rnn', 'data-key-early');
  const lstmEarly = await numberAttr(page, 'compare-ratio-lstm', 'data-key-early');
  const rnnRatio = await numberAttr(page, 'compare-ratio-rnn', 'data-key-ratio');
  const lstmRatio = await numberAttr(page, 'compare-ratio-lstm', 'data-key-ratio');
  expect(Math.log10(lstmEarly) - Math.log10(rnnEarly)).toBeGreaterThanOrEqual(10);
  expect(Math.log10(lstmRatio) - Math.log10(rnnRatio)).toBeGreaterThanOrEqual(10);
  // The single-run decay panel (following the RNN) keeps its step-0 picture too.
  const key = page.getByTestId('decay-key-frame');
  await expect(key).toHaveAttribute('data-step', '0');
  expect(Number(await key.getAttribute('data-live-step'))).toBeGreaterThan(0);
  expect(Number(await key.getAttribute('data-ratio'))).toBeLessThan(1e-15);
  await page.getByTestId('btn-play').click();
  await page.getByTestId('panel-compare').screenshot({ path: 'test-results/preset-rnn-vanishes-held.png' });
  expect(errors).toEqual([]);
});

test('the exploding preset overflows without clipping; clipping prevents it', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.getByTestId('preset-rnn-explodes').click();
  await expect(page).toHaveURL(/clip=none/);
  const banner = page.getByTestId('failure-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/NaN|infinite/);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('clip-suggestion')).toBeVisible();
  // Before the overflow the gradient grew going back in time; that last finite picture stays on screen.
  const key = page.getByTestId('decay-key-frame');
  await expect(key).toBeVisible();
  const failedAfter = await stepCount(page);
  expect(Number(await key.getAttribute('data-step'))).toBeLessThanOrEqual(failedAfter);
  expect(Number(await key.getAttribute('data-ratio'))).toBeGreaterThan(100);
  expect(Number(await key.getAttribute('data-early'))).toBeGreaterThan(100 * Number(await key.getAttribute('data-late')));
  await expect(page.getByTestId('decay-rates').locator('.decay-rate').first()).toHaveAttribute('data-slope', /^(?!-)/);
  await expect(page.getByTestId('decay-clip')).toHaveAttribute('data-mode', 'none');
  expect(Number.isFinite(Number(await page.getByTestId('decay-clip').getAttribute('data-grad-norm')))).toBe(true);
  await page.screenshot({ path: 'test-results/preset-rnn-explodes.png' });
  await page.getByTestId('panel-gradient-decay').screenshot({ path: 'test-results/preset-rnn-explodes-decay.png' });

  // The suggestion restarts the same run with clipping on: the rescued preset.
  await page.getByTestId('suggest-clipping').click();
  await expect(page.getByTestId('preset-rnn-clipped')).toHaveAttribute('aria-pressed', 'true');
  await expect(banner).toHaveCount(0);
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(300);
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('clip-suggestion')).toHaveCount(0);
  expect(Number.isFinite(Number(await page.getByTestId('loss-value').getAttribute('data-value')))).toBe(true);
  // The same growth at step 0 (same weights), now with the update held to the clipping threshold.
  await expect(key).toHaveAttribute('data-step', '0');
  expect(Number(await key.getAttribute('data-ratio'))).toBeGreaterThan(100);
  await expect(page.getByTestId('decay-clip')).toHaveAttribute('data-mode', 'norm');
  await expect(page.getByTestId('decay-clip')).toHaveAttribute('data-threshold', '1');
  const clipAtStart = page.getByTestId('decay-clip-key');
  await expect(clipAtStart).toHaveAttribute('data-step', '0');
  expect(Number(await clipAtStart.getAttribute('data-grad-norm'))).toBeGreaterThan(1);
  await page.getByTestId('btn-play').click();
  await page.getByTestId('panel-gradient-decay').screenshot({ path: 'test-results/preset-rnn-clipped-decay.png' });
});

test('the race preset trains RNN, LSTM and GRU on the adding problem', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('preset-race-adding').click();
  await expect(page).toHaveURL(/cmp=rnn%2Clstm%2Cgru/);
  await expect(page).toHaveURL(/task=adding/);
  for (const cell of ['rnn', 'lstm', 'gru']) {
    await expect.poll(async () => Number(await page.getByTestId(`compare-legend-${cell}`).getAttribute('data-step')), { timeout: 20_000 }).toBeGreaterThan(5);
  }
  await page.getByTestId('btn-play').click();
});

test('the lab drives the recurrent scale and activation, the form clipping, through the URL', async ({ page }) => {
  await openApp(page, '?cell=rnn');
  await page.getByTestId('lab-scale-on').check();
  await expect(page).toHaveURL(/rscale=1(&|$)/);
  const slider = page.getByTestId('lab-scale');
  await slider.focus();
  for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/rscale=1.2(&|$)/);
  await page.getByTestId('lab-activation').getByRole('button', { name: 'sigmoid' }).click();
  await expect(page).toHaveURL(/act=sigmoid/);
  await page.getByTestId('input-clip').selectOption('none');
  await expect(page).toHaveURL(/clip=none/);
  await expect(page.getByTestId('input-clip-value')).toHaveCount(0);
  // Everything but clipping restarted the run; clipping applies in place.
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('step-counter')).toHaveText('1');
  await page.getByTestId('input-clip').selectOption('norm');
  await expect(page).not.toHaveURL(/clip=/);
  await expect(page.getByTestId('step-counter')).toHaveText('1');
});

test('the demonstrations are in Chinese too', async ({ page }) => {
  await openApp(page, '?lang=zh');
  await expect(page.getByTestId('preset-bar')).toContainText('演示');
  await expect(page.getByTestId('preset-rnn-vanishes')).toContainText('梯度消失');
  await expect(page.getByTestId('preset-rnn-explodes')).toContainText('梯度爆炸');
  await expect(page.getByTestId('lab-section')).toContainText('梯度爆炸实验室');
});
