import { expect, test } from '@playwright/test';

test('the page loads without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'LSTM Lens' })).toBeVisible();
  expect(errors).toEqual([]);
});
