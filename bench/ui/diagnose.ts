/**
 * `--profile`: where the time goes while training, from a Chromium trace (every thread's busy time, the page's
 * main-thread work by kind: script, style, layout, paint…) and a CPU profile of the page's JavaScript, mapped
 * through dist/'s source maps to source files, lines and functions.
 */
import path from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { SourceMap } from './sourceMap.ts';

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];
/** CPU profile sampling interval (µs). */
const SAMPLING_US = 250;
const TOP = 12;
/** The long-task threshold (µs). */
const LONG_TASK_US = 50_000;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: less than dur when the thread was waiting for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: {
    name?: string;
    beginData?: { dirtyObjects?: number; totalObjects?: number };
    elementCount?: number;
    data?: { clip?: number[]; nodeName?: string };
  };
}

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

export interface ThreadBusy {
  thread: string;
  process: string;
  /** Share of the window spent in top-level tasks (wall time), and on a core (thread time). */
  wall: number;
  cpu: number;
}

export interface NamedMs {
  name: string;
  /** Wall time. */
  ms: number;
  /** Thread time, where the trace has it. */
  cpuMs: number;
  count: number;
}

interface EventStats {
  count: number;
  meanCpuMs: number;
  maxCpuMs: number;
}

export interface Diagnostics {
  seconds: number;
  /** Training steps while tracing, and the trainer worker's thread time: its speed when it has a core. */
  worker: { steps: number; cpuSeconds: number; stepsPerCpuSecond: number };
  threads: ThreadBusy[];
  /** Exclusive time of each kind of trace event on the page's main thread. */
  mainThread: NamedMs[];
  /** The same, inside main-thread tasks longer than 50 ms only. */
  inLongTasks: NamedMs[];
  longTasks: number;
  layout: EventStats & { over10ms: number; meanObjects: number; roots: string[] };
  styleRecalc: EventStats & { meanElements: number };
  paint: EventStats & { meanAreaPx: number; roots: string[] };
  /** DOM mutations per second under each panel (or other data-testid) while tracing. */
  mutations: { owner: string; recordsPerSecond: number; nodesAddedPerSecond: number; attributesPerSecond: number; textPerSecond: number }[];
  /** JavaScript self time by source file (node_modules by package). */
  modules: NamedMs[];
  /** JavaScript self time by function (source:line of its start, and that line). */
  selfTime: NamedMs[];
  /** Time inside each of the app's own functions, callees included. */
  inclusiveTime: NamedMs[];
}

type Tally = Map<string, { ms: number; cpuMs: number; count: number }>;

function top(map: Tally, n = TOP): NamedMs[] {
  return [...map].map(([name, v]) => ({ name, ...v })).sort((a, b) => b.ms - a.ms).slice(0, n);
}

function add(map: Tally, key: string, ms: number, cpuMs = 0): void {
  const v = map.get(key) ?? { ms: 0, cpuMs: 0, count: 0 };
  v.ms += ms;
  v.cpuMs += cpuMs;
  v.count++;
  map.set(key, v);
}

/** Length of the union of [start, end) intervals. */
function unionLength(intervals: [number, number][]): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of intervals) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function stats(events: Complete[]): EventStats {
  const cpu = events.map((e) => (e.tdur ?? e.dur) / 1000);
  return { count: events.length, meanCpuMs: mean(cpu), maxCpuMs: cpu.length ? Math.max(...cpu) : 0 };
}

function distinct(xs: (string | undefined)[]): string[] {
  return [...new Set(xs.filter((x): x is string => !!x))];
}

type Complete = TraceEvent & { dur: number };

function analyseTrace(
  events: TraceEvent[],
  windowUs: number,
): Pick<Diagnostics, 'threads' | 'mainThread' | 'inLongTasks' | 'longTasks' | 'layout' | 'styleRecalc' | 'paint'> {
  const threadName = new Map<string, string>();
  const processName = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    if (e.name === 'process_name') processName.set(e.pid, e.args?.name ?? '');
  }
  const complete = events.filter((e): e is Complete => e.ph === 'X' && typeof e.dur === 'number');
  const isToplevel = (e: TraceEvent): boolean => !!e.cat?.split(',').includes('toplevel');
  const toplevel = new Map<string, { wall: [number, number][]; cpu: number }>();
  for (const e of complete) {
    if (!isToplevel(e)) continue;
    const key = `${e.pid}:${e.tid}`;
    const t = toplevel.get(key) ?? { wall: [], cpu: 0 };
    t.wall.push([e.ts, e.ts + e.dur]);
    t.cpu += e.tdur ?? 0;
    toplevel.set(key, t);
  }
  const threads = [...toplevel].map(([key, t]) => ({
    key,
    thread: threadName.get(key) ?? key,
    process: processName.get(Number(key.split(':')[0])) ?? '',
    wall: unionLength(t.wall) / windowUs,
    cpu: t.cpu / windowUs,
  }));
  threads.sort((a, b) => b.wall - a.wall);
  // The page's renderer main thread: the busiest CrRendererMain (a spare renderer may exist).
  const main = threads.find((t) => t.thread === 'CrRendererMain')?.key;
  const onMain = complete.filter((e) => `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts || b.dur - a.dur);

  // Exclusive (self) time per event name: nested events are subtracted from their parent.
  const exclusive: Tally = new Map();
  const inLong: Tally = new Map();
  let longTasks = 0;
  type Open = { e: Complete; end: number; childWall: number; childCpu: number; long: boolean };
  const stack: Open[] = [];
  const close = (until: number): void => {
    while (stack.length > 0 && stack[stack.length - 1].end <= until) {
      const f = stack.pop() as Open;
      const ms = Math.max(0, f.e.dur - f.childWall) / 1000;
      const cpuMs = Math.max(0, (f.e.tdur ?? 0) - f.childCpu) / 1000;
      add(exclusive, f.e.name, ms, cpuMs);
      if (f.long) add(inLong, f.e.name, ms, cpuMs);
    }
  };
  for (const e of onMain) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.childWall += e.dur;
      parent.childCpu += e.tdur ?? 0;
    }
    // A root event is a task (RunTask and ThreadControllerImpl::RunTask wrap the same one).
    const long = parent ? parent.long : e.dur > LONG_TASK_US;
    if (!parent && long) longTasks++;
    stack.push({ e, end: e.ts + e.dur, childWall: 0, childCpu: 0, long });
  }
  close(Infinity);

  const layouts = onMain.filter((e) => e.name === 'Layout');
  const styles = onMain.filter((e) => e.name === 'UpdateLayoutTree');
  const paints = onMain.filter((e) => e.name === 'Paint');
  const area = (clip: number[] | undefined): number => (clip && clip.length === 8 ? Math.abs((clip[2] - clip[0]) * (clip[5] - clip[3])) : 0);
  const layoutRoots = (e: Complete): string[] =>
    ((e.args as { endData?: { layoutRoots?: { nodeName?: string }[] } } | undefined)?.endData?.layoutRoots ?? []).map((r) => r.nodeName ?? '?');
  return {
    threads: threads.slice(0, TOP).map(({ thread, process, wall, cpu }) => ({ thread, process, wall, cpu })),
    mainThread: top(exclusive),
    inLongTasks: top(inLong, 8),
    longTasks,
    layout: {
      ...stats(layouts),
      over10ms: layouts.filter((e) => (e.tdur ?? e.dur) > 10_000).length,
      meanObjects: mean(layouts.map((e) => e.args?.beginData?.totalObjects ?? 0)),
      roots: distinct(layouts.flatMap(layoutRoots)),
    },
    styleRecalc: { ...stats(styles), meanElements: mean(styles.map((e) => e.args?.elementCount ?? 0)) },
    paint: {
      ...stats(paints),
      meanAreaPx: mean(paints.map((e) => area(e.args?.data?.clip))),
      roots: distinct(paints.map((e) => e.args?.data?.nodeName)),
    },
  };
}

/** node_modules/<package> (or @scope/package) for dependencies, the source path for the app's own files. */
function moduleOf(source: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return m ? m[1] : source;
}

function analyseProfile(
  profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] },
  distDir: string,
): Pick<Diagnostics, 'modules' | 'selfTime' | 'inclusiveTime'> {
  const maps = new Map<string, SourceMap | null>();
  const mapFor = (url: string): SourceMap | null => {
    if (!maps.has(url)) {
      let m: SourceMap | null = null;
      try {
        m = new SourceMap(path.join(distDir, new URL(url).pathname) + '.map');
      } catch {
        m = null;
      }
      maps.set(url, m);
    }
    return maps.get(url) ?? null;
  };
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const labels = new Map<number, { fn: string; module: string; own: boolean }>();
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    const pos = url ? mapFor(url)?.lookup(lineNumber, columnNumber) : null;
    if (pos) {
      labels.set(n.id, { fn: `${pos.source}:${pos.line}  ${pos.text.slice(0, 80)}`, module: moduleOf(pos.source), own: pos.source.startsWith('src/') });
    } else {
      const name = functionName || '(anonymous)';
      const fn = url ? `${name} @${url.replace(/^.*\//, '')}:${lineNumber + 1}:${columnNumber + 1}` : name;
      labels.set(n.id, { fn, module: url ? url.replace(/^.*\//, '') : name, own: false });
    }
  }
  const self: Tally = new Map();
  const modules: Tally = new Map();
  const inclusive: Tally = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // deltas[k + 1] is the time until the next sample: the time sample k stands for.
  for (let k = 0; k < samples.length; k++) {
    const ms = (deltas[k + 1] ?? 0) / 1000;
    const leaf = samples[k];
    const l = labels.get(leaf);
    if (!l) continue;
    add(self, l.fn, ms);
    add(modules, l.module, ms);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const a = labels.get(id);
      if (a?.own && !seen.has(a.fn)) {
        seen.add(a.fn);
        add(inclusive, a.fn, ms);
      }
    }
  }
  return { modules: top(modules), selfTime: top(self, 20), inclusiveTime: top(inclusive, 20) };
}

async function stepCounter(page: Page): Promise<number> {
  return Number(await page.getByTestId('step-counter').textContent());
}

/** Traces and profiles the page for `ms` while it does whatever it is doing. */
export async function diagnose(browser: Browser, page: Page, cdp: CDPSession, ms: number, distDir: string): Promise<Diagnostics> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await browser.startTracing(page, { categories: CATEGORIES });
  await cdp.send('Profiler.start');
  await page.evaluate(() => window.__uiBench?.watchMutations());
  const step0 = await stepCounter(page);
  const t0 = performance.now();
  await page.waitForTimeout(ms);
  const steps = (await stepCounter(page)) - step0;
  const counts = await page.evaluate(() => window.__uiBench?.takeMutations() ?? {});
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const seconds = (performance.now() - t0) / 1000;
  await cdp.send('Profiler.disable');
  const mutations = Object.entries(counts)
    .map(([owner, c]) => ({
      owner,
      recordsPerSecond: c.records / seconds,
      nodesAddedPerSecond: c.nodesAdded / seconds,
      attributesPerSecond: c.attributes / seconds,
      textPerSecond: c.text / seconds,
    }))
    .sort((a, b) => b.recordsPerSecond - a.recordsPerSecond);
  const traced = analyseTrace(trace.traceEvents, seconds * 1e6);
  const cpuSeconds = (traced.threads.find((t) => t.thread === 'DedicatedWorker thread')?.cpu ?? NaN) * seconds;
  return {
    seconds,
    worker: { steps, cpuSeconds, stepsPerCpuSecond: steps / cpuSeconds },
    mutations,
    ...traced,
    ...analyseProfile(profile, distDir),
  };
}
