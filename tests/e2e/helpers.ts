import { expect, type Page } from '@playwright/test';

/** Opens the app and waits for the step-0 frame of the run (the panels have something to show). */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  await expect(page.getByTestId('history-value')).toHaveAttribute('data-step', '0');
  await expect(page.getByTestId('panel-predictions').locator('svg').first()).toBeVisible();
}

export async function stepCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('step-counter').textContent());
}

/** The exact training loss (the toolbar shows it rounded; data-value holds every digit). */
export async function exactLoss(page: Page): Promise<number> {
  return Number(await page.getByTestId('loss-value').getAttribute('data-value'));
}

/** Exactly n training steps with the Step button, waiting until the counter shows them all. */
export async function stepTimes(page: Page, n: number): Promise<void> {
  const start = await stepCount(page);
  for (let k = 0; k < n; k++) await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('step-counter')).toHaveText(String(start + n));
}

/** Train with Play until more than `steps` steps are done, then pause. */
export async function trainFor(page: Page, steps: number): Promise<void> {
  const play = page.getByTestId('btn-play');
  await play.click();
  await expect.poll(() => stepCount(page), { timeout: 45_000 }).toBeGreaterThan(steps);
  await play.click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
}

/** Collects console errors and uncaught exceptions of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
