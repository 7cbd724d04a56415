/**
 * Heap readings for the benchmarks' no-growth check: a gc() without `node --expose-gc` on the command line, and
 * the heap after collecting until it stops shrinking.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** gc(), from the flag or switched on at run time; null when neither works (the caller re-executes with the flag). */
export function obtainGc(): (() => void) | null {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return g;
  try {
    v8.setFlagsFromString('--expose-gc');
    const fn = vm.runInNewContext('gc') as unknown;
    if (typeof fn === 'function') return fn as () => void;
  } catch {
    // fall through
  }
  return null;
}

export interface HeapReading { used: number; code: number }

/** gc() until the heap stops shrinking, yielding a macrotask between rounds so FinalizationRegistry / WeakRef
 *  clean-ups (TF.js uses them) run too. `used` = heapUsed; `code` = the part in V8's code spaces (JIT output). */
export async function settledHeap(gc: (() => void) | null): Promise<HeapReading> {
  const read = (): HeapReading => {
    let code = 0;
    for (const sp of v8.getHeapSpaceStatistics()) if (sp.space_name.startsWith('code')) code += sp.space_used_size;
    return { used: process.memoryUsage().heapUsed, code };
  };
  if (!gc) return { used: NaN, code: NaN };
  let last = read();
  for (let i = 0; i < 6; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
    const now = read();
    if (i >= 2 && Math.abs(now.used - last.used) < 1024) return now;
    last = now;
  }
  return last;
}
