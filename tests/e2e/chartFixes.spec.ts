/** What a reader sees of the charts: the chance level, each racer's step, one colour per architecture, tick labels that fit, keys. */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp, stepTimes } from './helpers.ts';

/** Every y tick label whose left edge lies left of its own svg (it is cut off there), as "svg label: text". */
async function clippedTickLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll('svg')) {
      const left = svg.getBoundingClientRect().left;
      for (const label of svg.querySelectorAll('[data-axis="y"] .viz-tick-label')) {
        const r = label.getBoundingClientRect();
        if (r.width > 0 && r.left < left - 0.5) out.push(`${svg.getAttribute('aria-label') ?? '?'}: ${label.textContent}`);
      }
    }
    return out;
  });
}

test('the loss chart of a classification task shows chance at ln K; a regression task has none', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?task=temporalOrder&seq=12');
  await stepTimes(page, 2);
  const chance = page.getByTestId('panel-loss').getByTestId('loss-chance');
  await expect(chance).toHaveCount(1);
  // Temporal order has 4 classes: ln 4.
  await expect(chance).toHaveAttribute('data-classes', '4');
  expect(Number(await chance.getAttribute('data-value'))).toBeCloseTo(Math.log(4), 6);
  await expect(chance).toContainText('ln 4 = 1.386');
  await page.getByTestId('panel-loss').screenshot({ path: 'test-results/chart-chance-temporal-order.png' });

  await openApp(page, '');
  await stepTimes(page, 2);
  await expect(page.getByTestId('panel-loss').locator('.loss-smooth').first()).toBeVisible();
  await expect(page.getByTestId('panel-loss').getByTestId('loss-chance')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a character model’s chance level is ln of its vocabulary', async ({ page }) => {
  await openApp(page, '?task=shakespeare&seed=3');
  await stepTimes(page, 1);
  const chance = page.getByTestId('panel-loss').getByTestId('loss-chance');
  await expect(chance).toHaveCount(1);
  const classes = Number(await chance.getAttribute('data-classes'));
  expect(classes).toBeGreaterThan(20);
  expect(Number(await chance.getAttribute('data-value'))).toBeCloseTo(Math.log(classes), 6);
});

test('the race shows every racer’s step, in step or time, and an architecture has one colour in every chart', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?cmp=rnn,lstm,gru&task=adding&seq=12');
  await page.getByTestId('btn-play').click();
  for (const id of ['rnn', 'lstm', 'gru']) {
    await expect.poll(async () => Number(await page.getByTestId(`compare-legend-${id}`).getAttribute('data-step')), { timeout: 30_000 }).toBeGreaterThan(5);
  }
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');

  const panel = page.getByTestId('panel-compare');
  for (const id of ['rnn', 'lstm', 'gru']) {
    const end = panel.getByTestId(`loss-end-${id}`);
    const legend = page.getByTestId(`compare-legend-${id}`);
    // The legend and the curves update at their own pace: once both show the paused racer, they agree.
    // (Racers other than the focused one may take a last step after Pause.)
    await expect.poll(async () => {
      const [a, b, text] = [await legend.getAttribute('data-step'), await end.getAttribute('data-step'), await end.textContent()];
      return a !== null && a === b && (text ?? '').includes(`step ${Number(b).toLocaleString('en')}`);
    }, { timeout: 30_000 }).toBe(true);
  }

  // Wall time on the x axis: the choice is the page's (view store), not the link's.
  const before = page.url();
  await page.getByTestId('race-x-time').check();
  await expect(panel.locator('.viz-axis-label', { hasText: 'elapsed time (s)' })).toHaveCount(1);
  await expect(panel.getByTestId('loss-end-rnn')).toHaveCount(1);
  expect(page.url()).toBe(before);

  // The RNN's colour: its race curve, its compare decay curve, and the single-run decay panel when it is chosen.
  const raceColor = await panel.locator('.compare-loss-series[data-cell="rnn"] .compare-loss-smooth').getAttribute('stroke');
  const compareDecayColor = await page.getByTestId('compare-decay').locator('[data-curve="rnn-dh"]').getAttribute('stroke');
  await page.getByTestId('compare-focus-rnn').click();
  const decayPanel = page.getByTestId('panel-gradient-decay');
  await expect(decayPanel.locator('[data-curve="layer0-dh"]')).toBeVisible();
  const panelDecayColor = await decayPanel.locator('[data-curve="layer0-dh"]').getAttribute('stroke');
  const lossColor = await page.getByTestId('panel-loss').locator('[data-series="train"] .loss-smooth').getAttribute('stroke');
  expect(raceColor).toBeTruthy();
  expect(compareDecayColor).toBe(raceColor);
  expect(panelDecayColor).toBe(raceColor);
  expect(lossColor).toBe(raceColor);
  // And the LSTM's is another colour.
  const lstmColor = await panel.locator('.compare-loss-series[data-cell="lstm"] .compare-loss-smooth').getAttribute('stroke');
  expect(lstmColor).not.toBe(raceColor);

  await page.getByTestId('panel-compare').screenshot({ path: 'test-results/chart-race.png' });
  expect(errors).toEqual([]);
});

test('no y tick label starts left of its svg: small text, presenter text, log and linear loss axes', async ({ page }) => {
  await openApp(page, '');
  await stepTimes(page, 3);
  expect(await clippedTickLabels(page)).toEqual([]);
  // A linear loss axis writes the labels in full ("0.00001" when the loss is small).
  await page.getByTestId('panel-loss').getByRole('checkbox', { name: 'Log scale' }).uncheck();
  await expect(page.getByTestId('panel-loss').locator('[data-axis="y"] .viz-tick-label').first()).toBeVisible();
  expect(await clippedTickLabels(page)).toEqual([]);

  // Presenter mode draws tick labels at 18 px: "0.001" on the log loss axis no longer fits the default margin.
  await openApp(page, '?present=1');
  await stepTimes(page, 3);
  await expect(page.getByTestId('panel-loss').locator('[data-axis="y"] .viz-tick-label').first()).toBeVisible();
  expect(await clippedTickLabels(page)).toEqual([]);
  await page.getByTestId('panel-loss').screenshot({ path: 'test-results/chart-ticks-presenter.png' });
});

test('predictions: the input has its own strip; the heatmaps carry a key for their marks', async ({ page }) => {
  await openApp(page, '');
  const predictions = page.getByTestId('panel-predictions');
  const strip = predictions.getByTestId('pred-input-strip');
  await expect(strip.locator('[data-line="input-0"] path')).toHaveAttribute('d', /^M/);
  await expect(strip.locator('[data-line="target-0"]')).toHaveCount(0);
  // The target/prediction chart holds no input line, so the input cannot hide under the target.
  await expect(predictions.locator('[data-line="target-0"]')).toHaveCount(1);
  await expect(predictions.locator('[data-line="input-0"]')).toHaveCount(1);

  const key = page.getByTestId('panel-gates').getByTestId('heatmap-key');
  await expect(key.getByTestId('heatmap-key-unit')).toContainText('selected unit');
  await expect(key.getByTestId('heatmap-key-timestep')).toContainText('current timestep');
});
