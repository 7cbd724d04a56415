import { expect, test, type Page } from '@playwright/test';
import { exactLoss, openApp, stepTimes } from './helpers.ts';

/** What "Copy link" gives: the clipboard if the browser allows it, else the selectable fallback field. */
async function copyLink(page: Page): Promise<string> {
  await page.getByTestId('copy-link').click();
  const field = page.getByTestId('copy-link-field');
  const copied = page.getByTestId('copy-link').filter({ hasText: 'Link copied' });
  await expect(field.or(copied)).toBeVisible();
  if (await field.isVisible()) return field.inputValue();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a copied link reproduces the run bit for bit', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await openApp(page, '?seed=7');
  // Configure through the UI, as a teacher preparing a link would.
  await page.getByTestId('input-cell').getByRole('button', { name: 'GRU' }).click();
  await expect.poll(() => page.url()).toContain('cell=gru');
  await page.getByTestId('input-learning-rate').fill('0.02');
  await page.getByTestId('input-optimizer').selectOption('rmsprop');
  await expect.poll(() => page.url()).toContain('opt=rmsprop');
  await page.getByTestId('btn-reset').click();
  await stepTimes(page, 8);
  const loss = await exactLoss(page);

  const url = await copyLink(page);
  expect(url).toContain('seed=7');
  expect(url).toContain('cell=gru');
  expect(url).toContain('lr=0.02');
  expect(url).toContain('opt=rmsprop');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.getByTestId('step-counter')).toHaveText('0');
  await expect(other.getByTestId('input-cell').getByRole('button', { name: 'GRU' })).toHaveAttribute('aria-pressed', 'true');
  await stepTimes(other, 8);
  expect(await exactLoss(other)).toBe(loss);

  // A different seed is a different run (the comparison above is not vacuous).
  await other.goto(url.replace('seed=7', 'seed=8'));
  await expect(other.getByTestId('step-counter')).toHaveText('0');
  await stepTimes(other, 8);
  expect(await exactLoss(other)).not.toBe(loss);
  await context.close();
  await fresh.close();
});

test('Copy link falls back to a selectable field without the clipboard API', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await openApp(page, '?hidden=6');
  await page.getByTestId('copy-link').click();
  const field = page.getByTestId('copy-link-field');
  await expect(field).toBeVisible();
  expect(await field.inputValue()).toMatch(/\?hidden=6$/);
  await expect(field).toBeFocused();
});

test('bad URL values fall back to defaults with one visible notice', async ({ page }) => {
  await page.goto('/?lr=abc&layers=9&cell=gru&bogus=1');
  const notice = page.getByTestId('url-warnings');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('lr=abc');
  await expect(notice).toContainText('layers=9');
  await expect(notice).toContainText('bogus=1');
  await expect(page.getByTestId('input-learning-rate')).toHaveValue('0.01');
  await expect(page.getByTestId('input-num-layers')).toHaveValue('1');
  // The good value is kept, the bad ones leave the address bar.
  await expect(page.getByTestId('input-cell').getByRole('button', { name: 'GRU' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => new URL(page.url()).search).toBe('?cell=gru');
  await page.screenshot({ path: 'test-results/shell-url-warnings.png' });
  await notice.getByRole('button').click();
  await expect(notice).toBeHidden();
});
