/** Reading a trainer's replies in tests: messages of one type, the losses they reported, a fake clock. */
import type { FromWorker } from '../contracts/protocol.ts';

export function ofType<K extends FromWorker['type']>(msgs: readonly FromWorker[], type: K): Extract<FromWorker, { type: K }>[] {
  return msgs.filter((m): m is Extract<FromWorker, { type: K }> => m.type === type);
}

/** Every training loss the progress messages reported, in order. */
export const lossesOf = (msgs: readonly FromWorker[]): number[] => ofType(msgs, 'progress').flatMap((m) => Array.from(m.progress.losses));

/** A clock that advances 10 ms per reading, so timing in the trainer core is deterministic. */
export function clock(): () => number {
  let t = 0;
  return () => (t += 0.01);
}
