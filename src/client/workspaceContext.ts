/**
 * The page's runs as the race panel and the app shell see them: the run controller (its workspace store
 * lists the runs and the focused one), handed down by React context.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { RunController, WorkspaceState } from './runController.ts';

const WorkspaceContext = createContext<RunController | null>(null);

export function WorkspaceProvider(props: { controller: RunController; children: ReactNode }) {
  return createElement(WorkspaceContext.Provider, { value: props.controller }, props.children);
}

/** The page's run controller, or null where a run is shown on its own (a test, an embedded panel). */
export function useRunController(): RunController | null {
  return useContext(WorkspaceContext);
}

const NO_WORKSPACE: WorkspaceState = { runs: [], focus: 0, racing: false };
const emptyStore = { getState: () => NO_WORKSPACE, getInitialState: () => NO_WORKSPACE, subscribe: () => () => undefined, setState: () => undefined };

export function useWorkspace<T>(selector: (s: WorkspaceState) => T): T {
  const controller = useRunController();
  return useStore(controller?.workspace ?? emptyStore, selector);
}
