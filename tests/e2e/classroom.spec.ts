import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { cellShowsStep, collectErrors, exactLoss, openApp, stepTimes } from './helpers.ts';

const SHOTS = 'test-results/classroom';

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function exportFrom(page: Page, panel: string, item: 'export-png' | 'export-svg' | 'export-csv'): Promise<Download> {
  const frame = page.getByTestId(panel);
  await frame.getByTestId('panel-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), frame.getByTestId(item).click()]);
  return download;
}

function parseCsv(text: string): string[][] {
  return text.trim().split('\r\n').map((l) => l.split(','));
}

test.describe('panel export', () => {
  test('the loss CSV has TensorBoard columns and ends at the toolbar loss exactly', async ({ page }) => {
    await openApp(page);
    await stepTimes(page, 3);
    const download = await exportFrom(page, 'panel-loss', 'export-csv');
    expect(download.suggestedFilename()).toBe('lstm-lens_sine_lstm_step3_loss.csv');
    const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
    expect(rows[0]).toEqual(['Wall time', 'Step', 'Value']);
    expect(rows.slice(1).map((r) => Number(r[1]))).toEqual([1, 2, 3]);
    expect(Number(rows[3][2])).toBe(await exactLoss(page));
    // Wall times are seconds since 1970 that never go backwards.
    const times = rows.slice(1).map((r) => Number(r[0]));
    expect(times[0]).toBeGreaterThan(1.6e9);
    expect(times[2]).toBeGreaterThanOrEqual(times[0]);
  });

  test('the trace CSV holds every layer, timestep and unit, equal to the frame the cell diagram shows', async ({ page }) => {
    await openApp(page);
    await stepTimes(page, 1);
    await cellShowsStep(page, 1);
    const download = await exportFrom(page, 'panel-cell', 'export-csv');
    const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
    expect(rows[0]).toEqual(['layer', 't', 'unit', 'gate_i', 'gate_f', 'gate_g', 'gate_o', 'c', 'h', 'dL_dh', 'dL_dc']);
    expect(rows.length).toBe(1 + 40 * 12);
    const col = (name: string): number => rows[0].indexOf(name);
    const first = rows[1];
    expect(first.slice(0, 3)).toEqual(['1', '1', '1']);
    // The equation list exposes the frame's own numbers (float32) for t = 1, unit 1.
    for (const [eq, column] of [['f', 'gate_f'], ['i', 'gate_i'], ['c', 'c'], ['h', 'h']] as const) {
      const shown = Number(await page.getByTestId('cell-equations').locator(`[data-eq="${eq}"]`).getAttribute('data-value'));
      expect(Math.fround(Number(first[col(column)]))).toBe(Math.fround(shown));
    }
  });

  test('the PNG is the panel at 2× with its caption, and the SVG parses with text kept as text', async ({ page }) => {
    await openApp(page);
    const png = await exportFrom(page, 'panel-gates', 'export-png');
    // Measured once the panel has drawn (it grows when its first frame is painted).
    const box = await page.getByTestId('panel-gates').boundingBox();
    expect(png.suggestedFilename()).toBe('lstm-lens_sine_lstm_step0_gates.png');
    // The PNG's own header (signature, then the IHDR chunk with width and height as big-endian words).
    const bytes = readFileSync(await png.path());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const size = { w: bytes.readUInt32BE(16), h: bytes.readUInt32BE(20) };
    expect(size.w).toBe(2 * Math.ceil(box!.width));
    expect(size.h).toBe(2 * (Math.ceil(box!.height) + 28));

    const svg = await exportFrom(page, 'panel-gates', 'export-svg');
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        images: [...doc.querySelectorAll('image')].filter((i) => (i.getAttribute('href') ?? '').startsWith('data:image/png')).length,
        buttons: doc.querySelectorAll('foreignObject, button').length,
      };
    }, readFileSync(await svg.path(), 'utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.images).toBeGreaterThan(0); // the heatmap canvases
    expect(parsed.texts.join(' ')).toContain('Gates');
    expect(parsed.texts.join(' ')).toContain('training step 0');
  });

  test('a panel fills the window and Esc returns', async ({ page }) => {
    await openApp(page);
    const loss = page.getByTestId('panel-loss');
    await loss.getByTestId('panel-fullscreen').click();
    await expect(loss).toHaveClass(/panel-is-fullscreen/);
    const box = await loss.boundingBox();
    expect(box!.width).toBe(1440);
    expect(box!.height).toBe(900);
    await page.screenshot({ path: `${SHOTS}/fullscreen-loss.png` });
    await page.keyboard.press('Escape');
    await expect(loss).not.toHaveClass(/panel-is-fullscreen/);
  });
});

test.describe('presenter mode', () => {
  test('P collapses the sidebar and demonstrations; chart text is ≥ 18 px at 1280×720', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page);
    await stepTimes(page, 2);
    await page.keyboard.press('p');
    await expect(page.getByTestId('btn-present')).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/present=1/);
    await expect(page.getByTestId('config-panel')).toBeHidden();
    await expect(page.getByTestId('preset-bar')).toBeHidden();
    for (const id of ['btn-play', 'btn-step', 'btn-reset', 'timestep-slider']) await expect(page.getByTestId(id)).toBeVisible();
    await noHorizontalScroll(page);
    // The cell diagram fills the width below the toolbar.
    const cell = await page.getByTestId('panel-cell').boundingBox();
    expect(cell!.width).toBeGreaterThan(1200);
    // Rendered size = computed font size × the SVG's scale (the cell diagram is drawn in a viewBox).
    const sizes = await page.evaluate(() => {
      const rendered = (sel: string): number[] =>
        [...document.querySelectorAll<SVGTextElement | HTMLElement>(sel)]
          .filter((el) => el.getClientRects().length > 0 && (el.textContent ?? '').trim() !== '')
          .map((el) => {
            const px = parseFloat(getComputedStyle(el).fontSize);
            const ctm = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
            return px * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
          });
      return {
        ticks: rendered('.viz-axis text'),
        legends: rendered('.viz-series-legend, .viz-legend text'),
        cellLabels: rendered('.cell-label'),
      };
    });
    await page.screenshot({ path: `${SHOTS}/presenter-1280.png` });
    expect(sizes.ticks.length).toBeGreaterThan(0);
    expect(sizes.cellLabels.length).toBeGreaterThan(0);
    for (const [what, list] of Object.entries(sizes)) expect([what, Math.min(...list)]).toEqual([what, expect.any(Number)]);
    for (const [what, list] of Object.entries(sizes)) expect(`${what} ${Math.min(...list) >= 18 ? 'ok' : Math.min(...list)}`).toBe(`${what} ok`);
    await page.getByTestId('btn-present').click();
    await expect(page.getByTestId('config-panel')).toBeVisible();
  });

  test('present=1 in the URL opens in presenter mode at 1920×1080', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page, '?present=1');
    await expect(page.getByTestId('config-panel')).toBeHidden();
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/presenter-1920.png` });
  });
});

test.describe('teacher mode', () => {
  test('hide= hides the named panels and controls; a misspelt id warns and hides nothing else', async ({ page }) => {
    await openApp(page, '?hide=panel-gates,input-learning-rate,nonsense');
    await expect(page.getByTestId('panel-gates')).toBeHidden();
    await expect(page.getByTestId('input-learning-rate')).toBeHidden();
    await expect(page.getByText('Learning rate', { exact: true })).toBeHidden();
    await expect(page.getByTestId('panel-state')).toBeVisible();
    await expect(page.getByTestId('input-optimizer')).toBeVisible();
    await expect(page.getByText('nonsense')).toBeVisible();
  });

  test('lock=1 makes the settings read-only while Play, Step and the timestep work', async ({ page }) => {
    await openApp(page, '?lock=1');
    await expect(page.getByTestId('input-learning-rate')).toBeDisabled();
    await expect(page.getByTestId('input-task')).toBeDisabled();
    await expect(page.getByTestId('preset-bar')).toBeHidden();
    await stepTimes(page, 1);
    await page.getByTestId('timestep-slider').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('timestep-value')).toHaveText('t = 2 / 40');
  });

  test('embed= shows one panel with a minimal toolbar and no sidebar, sized to its frame', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await openApp(page, '?embed=panel-predictions');
    await expect(page.getByTestId('config-panel')).toBeHidden();
    await expect(page.getByRole('heading', { name: 'LSTM Lens' })).toBeHidden();
    await expect(page.getByTestId('panel-cell')).toBeHidden();
    await expect(page.getByTestId('btn-play')).toBeVisible();
    const box = await page.getByTestId('panel-predictions').boundingBox();
    expect(box!.width).toBeGreaterThan(760);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/embed-predictions.png` });
  });

  test('the class-link dialog builds a link that opens as chosen', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('btn-class-link').click();
    const dialog = page.getByTestId('class-link-dialog');
    await dialog.getByTestId('show-panel-gates').uncheck();
    await dialog.getByTestId('show-input-learning-rate').uncheck();
    await dialog.getByTestId('class-link-present').check();
    await dialog.getByTestId('class-link-lock').check();
    await dialog.getByTestId('class-link-lesson').fill('vanishing');
    await dialog.getByTestId('class-link-lstep').fill('3');
    const link = await dialog.getByTestId('class-link-url').inputValue();
    const query = new URL(link).searchParams;
    expect(query.get('hide')).toBe('panel-gates,input-learning-rate');
    expect(query.get('present')).toBe('1');
    expect(query.get('lock')).toBe('1');
    expect(query.get('lesson')).toBe('vanishing');
    expect(query.get('lstep')).toBe('3');
    await page.screenshot({ path: `${SHOTS}/class-link.png` });
    await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await expect(page.getByTestId('step-counter')).toHaveText('0');
    await expect(page.getByTestId('panel-gates')).toBeHidden();
    await expect(page.getByTestId('btn-present')).toHaveAttribute('aria-pressed', 'true');
  });
});

test.describe('a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a 390×844 phone: one column, no horizontal scroll, settings in a drawer', async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page);
    await noHorizontalScroll(page);
    await expect(page.getByTestId('config-panel')).toBeHidden();
    await page.getByTestId('btn-drawer').click();
    await expect(page.getByTestId('input-learning-rate')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/phone-drawer.png` });
    await page.getByTestId('btn-drawer-close').click();
    await expect(page.getByTestId('config-panel')).toBeHidden();
    // Touch-sized Play and Step, and a tap on a gates heatmap moves the timestep cursor there.
    for (const id of ['btn-play', 'btn-step']) expect((await page.getByTestId(id).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    const heatmap = page.getByTestId('panel-gates').locator('canvas').first();
    await heatmap.scrollIntoViewIfNeeded();
    const b = (await heatmap.boundingBox())!;
    await page.touchscreen.tap(b.x + b.width * 0.5, b.y + b.height * 0.5);
    await expect(page.getByTestId('timestep-value')).not.toHaveText('t = 1 / 40');
    const cell = await page.getByTestId('panel-cell').boundingBox();
    const loss = await page.getByTestId('panel-loss').boundingBox();
    expect(loss!.y).toBeGreaterThan(cell!.y + cell!.height - 1);
    await page.screenshot({ path: `${SHOTS}/phone.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});

test.describe('layouts', () => {
  test('640×360 CSS px (1280×720 at 200 %) reflows without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 360 });
    await openApp(page);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/zoom-640.png`, fullPage: true });
  });

  test('the theme follows the system and the toggle overrides it', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp(page);
    const bg = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe('rgb(15, 20, 27)');
    await page.screenshot({ path: `${SHOTS}/dark-1440.png` });
    await page.getByTestId('btn-theme').click(); // system → dark
    await page.getByTestId('btn-theme').click(); // dark → light
    expect(await bg()).toBe('rgb(243, 245, 248)');
  });

  test('the skip link is the first Tab stop and lands on the toolbar', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('skip-link')).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('btn-play')).toBeFocused();
  });
});
