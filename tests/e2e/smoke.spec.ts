import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers.ts';

test('the page loads without console errors and shows every panel', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'LSTM Lens' })).toBeVisible();
  for (const id of ['panel-cell', 'panel-gates', 'panel-state', 'panel-loss', 'panel-predictions', 'panel-summary']) {
    await expect(page.getByTestId(id)).toBeVisible();
  }
  await expect(page.getByTestId('btn-play')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('timestep-value')).toHaveText('t = 1 / 40');
  await page.screenshot({ path: 'test-results/shell-initial.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('no message shows an unfilled placeholder, in either language, before and after training', async ({ page }) => {
  for (const lang of ['en', 'zh']) {
    await openApp(page, `?lang=${lang}`);
    await page.getByTestId('btn-step').click();
    await expect(page.getByTestId('step-counter')).toHaveText('1');
    const text = await page.locator('body').innerText();
    expect(text.match(/\{\w+(\|[^}]*)?\}/g), lang).toBeNull();
  }
});

test('the layout fits a 1280 px projector without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/shell-1280.png' });
});
