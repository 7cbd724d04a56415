import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, seriousViolations, stepTimes } from './helpers.ts';

// axe is injected as an inline script, which the page's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

/**
 * Pairs of things in the cell diagram whose boxes intersect: a label's value line against its name line
 * (subscripts included), two labels, or a label and a gate box / operation circle.
 */
async function diagramCollisions(page: Page): Promise<string[]> {
  return page.getByTestId('panel-cell').locator('svg.cell-diagram').evaluate((svg) => {
    interface Box { owner: number | 'shape'; line: number; text: string; r: DOMRect }
    const boxes: Box[] = [];
    svg.querySelectorAll('text.cell-label').forEach((text, k) => {
      for (const ts of text.querySelectorAll('tspan')) {
        if (!ts.textContent?.trim()) continue;
        boxes.push({ owner: k, line: ts.classList.contains('cell-label-value') ? 2 : 1, text: ts.textContent, r: ts.getBoundingClientRect() });
      }
    });
    for (const el of svg.querySelectorAll('rect.cell-gate-outline, .cell-op-circle')) boxes.push({ owner: 'shape', line: 0, text: el.tagName, r: el.getBoundingClientRect() });
    const hits: string[] = [];
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const A = boxes[a];
        const B = boxes[b];
        // Runs of one line (a name and its own subscript) sit side by side by design.
        if (A.owner === B.owner && (A.owner === 'shape' || A.line === B.line)) continue;
        const overlap = A.r.left < B.r.right - 0.5 && B.r.left < A.r.right - 0.5 && A.r.top < B.r.bottom - 0.5 && B.r.top < A.r.bottom - 0.5;
        if (overlap) hits.push(`${A.text} × ${B.text}`);
      }
    }
    return hits;
  });
}

/** WCAG contrast ratio of an element's text colour on its background colour (both opaque here). */
async function contrast(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const style = getComputedStyle(node);
    const lum = (css: string): number => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [hi, lo] = [lum(style.color), lum(style.backgroundColor)].sort((a, b) => b - a);
    return (hi + 0.05) / (lo + 0.05);
  });
}

/** Pairs of a panel header's parts (heading, actions, each control) closer than 3 px on screen: touching reads as one run of text. */
async function headerOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hits: string[] = [];
    for (const header of document.querySelectorAll('.panel-header')) {
      const parts = [
        ...header.querySelectorAll(':scope > .panel-heading > *, :scope > .panel-actions, :scope > .panel-controls > *'),
      ].filter((el) => (el as HTMLElement).offsetParent !== null);
      const rects = parts.map((el) => el.getBoundingClientRect());
      for (let a = 0; a < parts.length; a++) {
        for (let b = a + 1; b < parts.length; b++) {
          const A = rects[a];
          const B = rects[b];
          if (A.width && B.width && A.left < B.right + 3 && B.left < A.right + 3 && A.top < B.bottom - 1 && B.top < A.bottom - 1) {
            hits.push(`${header.closest('[data-testid]')?.getAttribute('data-testid')}: ${parts[a].textContent} × ${parts[b].textContent}`);
          }
        }
      }
    }
    return hits;
  });
}

for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
  test(`cell diagram labels keep clear of each other and of the gates at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const cell of ['lstm', 'gru', 'rnn']) {
      await openApp(page, `?cell=${cell}`);
      const panel = page.getByTestId('panel-cell');
      await expect(panel.locator('svg.cell-diagram')).toBeVisible();
      expect(await diagramCollisions(page), `${cell} forward`).toEqual([]);
      await panel.getByRole('button', { name: 'Backward (BPTT)' }).click();
      await expect(panel.locator('svg.cell-diagram')).toHaveAttribute('data-walk', 'backward');
      expect(await diagramCollisions(page), `${cell} backward`).toEqual([]);
      if (cell === 'lstm') await panel.screenshot({ path: `test-results/words-cell-backward-${width}.png` });
    }
  });

  test(`panel header parts keep apart (no overlap, no touching) at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    // Two layers (a layer picker in the gates and state headers) and the backward walk (the gradient toggle).
    await openApp(page, '?layers=2');
    await page.getByTestId('panel-cell').getByRole('button', { name: 'Backward (BPTT)' }).click();
    await expect(page.getByTestId('panel-gates').getByText('show ∂L/∂ pre-activation')).toBeVisible();
    expect(await headerOverlaps(page)).toEqual([]);
    await page.getByTestId('panel-gates').locator('.panel-header').screenshot({ path: `test-results/words-gates-header-${width}.png` });
  });
}

test('"Stop walking" keeps its contrast while pressed and hovered', async ({ page }) => {
  await openApp(page);
  const walk = page.getByTestId('panel-cell').locator('.cell-autowalk');
  await walk.click();
  await expect(walk).toHaveAttribute('aria-pressed', 'true');
  await expect(walk).toContainText('Stop walking');
  expect(await contrast(walk)).toBeGreaterThanOrEqual(4.5);
  await walk.hover();
  expect(await contrast(walk)).toBeGreaterThanOrEqual(4.5);
  await walk.click();
  await expect(walk).toHaveAttribute('aria-pressed', 'false');
});

test('the output layer is fc everywhere, and the cell panel says which weight notation it uses', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('panel-summary')).toContainText('fc.weight');
  await page.getByTestId('panel-gradcheck').scrollIntoViewIfNeeded();
  await page.getByTestId('gradcheck-run').click();
  await expect(page.getByTestId('gradcheck-summary')).toBeVisible({ timeout: 60_000 });
  const rows = page.getByTestId('gradcheck-table').locator('tbody tr');
  await expect(rows.filter({ hasText: 'fc.weight' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'lstm.weight_hh_l0[f]' })).toHaveCount(1);
  // The recurrent forget block is W_hf, as in the cell equations, not U_f.
  await expect(rows.filter({ hasText: 'lstm.weight_hh_l0[f]' }).locator('.gradcheck-symbol')).toHaveText('Whf');
  expect(await page.locator('main, body').first().innerText()).not.toMatch(/\bhead\.(weight|bias)/);
  const eqs = page.getByTestId('cell-equations');
  await expect(eqs.locator('[data-eq="f"]')).not.toContainText('[h');
  await expect(page.getByTestId('cell-notation')).toContainText('PyTorch');
});

test('sequence length, clipping threshold and forget-gate bias appear once in the sidebar', async ({ page }) => {
  await openApp(page);
  const sidebar = page.getByTestId('config-panel');
  await expect(sidebar.locator('label', { hasText: /^Sequence length T$/ })).toHaveCount(1);
  await expect(sidebar.locator('label', { hasText: /^Clipping threshold$/ })).toHaveCount(1);
  await expect(sidebar.locator('label', { hasText: /^Forget-gate bias$/ })).toHaveCount(1);
  await expect(sidebar.getByRole('checkbox', { name: /forget-gate bias/i })).toHaveCount(1);
  await expect(sidebar.getByRole('checkbox', { name: /clipping/i })).toHaveCount(0);
});

test('jargon explains itself on hover and on keyboard focus, and opens the glossary at its entry', async ({ page }) => {
  await openApp(page);
  const word = page.getByTestId('config-panel').locator('[data-term="jacobian"]');
  const tip = page.getByTestId('config-panel').getByTestId('term-tip-jacobian');
  await expect(word).toHaveText('Jacobian');
  await expect(tip).toBeHidden();
  await word.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('each unit of hₜ₋₁');
  await page.mouse.move(700, 5);
  await expect(tip).toBeHidden();
  // Keyboard: Tab from the field before it lands on the term; the explanation shows and is its description.
  await page.getByTestId('input-seq-len').focus();
  await page.keyboard.press('Tab');
  await expect(word).toBeFocused();
  await expect(tip).toBeVisible();
  await expect(word).toHaveAttribute('aria-describedby', (await tip.getAttribute('id')) ?? 'missing');
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('glossary')).toBeVisible();
  await expect(page.getByTestId('glossary-jacobian')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('glossary-jacobian')).toBeInViewport();
  // The other terms are linked where they appear too.
  await page.keyboard.press('Escape');
  for (const id of ['spectralNorm', 'globalNorm', 'truncatedBptt', 'stateDict', 'notation']) {
    await expect(page.locator(`[data-term="${id}"]`).first()).toBeAttached();
  }
});

test('numbers follow the UI language, not the browser locale', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  for (const lang of ['en', 'zh']) {
    await openApp(page, `?lang=${lang}`);
    await page.getByTestId('checkpoint-select').selectOption('adding-lstm');
    await expect(page.getByTestId('step-counter')).toHaveText('1000');
    // A German browser would write 1.000 and 1.297.
    await expect(page.getByTestId('panel-gates').locator('.gs-step')).toContainText('1,000');
    await expect(page.getByTestId('panel-summary').locator('.panel-subtitle')).toContainText('1,297');
  }
  await context.close();
});

test('a lesson step has no critical or serious accessibility violations', async ({ page }) => {
  await page.goto('/?lesson=lstm-cell&lstep=2');
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await expect(page.getByTestId('step-counter')).toBeVisible();
  await expect(page.locator('.lesson-preparing')).toHaveCount(0, { timeout: 30_000 });
  expect(await seriousViolations(page)).toEqual([]);
});

test('in presenter mode a clicker turns the lesson pages', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?present=1&lesson=rnn-basics&lstep=1');
  const step = page.getByTestId('lesson-step');
  await expect(step).toHaveText(/^1 \/ \d+$/);
  await expect(page.getByTestId('btn-present')).toHaveAttribute('aria-pressed', 'true');
  // What a presentation clicker sends: PageDown / PageUp, and the arrow keys.
  await page.keyboard.press('PageDown');
  await expect(step).toHaveText(/^2 \//);
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveText(/^3 \//);
  await page.keyboard.press('PageUp');
  await expect(step).toHaveText(/^2 \//);
  await page.keyboard.press('ArrowLeft');
  await expect(step).toHaveText(/^1 \//);
  // Still presenting, and the run's keys still work beside the lesson's.
  await expect(page.getByTestId('btn-present')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.lesson-preparing')).toHaveCount(0, { timeout: 30_000 });
  const before = Number(await page.getByTestId('step-counter').textContent());
  await stepTimes(page, 1);
  expect(Number(await page.getByTestId('step-counter').textContent())).toBe(before + 1);
});
