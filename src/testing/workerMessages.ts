/** Reading a trainer's replies in tests: messages of one type, the losses they reported, a fake clock. */
import type { FromWorker } from '../contracts/protocol.ts';

export function ofType<K extends FromWorker['type']>(msgs: readonly FromWorker[], type: K): Extract<FromWorker, { type: K }>[] {
  return msgs.filter((m): m is Extract<FromWorker, { type: K }> => m.type === type);
}

/** Every training loss the progress messages reported, in order. */
export const lossesOf = (msgs: readonly FromWorker[]): number[] => ofType(msgs, 'progress').flatMap((m) => Array.from(m.progress.losses));

/**
 * A fake clock that moves `dt` ms on every reading, so timing in the trainer core is deterministic and
 * time-sliced loops end; peek() reads it without moving it.
 */
export function tickingClock(dt: number, start = 0): { now: () => number; peek: () => number } {
  let t = start;
  return { now: () => (t += dt), peek: () => t };
}

/** The usual fake clock: 10 ms per reading. */
export function clock(): () => number {
  return tickingClock(0.01).now;
}
