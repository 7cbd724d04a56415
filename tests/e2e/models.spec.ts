/** Models in and out: open a model file, export and re-open it, save and open a session, and a reload that loses nothing. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { cellShowsStep, collectErrors, exactLoss, openApp, stepTimes } from './helpers.ts';

// Several page loads and trained steps per test: generous on a loaded machine (every wait is for a state).
test.describe.configure({ timeout: 180_000 });

/** A state_dict (JSON of tolist()) of nn.GRU(I, H) + nn.Linear(H, O) with fixed, readable values. */
function gruStateDict(I: number, H: number, O: number): string {
  const mat = (rows: number, cols: number, k: number) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => Math.round(Math.sin(k + 7 * r + c) * 1000) / 2000));
  const vec = (n: number, k: number) => mat(1, n, k)[0];
  return JSON.stringify({
    'gru.weight_ih_l0': mat(3 * H, I, 1),
    'gru.weight_hh_l0': mat(3 * H, H, 2),
    'gru.bias_ih_l0': vec(3 * H, 3),
    'gru.bias_hh_l0': vec(3 * H, 4),
    'fc.weight': mat(O, H, 5),
    'fc.bias': vec(O, 6),
  });
}

async function openModelFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  await page.getByTestId('btn-model-import').click();
  await page.getByTestId('model-file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
}

/** Drops a file on the page, as a user dragging it from the desktop would. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  await page.evaluate(
    ([fileName, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], fileName, { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [name, content] as const,
  );
}

/** The numbers of the cell diagram's equations (every one, at the current timestep). */
async function equationValues(page: Page): Promise<string[]> {
  const items = page.getByTestId('cell-equations').locator('[data-eq]');
  await expect(items.first()).toBeVisible();
  return items.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-eq')}=${e.getAttribute('data-value')}`));
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path };
}

test('opening a model file shows its sizes in the model panel and draws its gates; Play fine-tunes it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await stepTimes(page, 2);
  await openModelFile(page, 'my-gru.json', gruStateDict(1, 5, 1));
  await expect(page.getByTestId('model-message')).toHaveAttribute('data-kind', 'info');
  await expect(page.getByTestId('model-message')).toContainText('my-gru.json');
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  const summary = page.getByTestId('panel-summary');
  await expect(summary).toContainText('GRU(1, 5, batch_first=True)');
  await expect(summary).toContainText('gru.weight_hh_l0');
  await expect(summary).toContainText('[15, 5]');
  await expect(summary).toContainText('Linear(in_features=5, out_features=1, bias=True)');
  const gates = page.getByTestId('panel-gates');
  await expect(gates).toContainText('update gate');
  await expect(gates.locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('panel-cell')).toContainText('GRU');
  await page.screenshot({ path: 'test-results/models-opened.png' });
  await stepTimes(page, 3);
  expect(Number.isFinite(await exactLoss(page))).toBe(true);
  expect(errors).toEqual([]);
});

test('a bad file says what is wrong and leaves the run as it was', async ({ page }) => {
  await openApp(page);
  await stepTimes(page, 3);
  await cellShowsStep(page, 3);
  const loss = await exactLoss(page);
  const before = await equationValues(page);
  const bad = JSON.parse(gruStateDict(1, 5, 1)) as Record<string, number[][]>;
  bad['gru.weight_hh_l0'] = bad['gru.weight_hh_l0'].slice(1);
  await openModelFile(page, 'broken.json', JSON.stringify(bad));
  await expect(page.getByTestId('model-message')).toHaveAttribute('data-kind', 'error');
  await expect(page.getByTestId('model-message')).toContainText("tensor 'gru.weight_hh_l0' has shape [14, 5]");
  await expect(page.getByTestId('model-message')).toContainText('broken.json');
  await expect(page.getByTestId('step-counter')).toHaveText('3');
  expect(await exactLoss(page)).toBe(loss);
  expect(await equationValues(page)).toEqual(before);
  await expect(page.getByTestId('panel-summary')).toContainText('LSTM(');

  await openModelFile(page, 'notes.txt', 'hello, this is not a model');
  await expect(page.getByTestId('model-message')).toContainText('neither a state_dict JSON nor a safetensors file');
  await stepTimes(page, 1);
  await expect(page.getByTestId('step-counter')).toHaveText('4');
});

test('a model for another input size, dropped on the page, offers the task that fits', async ({ page }) => {
  await openApp(page);
  await dropFile(page, 'adder.json', gruStateDict(2, 4, 1));
  const mismatch = page.getByTestId('model-mismatch');
  await expect(mismatch).toContainText('The model reads 2 input(s) per timestep, the task gives 1.');
  await mismatch.getByTestId('fit-offer-adding').click();
  await expect(page.getByTestId('model-mismatch')).toHaveCount(0);
  await expect(page.getByTestId('panel-summary')).toContainText('GRU(2, 4, batch_first=True)');
  await expect(page).toHaveURL(/task=adding/);
});

test('export then import gives the same numbers in the cell diagram', async ({ page }) => {
  await openApp(page);
  await stepTimes(page, 5);
  await cellShowsStep(page, 5);
  const trained = await equationValues(page);
  const files = [];
  for (const [testId, ext] of [['export-safetensors', '.safetensors'], ['export-state-dict', '.json']] as const) {
    const file = await downloadOf(page, async () => {
      await page.getByTestId('btn-model-export').click();
      await page.getByTestId(testId).click();
    });
    expect(file.name).toBe(`lstm-h12-step5${ext}`);
    files.push(file);
  }
  for (const file of files) {
    await openModelFile(page, file.name, readFileSync(file.path));
    await expect(page.getByTestId('model-message')).toContainText(file.name);
    await expect(page.getByTestId('step-counter')).toHaveText('0');
    await expect.poll(() => equationValues(page)).toEqual(trained);
  }
  const script = await downloadOf(page, async () => {
    await page.getByTestId('btn-model-export').click();
    await page.getByTestId('export-pytorch').click();
  });
  const source = readFileSync(script.path, 'utf8');
  expect(source).toContain('self.lstm = nn.LSTM(1, 12, num_layers=1, batch_first=True)');
  expect(source).toContain('--weights lstm-h12-step0.safetensors');
});

test('a session file round trip continues exactly where it was saved', async ({ page, browser }) => {
  await openApp(page, '?task=adding&seq=15&cell=rnn');
  await stepTimes(page, 4);
  const session = await downloadOf(page, () => page.getByTestId('btn-session-save').click());
  expect(session.name).toBe('rnn-h12-step4.session.json');
  await stepTimes(page, 1);
  const next = await exactLoss(page);

  const other = await (await browser.newContext()).newPage();
  await openApp(other);
  await other.getByTestId('btn-model-import').click();
  await other.getByTestId('session-file-input').setInputFiles(session.path);
  await expect(other.getByTestId('step-counter')).toHaveText('4');
  await expect(other.getByTestId('model-message')).toContainText('step 4');
  await expect(other).toHaveURL(/task=adding/);
  await stepTimes(other, 1);
  expect(await exactLoss(other)).toBe(next);
  await other.context().close();
});

test('a reload mid-run restores the same step, and the next Step gives the same loss as without the reload', async ({ page, browser }) => {
  await openApp(page, '?task=sine&seq=20');
  await stepTimes(page, 6);
  await expect(page.getByTestId('model-bar')).toHaveAttribute('data-autosaved-step', '6');
  await page.reload();
  await expect(page.getByTestId('restore-notice')).toBeVisible();
  await expect(page.getByTestId('restore-notice')).toContainText('step 6');
  await expect(page.getByTestId('step-counter')).toHaveText('6');
  await expect(page.getByTestId('history-value')).toHaveAttribute('data-step', '6');
  await stepTimes(page, 1);
  const afterReload = await exactLoss(page);

  const fresh = await (await browser.newContext()).newPage();
  await openApp(fresh, '?task=sine&seq=20');
  await stepTimes(fresh, 7);
  expect(await exactLoss(fresh)).toBe(afterReload);
  await fresh.context().close();

  await page.getByTestId('btn-start-fresh').click();
  await expect(page.getByTestId('restore-notice')).toHaveCount(0);
  await expect(page.getByTestId('step-counter')).toHaveText('0');
});

test('a lesson can start from a shipped trained model, and Play continues its training', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('checkpoint-select').selectOption('adding-lstm');
  await expect(page.getByTestId('step-counter')).toHaveText('1000');
  await expect(page).toHaveURL(/task=adding/);
  await expect(page.getByTestId('panel-summary')).toContainText('LSTM(2, 16, batch_first=True)');
  expect(await exactLoss(page)).toBeLessThan(0.05);
  await stepTimes(page, 1);
  await expect(page.getByTestId('step-counter')).toHaveText('1001');
});

test('the trained Tang-poem model opens with a trained loss and writes poem-like lines', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('checkpoint-select').selectOption('tang-lstm');
  await expect(page.getByTestId('step-counter')).toHaveText('3000');
  await expect(page).toHaveURL(/task=tangHans/);
  // Far below the uniform guess over 500 characters and the unknown symbol (ln 501 ≈ 6.2).
  await expect.poll(() => exactLoss(page)).toBeLessThan(4.5);
  await expect(page.getByTestId('generated-step')).toContainText(/\b3,?000\b/);
  const sample = (await page.getByTestId('generated-text').textContent()) ?? '';
  expect(sample.length).toBeGreaterThan(50);
  // Lines of verse: Chinese punctuation between characters.
  expect(sample).toMatch(/[\u4e00-\u9fff]{3,}[，。]/);
});
