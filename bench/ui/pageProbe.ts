/**
 * What runs inside the benchmarked page: observers for long tasks and long animation frames from the first
 * script on, and measurement windows that collect requestAnimationFrame timestamps and the step counter's
 * changes. Installed with page.addInitScript(PAGE_PROBE_SCRIPT) and driven through window.__uiBench.
 */

/** A task of the page's main thread that took > 50 ms (PerformanceObserver 'longtask'). */
export interface LongTask {
  start: number;
  duration: number;
}

/** A script inside a long animation frame, as Chromium attributes it. */
export interface LoafScript {
  invoker: string;
  sourceURL: string;
  sourceFunctionName: string;
  sourceCharPosition: number;
  duration: number;
  forcedStyleAndLayoutDuration: number;
}

/** A frame that took > 50 ms from its first task to its paint (PerformanceObserver 'long-animation-frame'). */
export interface LongFrame {
  start: number;
  duration: number;
  blockingDuration: number;
  /** Style, layout and paint at the end of the frame. */
  renderMs: number;
  styleAndLayoutMs: number;
  scripts: LoafScript[];
}

/** The step counter as the page showed it: when it changed and to what. */
export interface StepSample {
  t: number;
  step: number;
}

export interface WindowResult {
  startedAt: number;
  durationMs: number;
  /** Consecutive requestAnimationFrame timestamps in the window. */
  frameTimes: number[];
  longTasks: LongTask[];
  longFrames: LongFrame[];
  /** The counter at the window's start, then every change inside it. */
  steps: StepSample[];
}

/** DOM mutations under each panel (or the nearest other data-testid, or 'page'). */
export type MutationCounts = Record<string, { records: number; nodesAdded: number; attributes: number; text: number }>;

export interface PageProbe {
  start(): void;
  stop(): WindowResult;
  watchMutations(): void;
  takeMutations(): MutationCounts;
}

declare global {
  interface Window {
    __uiBench?: PageProbe;
  }
}

/** Entry fields of 'long-animation-frame' that the DOM typings may not have yet. */
interface LoafEntry extends PerformanceEntry {
  blockingDuration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: LoafScript[];
}

function installPageProbe(): void {
  const longTasks: LongTask[] = [];
  const longFrames: LongFrame[] = [];
  const observe = (type: string, onEntry: (e: PerformanceEntry) => void): void => {
    // An entry type this browser lacks is reported as missing data, not as an error.
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return;
    new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
  };
  observe('longtask', (e) => longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('long-animation-frame', (entry) => {
    const e = entry as LoafEntry;
    const end = e.startTime + e.duration;
    longFrames.push({
      start: e.startTime,
      duration: e.duration,
      blockingDuration: e.blockingDuration,
      renderMs: e.renderStart > 0 ? end - e.renderStart : 0,
      styleAndLayoutMs: e.styleAndLayoutStart > 0 ? end - e.styleAndLayoutStart : 0,
      scripts: e.scripts.map((s) => ({
        invoker: s.invoker,
        sourceURL: s.sourceURL,
        sourceFunctionName: s.sourceFunctionName,
        sourceCharPosition: s.sourceCharPosition,
        duration: s.duration,
        forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration,
      })),
    });
  });

  let active: { startedAt: number; frameTimes: number[]; steps: StepSample[]; counter: MutationObserver | null } | null = null;
  const readStep = (): number => Number(document.querySelector('[data-testid="step-counter"]')?.textContent ?? NaN);

  let mutations: { observer: MutationObserver; counts: MutationCounts } | null = null;
  const ownerOf = (node: Node): string => {
    const el = node instanceof Element ? node : node.parentElement;
    const owner = el?.closest('[data-testid^="panel-"]') ?? el?.closest('[data-testid]');
    return owner?.getAttribute('data-testid') ?? 'page';
  };

  window.__uiBench = {
    watchMutations() {
      const counts: MutationCounts = {};
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          const key = ownerOf(r.target);
          const c = (counts[key] ??= { records: 0, nodesAdded: 0, attributes: 0, text: 0 });
          c.records++;
          c.nodesAdded += r.addedNodes.length;
          if (r.type === 'attributes') c.attributes++;
          if (r.type === 'characterData') c.text++;
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      mutations = { observer, counts };
    },
    takeMutations() {
      if (!mutations) throw new Error('__uiBench.takeMutations() without watchMutations()');
      mutations.observer.disconnect();
      const { counts } = mutations;
      mutations = null;
      return counts;
    },
    start() {
      const startedAt = performance.now();
      const frameTimes: number[] = [];
      const steps: StepSample[] = [{ t: startedAt, step: readStep() }];
      const el = document.querySelector('[data-testid="step-counter"]');
      const counter = el
        ? new MutationObserver(() => {
            const step = readStep();
            if (step !== steps[steps.length - 1].step) steps.push({ t: performance.now(), step });
          })
        : null;
      if (el && counter) counter.observe(el, { childList: true, characterData: true, subtree: true });
      const w = { startedAt, frameTimes, steps, counter };
      active = w;
      const tick = (t: number): void => {
        if (active !== w) return;
        frameTimes.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stop() {
      const w = active;
      if (!w) throw new Error('__uiBench.stop() without start()');
      active = null;
      w.counter?.disconnect();
      const inWindow = <E extends { start: number }>(list: E[]): E[] => list.filter((e) => e.start >= w.startedAt);
      return {
        startedAt: w.startedAt,
        durationMs: performance.now() - w.startedAt,
        frameTimes: w.frameTimes,
        longTasks: inWindow(longTasks),
        longFrames: inWindow(longFrames),
        steps: w.steps,
      };
    },
  };
}

/**
 * The init script. tsx (esbuild keepNames) wraps named functions in __name(...) calls, a helper that does not
 * exist in the page; the script defines a local no-op one.
 */
export const PAGE_PROBE_SCRIPT = `(() => { const __name = (f) => f; (${installPageProbe.toString()})(); })();`;
