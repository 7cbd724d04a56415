import { expect, test } from '@playwright/test';
import { openApp, stepCount } from './helpers.ts';

/** The page's live trainer workers, kept on window.__lstmLens under automation only. */
type Hook = { __lstmLens?: { trainerWorkers?: Worker[] } };

test('a training worker that dies is reported, replaced, and Play works again', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('btn-play').click();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(3);
  // Kill the worker and deliver the error event a crashed worker fires.
  const killed = await page.evaluate(() => {
    const workers = (window as Hook).__lstmLens?.trainerWorkers ?? [];
    const w = workers[0];
    if (!w) return 0;
    w.terminate();
    w.dispatchEvent(new ErrorEvent('error', { message: 'Out of memory' }));
    return workers.length + 1;
  });
  expect(killed).toBeGreaterThan(0);
  const banner = page.getByTestId('worker-lost');
  await expect(banner).toBeVisible({ timeout: 2000 });
  await expect(banner).toContainText('The training worker stopped: Out of memory — restarted');
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  await expect.poll(() => page.evaluate(() => (window as Hook).__lstmLens?.trainerWorkers?.length ?? 0)).toBe(1);
  await page.getByTestId('btn-play').click();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(3);
  await page.getByTestId('btn-play').click();
  const paused = await stepCount(page);
  await page.getByTestId('btn-step').click();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(paused);
  await page.getByTestId('btn-reset').click();
  await expect(page.getByTestId('step-counter')).toHaveText('0');
});

test('a racer whose worker dies is replaced too', async ({ page }) => {
  await openApp(page, '?task=adding&seq=20&cmp=rnn,lstm');
  await expect.poll(() => page.evaluate(() => (window as Hook).__lstmLens?.trainerWorkers?.length ?? 0)).toBe(2);
  await page.evaluate(() => {
    const w = (window as Hook).__lstmLens!.trainerWorkers![1];
    w.terminate();
    w.dispatchEvent(new ErrorEvent('error', { message: 'Out of memory' }));
  });
  await expect(page.getByTestId('compare-worker-lost-lstm')).toBeVisible({ timeout: 2000 });
  await page.getByTestId('btn-play').click();
  await expect.poll(async () => Number(await page.getByTestId('compare-legend-lstm').getAttribute('data-step'))).toBeGreaterThan(2);
  await expect.poll(async () => Number(await page.getByTestId('compare-legend-rnn').getAttribute('data-step'))).toBeGreaterThan(2);
});

test('a configuration too large for the tab asks before building anything', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?task=tangHans&vocab=3000&seq=200&batch=256&hidden=128&layers=4&cmp=rnn,lstm,gru');
  const dialog = page.getByTestId('cost-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Models trained at once: 3');
  expect(Number(await page.getByTestId('cost-estimate').getAttribute('data-bytes'))).toBeGreaterThan(1e9);
  // Nothing was built: no worker is training anything yet.
  const started = await page.evaluate(() => (window as Hook).__lstmLens?.trainerWorkers?.length ?? 0);
  expect(started).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  await page.getByTestId('cost-use-lowered').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('compare-legend-lstm')).toBeVisible({ timeout: 30_000 });
  expect(page.url()).not.toContain('batch=256');
  expect(errors).toEqual([]);
});

test('the cost question in Chinese', async ({ page }) => {
  await page.goto('/?task=tangHans&vocab=3000&seq=200&batch=256&hidden=128&layers=4&lang=zh');
  await expect(page.getByTestId('cost-dialog')).toContainText('这次运行规模很大');
  // Beyond what a tab survives: only the smaller configuration is offered.
  await expect(page.getByTestId('cost-too-large')).toBeVisible();
  await expect(page.getByTestId('cost-start-anyway')).toHaveCount(0);
  await expect(page.getByTestId('cost-use-lowered')).toContainText('以较小的配置开始');
});
