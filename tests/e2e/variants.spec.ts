/** Compare mode with runs that differ in one setting: from a link, from the menu, named in both languages. */
import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers.ts';

test('a link races two LSTMs that differ only in their forget-gate bias', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?task=adding&seq=20&cmp=fbias%3A0%7C1');
  for (const id of ['fbias-0', 'fbias-1']) {
    await expect(page.getByTestId(`compare-legend-${id}`)).toBeVisible();
    await expect(page.getByTestId(`compare-ratio-${id}`)).toHaveAttribute('data-step', '0');
  }
  await expect(page.getByTestId('compare-legend-fbias-0')).toContainText('Forget-gate bias = 0');
  await expect(page.getByTestId('compare-legend-fbias-1')).toContainText('Forget-gate bias = 1');
  await expect(page.getByTestId('input-compare')).toHaveValue('fbias:0|1');
  // The single-run panels follow the racer chosen here.
  await page.getByTestId('compare-focus-fbias-1').click();
  await expect(page.getByTestId('compare-focus-fbias-1')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('btn-step').click();
  for (const id of ['fbias-0', 'fbias-1']) await expect(page.getByTestId(`compare-legend-${id}`)).toHaveAttribute('data-step', '1');
  // Same data and seed, a different bias: the losses part after one step.
  const loss = async (id: string) => Number(await page.getByTestId(`compare-legend-${id}`).getAttribute('data-loss'));
  expect(await loss('fbias-0')).not.toBe(await loss('fbias-1'));
  expect(errors).toEqual([]);
});

test('the compare menu offers one-setting races and puts them in the URL', async ({ page }) => {
  await openApp(page, '?task=adding&seq=20');
  await page.getByTestId('input-compare').selectOption('clip:none|norm');
  await expect(page).toHaveURL(/cmp=clip%3Anone%7Cnorm/);
  await expect(page.getByTestId('compare-legend-clip-none')).toContainText('Gradient clipping = None');
  await expect(page.getByTestId('compare-legend-clip-norm')).toContainText('Gradient clipping = By global norm');
  await page.getByTestId('panel-compare').screenshot({ path: 'test-results/variants-clip.png' });
});

test('one-setting races speak Chinese', async ({ page }) => {
  await openApp(page, '?task=adding&seq=20&cmp=act%3Atanh%7Csigmoid&lang=zh');
  await expect(page.getByTestId('compare-legend-act-tanh')).toBeVisible();
  await expect(page.getByTestId('compare-legend-act-sigmoid')).toContainText('sigmoid');
  await expect(page.getByTestId('input-compare').locator('option:checked')).toContainText('对');
});
