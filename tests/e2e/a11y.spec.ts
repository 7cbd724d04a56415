import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { openApp, stepTimes } from './helpers.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe is injected as an inline script, which the page's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

interface Finding {
  id: string;
  impact: string;
  targets: string[];
}

/** axe-core's critical and serious violations on the page as it is now (WCAG 2.x A and AA rules). */
async function seriousViolations(page: Page): Promise<Finding[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

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
