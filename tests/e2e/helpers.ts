import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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

/** Waits until the cell panel's numbers come from the frame of training step `step` (panels update at their own pace). */
export async function cellShowsStep(page: Page, step: number): Promise<void> {
  await expect(page.getByTestId('panel-cell').locator('[data-frame-step]')).toHaveAttribute('data-frame-step', String(step));
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

export interface Finding {
  id: string;
  impact: string;
  targets: string[];
}

/**
 * axe-core's critical and serious violations on the page as it is now (WCAG 2.x A and AA rules). axe is injected
 * inline, so the spec must bypass the page's Content-Security-Policy (test.use({ bypassCSP: true })).
 */
export async function seriousViolations(page: Page): Promise<Finding[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}
