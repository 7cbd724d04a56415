import { expect, test } from '@playwright/test';
import { openApp, seriousViolations, stepTimes } from './helpers.ts';

// axe is injected as an inline script, which the page's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

test('first load', async ({ page }) => {
  await openApp(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('training', async ({ page }) => {
  await openApp(page);
  await stepTimes(page, 5);
  expect(await seriousViolations(page)).toEqual([]);
});

test('compare mode', async ({ page }) => {
  await page.goto('/?cmp=rnn,lstm,gru');
  await expect(page.getByTestId('panel-compare')).toBeVisible();
  await stepTimes(page, 2);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the CSV dialog', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('btn-csv-upload').click();
  await expect(page.getByTestId('csv-dropzone')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('presenter mode', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, '?present=1');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the phone layout with the settings drawer open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('btn-drawer').click();
  await expect(page.getByTestId('input-learning-rate')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
