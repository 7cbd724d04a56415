/**
 * Bad input in the real page, built and served with its Content-Security-Policy: numbers out of range are
 * named before Train and the running session is kept; a 100,000-column file is refused without a long task;
 * a run that diverges without NaN is warned about, with a remedy; and nothing violates the policy while
 * training and typesetting the equations.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectErrors, openApp, stepCount, stepTimes } from './helpers.ts';

// Training until the loss blows up takes a while when the machine is shared.
test.describe.configure({ timeout: 180_000 });

/** Monthly values with one bad cell on file row 6 (data row 5). */
function seriesWith(bad: string): string {
  const rows = Array.from({ length: 60 }, (_, k) => `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')},${k === 4 ? bad : 100 + k}`);
  return `month,v\n${rows.join('\n')}\n`;
}

async function uploadText(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('btn-csv-upload').click();
  await expect(page.getByTestId('csv-upload')).toBeVisible();
  await page.getByTestId('csv-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** Records the page's CSP violations and long tasks from the very start (init scripts are not subject to the policy). */
async function watchPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[]; longTasks: { start: number; duration: number }[] };
    w.cspViolations = [];
    w.longTasks = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    new PerformanceObserver((list) => {
      for (const t of list.getEntries()) w.longTasks.push({ start: t.startTime, duration: t.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

const violations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

test('an overflowing or subnormal CSV is named with row and column before Train, and the session is kept', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await stepTimes(page, 3);
  const url = page.url();
  for (const [bad, key, says] of [
    ['1e309', 'csv.tooLarge', 'Row 6, column “v”: 1e309 is too large'],
    ['Infinity', 'csv.tooLarge', 'Row 6, column “v”: Infinity is too large'],
    ['1e-320', 'csv.tooSmall', 'Row 6, column “v”: 1e-320 is too close to zero'],
  ] as const) {
    await uploadText(page, `bad-${bad}.csv`, seriesWith(bad));
    const issue = page.getByTestId('csv-issue').first();
    await expect(issue).toHaveAttribute('data-key', key);
    await expect(issue).toContainText(says);
    await expect(page.getByTestId('csv-ok')).toHaveCount(0);
    await expect(page.getByTestId('csv-train')).toBeDisabled();
    await page.getByTestId('csv-upload-close').click();
    await expect(page.getByTestId('csv-upload')).toHaveCount(0);
  }
  // The demo run is untouched: same step, same link, still running on its own task.
  expect(await stepCount(page)).toBe(3);
  expect(page.url()).toBe(url);
  await stepTimes(page, 1);
  expect(errors).toEqual([]);
});

test('a 100,000-column file is refused with the limit named, without a long task', async ({ page }) => {
  await watchPage(page);
  await openApp(page);
  const header = Array.from({ length: 100_000 }, (_, k) => `c${k}`).join(',');
  const row = Array.from({ length: 100_000 }, (_, k) => String(k % 10)).join(',');
  // From disk, as a user's file arrives: a file given as bytes would be built by script inside the page.
  const dir = mkdtempSync(join(tmpdir(), 'wide-csv-'));
  const file = join(dir, 'wide.csv');
  writeFileSync(file, `${header}\n${row}\n${row}\n`);
  await page.getByTestId('btn-csv-upload').click();
  await expect(page.getByTestId('csv-upload')).toBeVisible();
  const start = await page.evaluate(() => performance.now());
  await page.getByTestId('csv-file-input').setInputFiles(file);
  const error = page.getByTestId('csv-error');
  await expect(error).toHaveAttribute('data-key', 'csv.tooManyColumns');
  await expect(error).toContainText('100,000 columns; the page reads at most 1,000');
  rmSync(dir, { recursive: true, force: true });
  // A frame after the message, so a task that rendered it has ended and been reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const tasks = await page.evaluate((t0) => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= t0), start);
  expect(tasks.filter((t) => t.duration > 200)).toEqual([]);
});

test('a run that diverges without NaN is warned about, and one click restarts it with a lower learning rate', async ({ page }) => {
  const errors = collectErrors(page);
  // Plain SGD at learning rate 10 on the demo: the loss explodes for ~70 steps before it overflows (step 100).
  await openApp(page, '?opt=sgd&lr=10&clip=none');
  await stepTimes(page, 40);
  const banner = page.getByTestId('divergence-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Training is diverging');
  await expect(banner).toContainText('learning rate that is too high (10)');
  await expect(page.getByTestId('failure-banner')).toHaveCount(0);
  await expect(page.getByTestId('divergence-clip')).toBeVisible();
  await page.getByTestId('divergence-lower-lr').click();
  await expect(page).toHaveURL(/lr=1(&|$)/);
  await expect(banner).toHaveCount(0);
  // The restarted run (learning rate 1) trains past the point where the first one diverged, without a warning.
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThan(150);
  await page.getByTestId('btn-play').click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('failure-banner')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('diverging racers are marked in compare mode, and the focused one gets the warning', async ({ page }) => {
  // Both cells blow up under plain SGD at learning rate 10 and overflow only after step 70.
  await openApp(page, '?cmp=rnn,lstm&opt=sgd&lr=10&clip=none');
  await stepTimes(page, 40);
  await expect(page.getByTestId('compare-diverging-rnn')).toBeVisible();
  await expect(page.getByTestId('compare-diverging-lstm')).toBeVisible();
  await expect(page.getByTestId('divergence-banner')).toBeVisible();
});

test('the built page runs under its Content-Security-Policy: no violation while training and typesetting equations', async ({ page }) => {
  await watchPage(page);
  const errors = collectErrors(page);
  await openApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("worker-src 'self' blob:");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).not.toContain('unsafe-eval');

  await page.getByTestId('btn-play').click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThan(30);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('cell-equations')).toHaveAttribute('data-katex', 'ready');
  await expect(page.getByTestId('cell-equations').locator('.katex').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);

  // The listener and the policy are live: an inline script is blocked and reported.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.head.append(s);
  });
  await expect.poll(() => violations(page)).toEqual([expect.stringContaining('script-src')]);
  expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
  expect(errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
});
