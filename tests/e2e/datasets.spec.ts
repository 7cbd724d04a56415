import { expect, test, type Page } from '@playwright/test';
import { collectErrors, exactLoss, openApp, stepCount, stepTimes, trainFor } from './helpers.ts';

/** Pick a task in the task picker and wait for its run (step 0, data loaded). */
async function pickTask(page: Page, task: string): Promise<void> {
  await page.getByTestId('task-picker').selectOption(task);
  await expect(page.getByTestId('input-task')).toHaveValue(task);
  await expect(page.getByTestId('dataset-loading')).toHaveCount(0);
  await expect(page.getByTestId('step-counter')).toHaveText('0');
}

/** A metric of the latest evaluation, exact (the cell shows it rounded). */
async function metric(page: Page, key: string): Promise<number> {
  return Number(await page.locator(`[data-metric="${key}"]`).getAttribute('data-value'));
}

for (const task of ['airline', 'euStocks', 'co2']) {
  test(`${task}: picking it trains a forecast, and the pipeline and metrics panels show it`, async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page);
    await pickTask(page, task);
    const pipeline = page.getByTestId('panel-pipeline');
    const metrics = page.getByTestId('panel-metrics');
    await expect(pipeline).toBeVisible();
    await expect(metrics.getByTestId('metrics-table')).toBeVisible();
    // The default set-up: a window of 10, min-max fitted on the training rows only.
    await expect(page.getByTestId('input-window')).toHaveValue('10');
    await expect(pipeline.getByTestId('pipeline-scaler')).toBeVisible();
    await expect(pipeline.getByTestId('pipeline-leakage')).toHaveCount(0);
    const untrained = await metric(page, 'model-rmse');
    const naive = await metric(page, 'naive-rmse');
    expect(naive).toBeGreaterThan(0);

    await trainFor(page, 300);
    expect(Number.isFinite(await exactLoss(page))).toBe(true);
    // The evaluation follows training: a fitted model is far better than the untrained one on the test split.
    await expect.poll(() => metric(page, 'model-rmse'), { timeout: 10_000 }).toBeLessThan(untrained / 2);
    expect(await metric(page, 'naive-rmse')).toBe(naive);
    await expect(metrics.getByTestId('metrics-beats-naive')).toHaveAttribute('data-beats', /yes|no/);
    await expect(pipeline.locator('path[data-line="oneStep"]')).toHaveAttribute('d', /^M/);
    await expect(pipeline.locator('path[data-line="recursive"]')).toHaveAttribute('d', /^M/);
    await page.screenshot({ path: `test-results/datasets-${task}.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
}

test('occupancy: picking it trains a classifier, with the confusion matrix, class balance and metrics', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await pickTask(page, 'occupancy');
  await expect(page.getByTestId('input-window')).toHaveValue('5');
  const confusion = page.getByTestId('panel-confusion');
  await expect(confusion.getByTestId('confusion-matrix')).toBeVisible();
  await expect(confusion.getByTestId('class-balance')).toBeVisible();
  await expect(page.getByTestId('panel-metrics').getByTestId('metrics-accuracy')).toBeVisible();
  await expect(page.getByTestId('panel-pipeline')).toHaveCount(0);

  await trainFor(page, 300);
  await expect
    .poll(async () => Number(await page.getByTestId('metrics-accuracy').getAttribute('data-value')), { timeout: 10_000 })
    .toBeGreaterThan(0.85);
  // Every test window is counted once.
  const counts = await confusion.locator('[data-count]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-count'))));
  expect(counts).toHaveLength(4);
  const subtitle = await page.getByTestId('panel-metrics').locator('.panel-subtitle').textContent();
  expect(subtitle).toContain(counts.reduce((a, b) => a + b, 0).toLocaleString('en'));
  await page.screenshot({ path: 'test-results/datasets-occupancy.png', fullPage: true });
  expect(errors).toEqual([]);
});

for (const task of ['shakespeare', 'tangHant', 'tangHans']) {
  test(`${task}: picking it trains a character model`, async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page);
    await pickTask(page, task);
    await expect(page.getByTestId('input-window')).toHaveValue('40');
    await stepTimes(page, 2);
    const first = await exactLoss(page);
    expect(Number.isFinite(first)).toBe(true);
    await page.getByTestId('btn-play').click();
    await expect.poll(() => stepCount(page), { timeout: 45_000 }).toBeGreaterThan(8);
    await page.getByTestId('btn-play').click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
    expect(Number.isFinite(await exactLoss(page))).toBe(true);
    await expect(page.getByTestId('run-error')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

test('a dataset run is reproduced from its URL, and the pipeline fields restart it', async ({ page, browser }) => {
  await openApp(page, '?task=co2&seq=12&scaler=zscore&split=0.8');
  await expect(page.getByTestId('input-window')).toHaveValue('12');
  await stepTimes(page, 5);
  const loss = await exactLoss(page);
  const rmse = await metric(page, 'model-rmse');

  // Another browser: this one's autosave would otherwise hand the second tab the first tab's run.
  const elsewhere = await browser.newContext();
  const again = await elsewhere.newPage();
  await openApp(again, '?task=co2&seq=12&scaler=zscore&split=0.8');
  await stepTimes(again, 5);
  expect(await exactLoss(again)).toBe(loss);
  expect(await metric(again, 'model-rmse')).toBe(rmse);
  await elsewhere.close();

  // Fitting the normaliser on all data restarts the run and warns about leakage, in the form and the panel.
  await page.getByTestId('input-fit-on-all').check();
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  await expect(page.getByTestId('leakage-warning')).toBeVisible();
  await expect(page.getByTestId('panel-pipeline').getByTestId('pipeline-leakage')).toBeVisible();
  expect(page.url()).toContain('leak=1');
});

test('the probe window can be moved, and the values switch to the normalised view', async ({ page }) => {
  await openApp(page, '?task=airline&seq=10');
  const pipeline = page.getByTestId('panel-pipeline');
  const text = pipeline.getByTestId('pipeline-window-text');
  await expect(text).toContainText('1957-05');
  await pipeline.getByRole('button', { name: /previous window/i }).click();
  await expect(text).toContainText('1957-04');
  await expect(text).toContainText('(train)');
  await pipeline.getByTestId('pipeline-view-scaled').click();
  await expect(pipeline.getByTestId('pipeline-view-scaled')).toHaveAttribute('aria-pressed', 'true');
  await pipeline.getByRole('button', { name: /probe window/i }).click();
  await expect(text).toContainText('1957-05');
  await page.getByTestId('lang-toggle').click();
  await expect(pipeline.locator('h2')).toHaveText('数据流程');
  await expect(page.getByTestId('panel-metrics').locator('h2')).toHaveText('测试指标');
  await pipeline.screenshot({ path: 'test-results/datasets-pipeline-zh.png' });
});

test('a dataset that fails to load says so and leaves the current run as it was', async ({ page }) => {
  await page.route('**/datasets/co2_mauna_loa_monthly.csv', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await openApp(page);
  await stepTimes(page, 3);
  const loss = await exactLoss(page);
  await page.getByTestId('task-picker').selectOption('co2');
  await expect(page.getByTestId('dataset-error')).toContainText('HTTP 404');
  await expect(page.getByTestId('input-task')).toHaveValue('sine');
  expect(await stepCount(page)).toBe(3);
  expect(await exactLoss(page)).toBe(loss);
  await stepTimes(page, 1);
  // Another task clears the message.
  await pickTask(page, 'airline');
  await expect(page.getByTestId('dataset-error')).toHaveCount(0);
});

test('the csv task without an uploaded file explains that the data stay in the browser', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('task-picker').selectOption('csv');
  await expect(page.getByTestId('dataset-error')).toContainText('never leave the browser');
  await expect(page.getByTestId('input-task')).toHaveValue('sine');
});
