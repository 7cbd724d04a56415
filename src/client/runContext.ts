/**
 * The run a part of the page shows, handed down by React context: the panel grid gets the focused run, a
 * racer's small view gets its own, a panel embedded alone gets whatever run its host gives it.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { Run } from './run.ts';

const RunContext = createContext<Run | null>(null);

export function RunProvider(props: { run: Run; children: ReactNode }) {
  return createElement(RunContext.Provider, { value: props.run }, props.children);
}

/** The run in context, or null outside any RunProvider. */
export function useOptionalRun(): Run | null {
  return useContext(RunContext);
}

export function useRun(): Run {
  const run = useContext(RunContext);
  if (!run) throw new Error('useRun() outside <RunProvider>');
  return run;
}
