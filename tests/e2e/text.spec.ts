import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp, stepCount } from './helpers.ts';

const panel = (page: Page) => page.getByTestId('panel-text');
const generated = (page: Page) => page.getByTestId('generated-text');
const cells = (page: Page) => page.getByTestId('text-activations').locator('.text-cell');

/** Background colours of the first n coloured characters. */
async function colours(page: Page, n = 60): Promise<string[]> {
  return page.getByTestId('text-activations').evaluate((el, k) => [...el.querySelectorAll<HTMLElement>('.text-cell')].slice(0, k).map((s) => s.style.background), n);
}

test('a character model trains: the generated text appears and changes, the text is coloured by a unit', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await expect(panel(page)).toHaveCount(0);
  await page.getByTestId('input-task').selectOption('shakespeare');
  await expect(panel(page)).toBeVisible();
  await expect(page).toHaveURL(/task=shakespeare/);
  // The step-0 sample and passage arrive with the run.
  await expect(generated(page)).not.toBeEmpty();
  await expect(cells(page)).toHaveCount(320);
  const before = await generated(page).textContent();

  await page.getByTestId('btn-play').click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(30);
  // Sampled in the worker about once a second while training: it changes.
  await expect.poll(async () => generated(page).textContent(), { timeout: 20_000 }).not.toBe(before);
  const stepShown = Number((await page.getByTestId('generated-step').textContent())!.match(/\d[\d,]*/)![0].replace(/,/g, ''));
  expect(stepShown).toBeGreaterThan(0);

  // Every character has a colour, and not all the same.
  const bg = await colours(page);
  expect(bg.every((c) => c.startsWith('rgb'))).toBe(true);
  expect(new Set(bg).size).toBeGreaterThan(3);

  // Hovering a character reads its value.
  await cells(page).nth(4).hover();
  await expect(page.getByTestId('text-readout')).toContainText('t = 5');
  await expect(page.getByTestId('text-readout')).toContainText('h_t[1]');

  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  await page.screenshot({ path: 'test-results/text-shakespeare.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('temperature is live, signals and units recolour the text, and the training window follows the frame', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?task=shakespeare&seed=3');
  await expect(cells(page)).toHaveCount(320);
  for (let k = 0; k < 3; k++) await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('step-counter')).toHaveText('3');

  // A new temperature: same run (no reset), a new sample at once.
  const slider = page.getByTestId('text-temperature');
  await slider.fill('1.5');
  await expect(page.getByTestId('text-temperature-value')).toHaveText('1.50');
  await expect(page.getByTestId('generated-step')).toContainText('1.50');
  await expect(page).toHaveURL(/temp=1\.5/);
  await expect(page.getByTestId('step-counter')).toHaveText('3');

  const h = await colours(page);
  await page.getByTestId('text-signal').selectOption('f');
  await expect.poll(() => colours(page)).not.toEqual(h);
  await page.getByTestId('text-signal').selectOption('c');
  const c1 = await colours(page);
  await page.getByTestId('text-unit').fill('2');
  await expect.poll(() => colours(page)).not.toEqual(c1);
  await expect(page.getByTestId('text-readout')).toBeVisible();

  // The probe window: seqLen characters, and clicking one moves the timestep cursor.
  await page.getByTestId('text-source-window').click();
  await expect(cells(page)).toHaveCount(40);
  await cells(page).nth(9).click();
  // The slider counts timesteps from 1, as the equations do.
  await expect(page.getByTestId('timestep-slider')).toHaveValue('10');

  // The unit finder offers units to look at.
  await expect(page.getByTestId('text-unit-finder').getByRole('button').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('the Tang poems train in Simplified and in Traditional characters', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?lang=zh');
  await page.getByTestId('input-task').selectOption('tangHans');
  await expect(cells(page)).toHaveCount(320);
  const simplified = await page.getByTestId('text-activations').textContent();
  expect(simplified).toMatch(/[\u4e00-\u9fff]/);
  await page.getByTestId('btn-play').click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(10);
  await expect(generated(page)).not.toBeEmpty();
  await expect(panel(page)).toContainText('温度');
  await page.getByTestId('btn-play').click();
  await page.screenshot({ path: 'test-results/text-tang-hans.png', fullPage: true });

  await page.getByTestId('input-task').selectOption('tangHant');
  await expect(page).toHaveURL(/task=tangHant/);
  await expect.poll(async () => page.getByTestId('text-activations').textContent()).not.toBe(simplified);
  // 为 (Simplified) is 為 in the original Traditional text.
  const traditional = (await page.getByTestId('text-activations').textContent()) ?? '';
  expect(traditional).toMatch(/[\u4e00-\u9fff]/);
  expect(errors).toEqual([]);
});
