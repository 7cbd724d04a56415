import { createContext, useContext } from 'react';
import { useOptionalRun } from './runContext.ts';
import type { TrainerControls } from '../contracts/runControls.ts';

/** The page's controls (a race is driven as a whole); without it, a component drives the run it shows. */
export const ClientContext = createContext<TrainerControls | null>(null);

export function useClient(): TrainerControls {
  const page = useContext(ClientContext);
  const run = useOptionalRun();
  const client = page ?? run?.controls;
  if (!client) throw new Error('useClient() outside <ClientContext> and <RunProvider>');
  return client;
}
