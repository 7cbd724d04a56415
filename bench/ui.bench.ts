/**
 * `npm run bench:ui`: does the page stay at 60 fps while the worker trains, and does the worker train as fast
 * as the engine alone? The built app in headless Chromium (the e2e tests' binary and flags), an LSTM with
 * H = 64, T = 100 and the default batch size, opened from its URL:
 *  - main-thread frame intervals (requestAnimationFrame timestamps in the page) while paused — what the harness
 *    itself gives — and over ~10 s of training: p50/p95/p99;
 *  - main-thread tasks > 50 ms ('longtask') and long animation frames with their scripts ('long-animation-frame');
 *  - main-thread busy time per window (CDP Performance metrics: script, style, layout);
 *  - the worker's steps/s (the step counter's changes over the window) against the headless engine's steps/s on
 *    the same config in Node, measured in the same run before and after the browser part; the worker's
 *    TrainerCore in Node (frames and validation included) is shown too, to split a shortfall. Node's V8 is
 *    older than Chromium's, and on a busy machine the worker waits for a core: --profile gives the worker's
 *    steps per CPU-second, which separates the two.
 * Figures, not a test: it exits 0 whether targets are met or missed (non-zero only when it could not measure).
 *
 *   npm run bench:ui              figures and PASS/MISS per target
 *   npm run bench:ui -- --json    one JSON object on stdout, nothing else there (progress goes to stderr)
 *   npm run bench:ui -- --profile then, still training, a trace and CPU profile of where the time goes (+5 s)
 */
import os from 'node:os';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import playwrightConfig from '../playwright.config.ts';
import type { RunConfig } from '../src/contracts/runConfig.ts';
import { parseUrl } from '../src/contracts/urlCodec.ts';
import { buildApp, DIST_DIR, staleReason, startPreview } from './ui/appServer.ts';
import { diagnose, type Diagnostics } from './ui/diagnose.ts';
import { engineRate, trainerCoreRate, type Rate } from './ui/engineRate.ts';
import { PAGE_PROBE_SCRIPT, type LongFrame, type WindowResult } from './ui/pageProbe.ts';

const ARGS = process.argv.slice(2);
const JSON_MODE = ARGS.includes('--json');
const PROFILE = ARGS.includes('--profile');

/** The measured run (URL keys of src/contracts/urlCodec.ts); the batch size stays the app's default. */
const QUERY = '?hidden=64&seq=100';
const IDLE_MS = 4000;
/** Training before the measured window: JIT warm-up of the worker and of the panels' first frames. */
const TRAIN_WARMUP_MS = 2500;
const TRAIN_MS = 10_000;
const PROFILE_MS = 5000;
const NODE_WARMUP_MS = 1000;
const NODE_MS = 4000;
/** The worker's SLICE_MS (src/trainer/trainer.worker.ts, which cannot be imported outside a worker). */
const WORKER_SLICE_MS = 12;

const TARGET_P95_MS = 17;
const LONG_TASK_MS = 50;
const TARGET_RATE_RATIO = 0.9;
/** An interval this long means at least one display frame (16.7 ms at 60 Hz) was skipped. */
const MISSED_FRAME_MS = 25;

const T0 = performance.now();
const progress = (s: string): void => {
  process.stderr.write(`[${((performance.now() - T0) / 1000).toFixed(1).padStart(6)} s] ${s}\n`);
};
const say = (s = ''): void => {
  if (!JSON_MODE) process.stdout.write(s + '\n');
};

// ---------------------------------------------------------------------------------------------------------------
// Figures

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface BusyTime {
  /** Share of the window's wall time the renderer's main thread spent in tasks, script, style and layout. */
  task: number;
  script: number;
  style: number;
  layout: number;
}

interface ScriptCost {
  script: string;
  count: number;
  totalMs: number;
  maxMs: number;
}

interface WindowFigures {
  seconds: number;
  frames: number;
  fps: number;
  intervalMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Intervals > MISSED_FRAME_MS. */
  missedFrames: number;
  longTasks: { count: number; maxMs: number; totalMs: number };
  longFrames: { count: number; maxMs: number; maxBlockingMs: number; maxRenderMs: number; scripts: ScriptCost[] };
  mainThreadBusy: BusyTime;
  /** The worker's rate as the page's step counter showed it (null when it did not move). */
  workerStepsPerSecond: number | null;
  stepsInWindow: number;
}

function scriptName(s: LongFrame['scripts'][number]): string {
  const where = s.sourceURL ? `${s.sourceURL.replace(/^.*\//, '')}:${s.sourceCharPosition}` : '';
  return [s.invoker, s.sourceFunctionName && `${s.sourceFunctionName}()`, where && `@${where}`].filter(Boolean).join(' ');
}

function scriptCosts(frames: LongFrame[]): ScriptCost[] {
  const by = new Map<string, ScriptCost>();
  for (const s of frames.flatMap((f) => f.scripts)) {
    const name = scriptName(s);
    const c = by.get(name) ?? { script: name, count: 0, totalMs: 0, maxMs: 0 };
    c.count++;
    c.totalMs += s.duration;
    c.maxMs = Math.max(c.maxMs, s.duration);
    by.set(name, c);
  }
  return [...by.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, 8);
}

/** Steps per second between the first and the last change of the counter (its ticks are whole progress messages). */
function counterRate(w: WindowResult): number | null {
  const s = w.steps;
  if (s.length >= 3) return ((s[s.length - 1].step - s[1].step) * 1000) / (s[s.length - 1].t - s[1].t);
  if (s.length === 2) return ((s[1].step - s[0].step) * 1000) / w.durationMs;
  return null;
}

function figures(w: WindowResult, busy: BusyTime): WindowFigures {
  const intervals = w.frameTimes.slice(1).map((t, k) => t - w.frameTimes[k]);
  const sorted = [...intervals].sort((a, b) => a - b);
  const sum = intervals.reduce((a, b) => a + b, 0);
  const maxOf = (xs: number[]): number => (xs.length ? Math.max(...xs) : 0);
  return {
    seconds: w.durationMs / 1000,
    frames: w.frameTimes.length,
    fps: intervals.length ? (intervals.length * 1000) / sum : 0,
    intervalMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: maxOf(sorted),
      mean: intervals.length ? sum / intervals.length : NaN,
    },
    missedFrames: intervals.filter((d) => d > MISSED_FRAME_MS).length,
    longTasks: {
      count: w.longTasks.length,
      maxMs: maxOf(w.longTasks.map((t) => t.duration)),
      totalMs: w.longTasks.reduce((a, t) => a + t.duration, 0),
    },
    longFrames: {
      count: w.longFrames.length,
      maxMs: maxOf(w.longFrames.map((f) => f.duration)),
      maxBlockingMs: maxOf(w.longFrames.map((f) => f.blockingDuration)),
      maxRenderMs: maxOf(w.longFrames.map((f) => f.renderMs)),
      scripts: scriptCosts(w.longFrames),
    },
    mainThreadBusy: busy,
    workerStepsPerSecond: counterRate(w),
    stepsInWindow: w.steps[w.steps.length - 1].step - w.steps[0].step,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The page

const BUSY_METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const;

async function busyMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** One measurement window of `ms` in the page. */
async function measure(page: Page, cdp: CDPSession, ms: number): Promise<WindowFigures> {
  const before = await busyMetrics(cdp);
  await page.evaluate(() => window.__uiBench?.start());
  await page.waitForTimeout(ms);
  const w = await page.evaluate(() => {
    if (!window.__uiBench) throw new Error('the page probe is not installed');
    return window.__uiBench.stop();
  });
  const after = await busyMetrics(cdp);
  const share = (k: (typeof BUSY_METRICS)[number]): number => ((after[k] - before[k]) * 1000) / w.durationMs;
  return figures(w, { task: share('TaskDuration'), script: share('ScriptDuration'), style: share('RecalcStyleDuration'), layout: share('LayoutDuration') });
}

interface PanelInfo {
  testId: string;
  title: string;
  box: { x: number; y: number; width: number; height: number };
  visible: boolean;
  /** Share of the panel's area inside the first screen (no scrolling). */
  inViewport: number;
}

async function panels(page: Page): Promise<{ list: PanelInfo[]; pageHeight: number }> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const list = [...document.querySelectorAll<HTMLElement>('[data-testid^="panel-"]')].map((el) => {
      const r = el.getBoundingClientRect();
      const w = Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0));
      const h = Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
      return {
        testId: el.dataset.testid ?? '',
        title: el.getAttribute('aria-label') ?? '',
        box: { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) },
        visible: el.checkVisibility() && r.width > 0 && r.height > 0,
        inViewport: r.width * r.height > 0 ? (w * h) / (r.width * r.height) : 0,
      };
    });
    return { list, pageHeight: document.documentElement.scrollHeight };
  });
}

// ---------------------------------------------------------------------------------------------------------------

interface Target {
  name: string;
  value: number;
  /** Decimals worth printing. */
  digits: number;
  target: string;
  pass: boolean;
}

type LaunchOptions = NonNullable<NonNullable<typeof playwrightConfig.use>['launchOptions']>;
type Viewport = { width: number; height: number };

interface PageFigures {
  chromium: string;
  pageConfigMatches: boolean;
  layout: Awaited<ReturnType<typeof panels>>;
  idle: WindowFigures;
  training: WindowFigures;
  /** The toolbar's steps/s at the end of the training window. */
  shownRate: string;
  diagnostics: Diagnostics | null;
}

async function measurePage(url: string, config: RunConfig, launchOptions: LaunchOptions, viewport: Viewport): Promise<PageFigures> {
  const browser = await chromium.launch(launchOptions);
  try {
    const context = await browser.newContext({ viewport });
    await context.addInitScript({ content: PAGE_PROBE_SCRIPT });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    progress(`opening ${url}${QUERY} in Chromium ${browser.version()}`);
    await page.goto(`${url}${QUERY}`);
    await page.locator('[data-testid="history-value"][data-step="0"]').waitFor();
    await page.getByTestId('panel-predictions').locator('svg').first().waitFor();
    // Lazy chunks (KaTeX, its fonts) are in before anything is measured.
    await page.waitForLoadState('networkidle');
    // The address bar follows the store: the run the page built is the one parsed here.
    const pageConfigMatches = JSON.stringify(parseUrl(new URL(page.url()).search).config) === JSON.stringify(config);
    const layout = await panels(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    progress(`paused: ${IDLE_MS / 1000} s`);
    const idle = await measure(page, cdp, IDLE_MS);

    progress(`playing: ${TRAIN_WARMUP_MS / 1000} s warm-up, then ${TRAIN_MS / 1000} s measured`);
    await page.getByTestId('btn-play').click();
    await page.locator('[data-testid="run-status"][data-status="playing"]').waitFor();
    await page.waitForTimeout(TRAIN_WARMUP_MS);
    const training = await measure(page, cdp, TRAIN_MS);
    const shownRate = (await page.getByTestId('steps-per-second').textContent()) ?? '';
    let diagnostics: Diagnostics | null = null;
    if (PROFILE) {
      progress(`still playing: tracing and profiling ${PROFILE_MS / 1000} s`);
      diagnostics = await diagnose(browser, page, cdp, PROFILE_MS, DIST_DIR);
    }
    await page.getByTestId('btn-play').click();
    await page.locator('[data-testid="run-status"][data-status="paused"]').waitFor();
    if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    return { chromium: browser.version(), pageConfigMatches, layout, idle, training, shownRate, diagnostics };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const parsed = parseUrl(QUERY);
  if (parsed.warnings.length > 0) throw new Error(`${QUERY} is not a valid run URL: ${JSON.stringify(parsed.warnings)}`);
  const config = parsed.config;
  const { launchOptions, viewport } = playwrightConfig.use ?? {};
  if (!launchOptions || !viewport) throw new Error('playwright.config.ts has no launchOptions/viewport');

  const stale = staleReason();
  if (stale) {
    progress(`building the app (${stale})`);
    await buildApp();
  }

  progress(`headless engine in Node: ${NODE_MS / 1000} s`);
  const engineBefore = engineRate(config, NODE_MS, NODE_WARMUP_MS);
  progress(`worker's TrainerCore in Node: ${NODE_MS / 1000} s`);
  const core = trainerCoreRate(config, NODE_MS, NODE_WARMUP_MS, WORKER_SLICE_MS);

  const { server, url } = await startPreview();
  let p: PageFigures;
  try {
    p = await measurePage(url, config, launchOptions, viewport);
  } finally {
    await server.close();
  }
  const { training } = p;

  progress(`headless engine in Node again: ${NODE_MS / 1000} s`);
  const engineAfter = engineRate(config, NODE_MS, NODE_WARMUP_MS);
  const engine = (engineBefore.stepsPerSecond + engineAfter.stepsPerSecond) / 2;
  const worker = training.workerStepsPerSecond ?? 0;

  const targets: Target[] = [
    { name: 'frame interval p95 while training (ms)', value: training.intervalMs.p95, digits: 1, target: `≤ ${TARGET_P95_MS}`, pass: training.intervalMs.p95 <= TARGET_P95_MS },
    { name: `main-thread tasks > ${LONG_TASK_MS} ms while training`, value: training.longTasks.count, digits: 0, target: '0', pass: training.longTasks.count === 0 },
    { name: 'worker steps/s ÷ headless engine steps/s', value: worker / engine, digits: 2, target: `≥ ${TARGET_RATE_RATIO}`, pass: worker / engine >= TARGET_RATE_RATIO },
  ];
  const result: BenchResult = {
    bench: 'ui',
    query: QUERY,
    config: { task: config.task, cell: config.cell, hiddenSize: config.hiddenSize, seqLen: config.seqLen, batchSize: config.batchSize, numLayers: config.numLayers },
    pageConfigMatches: p.pageConfigMatches,
    environment: {
      chromium: p.chromium,
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: os.loadavg(),
      viewport,
      args: launchOptions.args ?? [],
      builtNow: stale,
    },
    panels: p.layout.list,
    pageHeight: p.layout.pageHeight,
    idle: p.idle,
    training,
    throughput: {
      worker,
      workerShown: p.shownRate,
      engineBefore,
      engineAfter,
      engine,
      trainerCoreInNode: core,
    },
    targets,
    diagnostics: p.diagnostics,
    elapsedSeconds: (performance.now() - T0) / 1000,
  };

  if (JSON_MODE) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  report(result);
}

interface BenchResult {
  bench: 'ui';
  query: string;
  config: { task: string; cell: string; hiddenSize: number; seqLen: number; batchSize: number; numLayers: number };
  pageConfigMatches: boolean;
  environment: { chromium: string; node: string; cpus: number; loadAverage: number[]; viewport: { width: number; height: number }; args: string[]; builtNow: string | null };
  panels: PanelInfo[];
  pageHeight: number;
  idle: WindowFigures;
  training: WindowFigures;
  throughput: { worker: number; workerShown: string; engineBefore: Rate; engineAfter: Rate; engine: number; trainerCoreInNode: Rate };
  targets: Target[];
  diagnostics: Diagnostics | null;
  elapsedSeconds: number;
}

function reportDiagnostics(d: Diagnostics, engine: Rate[]): void {
  const ms = (x: number): string => x.toFixed(0).padStart(7);
  const pct = (x: number): string => `${(x * 100).toFixed(0)}%`.padStart(5);
  const kinds = (list: Diagnostics['mainThread']): void => {
    for (const e of list) say(`    ${ms(e.ms)} ${ms(e.cpuMs)} ${String(e.count).padStart(6)}×  ${e.name}`);
  };
  say(`where the time goes while training (${d.seconds.toFixed(1)} s traced and profiled, still playing)`);
  say('  busiest threads: share of the window in tasks (wall) and on a core (cpu)');
  for (const t of d.threads.slice(0, 8)) say(`    ${pct(t.wall)} ${pct(t.cpu)}  ${t.thread} (${t.process})`);
  const perCpu = engine.map((r) => (r.stepsPerSecond / r.cpuShare).toFixed(1)).join(', ');
  say(`  trainer worker: ${d.worker.steps} steps on ${d.worker.cpuSeconds.toFixed(2)} s of thread time = ${d.worker.stepsPerCpuSecond.toFixed(1)} steps per CPU-second ` +
    `(headless engine in Node: ${perCpu}); Node ${process.versions.v8.replace(/-.*/, '')} and Chromium run different V8 versions`);
  say('  page main thread, exclusive time by kind:  wall ms, cpu ms, count');
  kinds(d.mainThread.slice(0, 10));
  say(`  inside the ${d.longTasks} main-thread tasks > ${LONG_TASK_MS} ms:`);
  kinds(d.inLongTasks);
  say(`  Layout ${d.layout.count}×: cpu mean ${d.layout.meanCpuMs.toFixed(1)} ms, max ${d.layout.maxCpuMs.toFixed(1)} ms, ${d.layout.over10ms} over 10 ms; ` +
    `~${d.layout.meanObjects.toFixed(0)} layout objects; roots: ${d.layout.roots.join(', ')}`);
  say(`  style recalc ${d.styleRecalc.count}×: cpu mean ${d.styleRecalc.meanCpuMs.toFixed(1)} ms, max ${d.styleRecalc.maxCpuMs.toFixed(1)} ms, ${d.styleRecalc.meanElements.toFixed(0)} elements`);
  say(`  Paint ${d.paint.count}×: cpu mean ${d.paint.meanCpuMs.toFixed(1)} ms, max ${d.paint.maxCpuMs.toFixed(1)} ms, ` +
    `${(d.paint.meanAreaPx / 1e6).toFixed(1)} Mpx each; layers painted: ${d.paint.roots.join(', ')}`);
  say('  DOM mutations per second (records, nodes added, attributes, text) by owner:');
  for (const m of d.mutations.slice(0, 10)) {
    say(`    ${m.recordsPerSecond.toFixed(0).padStart(6)} ${m.nodesAddedPerSecond.toFixed(0).padStart(6)} ${m.attributesPerSecond.toFixed(0).padStart(6)} ${m.textPerSecond.toFixed(0).padStart(6)}  ${m.owner}`);
  }
  say('  JavaScript self time by module (ms):');
  for (const e of d.modules.slice(0, 8)) say(`    ${ms(e.ms)}  ${e.name}`);
  say('  JavaScript self time by function (ms):');
  for (const e of d.selfTime.slice(0, 12)) say(`    ${ms(e.ms)}  ${e.name}`);
  say("  the app's functions, callees included (ms; React calls components one by one, so a component's children are not in it):");
  for (const e of d.inclusiveTime.slice(0, 15)) say(`    ${ms(e.ms)}  ${e.name}`);
  say('');
}

function report(r: BenchResult): void {
  const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—');
  const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
  const { config: c, environment: e } = r;
  say(`LSTM Lens UI benchmark — ${c.cell.toUpperCase()} H=${c.hiddenSize} T=${c.seqLen} batch=${c.batchSize} (default) layers=${c.numLayers} task=${c.task}; URL ${r.query}`);
  say(`Chromium ${e.chromium} headless ${e.viewport.width}×${e.viewport.height} [${e.args.join(' ')}]; node ${e.node}; ${e.cpus} CPUs, load average ${e.loadAverage.map((x) => x.toFixed(1)).join(' ')}`);
  say(`dist/: ${e.builtNow ? `built now (${e.builtNow})` : 'up to date'}; the page's URL gives the same config: ${r.pageConfigMatches ? 'yes' : 'NO'}`);
  say('');
  say(`panels (page height ${r.pageHeight} px; "on screen" = share inside the first ${e.viewport.height} px, no scrolling)`);
  for (const p of r.panels) {
    say(`  ${p.testId.padEnd(18)} ${p.visible ? 'visible' : 'HIDDEN '}  ${`${p.box.width}×${p.box.height}`.padStart(9)} at (${p.box.x}, ${p.box.y})  on screen ${pct(p.inViewport)}`);
  }
  say('');
  say('main thread                          paused (harness)    training');
  const row = (name: string, a: string, b: string): void => say(`  ${name.padEnd(35)}${a.padStart(10)}${b.padStart(16)}`);
  const { idle: i, training: t } = r;
  row('window (s)', f1(i.seconds), f1(t.seconds));
  row('frames / fps', `${i.frames} / ${f1(i.fps)}`, `${t.frames} / ${f1(t.fps)}`);
  row('frame interval p50 (ms)', f1(i.intervalMs.p50), f1(t.intervalMs.p50));
  row('frame interval p95 (ms)', f1(i.intervalMs.p95), f1(t.intervalMs.p95));
  row('frame interval p99 (ms)', f1(i.intervalMs.p99), f1(t.intervalMs.p99));
  row('frame interval max (ms)', f1(i.intervalMs.max), f1(t.intervalMs.max));
  row(`intervals > ${MISSED_FRAME_MS} ms (missed frames)`, String(i.missedFrames), String(t.missedFrames));
  row(`long tasks > ${LONG_TASK_MS} ms: count / max (ms)`, `${i.longTasks.count} / ${f1(i.longTasks.maxMs)}`, `${t.longTasks.count} / ${f1(t.longTasks.maxMs)}`);
  row('long animation frames: count / max', `${i.longFrames.count} / ${f1(i.longFrames.maxMs)}`, `${t.longFrames.count} / ${f1(t.longFrames.maxMs)}`);
  row('busy: task / script', `${pct(i.mainThreadBusy.task)} / ${pct(i.mainThreadBusy.script)}`, `${pct(t.mainThreadBusy.task)} / ${pct(t.mainThreadBusy.script)}`);
  row('busy: style / layout', `${pct(i.mainThreadBusy.style)} / ${pct(i.mainThreadBusy.layout)}`, `${pct(t.mainThreadBusy.style)} / ${pct(t.mainThreadBusy.layout)}`);
  if (t.longFrames.scripts.length > 0) {
    say('  scripts in long animation frames while training (total ms, count, max ms):');
    for (const s of t.longFrames.scripts) say(`    ${f1(s.totalMs).padStart(8)} ${String(s.count).padStart(4)} ${f1(s.maxMs).padStart(7)}  ${s.script}`);
  }
  say('');
  const th = r.throughput;
  say('training throughput (steps/s)');
  say(`  worker in the page (step counter)   ${f1(th.worker)}   (${t.stepsInWindow} steps in the window; the toolbar showed ${th.workerShown})`);
  const cpuNote = (x: Rate): string => `${f1(x.stepsPerSecond)} with ${pct(x.cpuShare)} of a core`;
  say(`  headless engine in Node             ${f1(th.engine)}   (before ${cpuNote(th.engineBefore)}, after ${cpuNote(th.engineAfter)})`);
  say(`  worker's TrainerCore in Node        ${f1(th.trainerCoreInNode.stepsPerSecond)}   (with probe frames and validation: ${pct(th.trainerCoreInNode.stepsPerSecond / th.engineBefore.stepsPerSecond)} of the engine before it)`);
  say('');
  if (r.diagnostics) reportDiagnostics(r.diagnostics, [r.throughput.engineBefore, r.throughput.engineAfter]);
  say('targets');
  for (const g of r.targets) say(`  ${g.pass ? 'PASS' : 'MISS'}  ${g.name}: ${g.value.toFixed(g.digits)} (target ${g.target})`);
  say('');
  say(`On a shared ${e.cpus}-core machine the figures are noisy: compare "paused" with "training" and re-run before concluding. ${f1(r.elapsedSeconds)} s in all.`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
