/**
 * The panels, the cell diagram largest: it is where a student reads the equations with the actual numbers.
 * Each sits in a named grid slot, so the layout does not depend on what a panel draws inside; a slot also
 * watches whether it is on screen, so the views inside are updated only now and then while scrolled away.
 */
import { useRef, type ReactNode } from 'react';
import { CellPanel } from '../panels/cell/CellPanel.tsx';
import { ComparePanel } from '../panels/compare/ComparePanel.tsx';
import { GatesPanel } from '../panels/gates/GatesPanel.tsx';
import { GradCheckPanel } from '../panels/gradcheck/GradCheckPanel.tsx';
import { GradientDecayPanel } from '../panels/gradientDecay/GradientDecayPanel.tsx';
import { LossPanel } from '../panels/loss/LossPanel.tsx';
import { DataPanels } from './DataPanels.tsx';
import { PredictionsPanel } from '../panels/predictions/PredictionsPanel.tsx';
import { StatePanel } from '../panels/state/StatePanel.tsx';
import { SummaryPanel } from '../panels/summary/SummaryPanel.tsx';
import { TextPanel } from '../panels/text/TextPanel.tsx';
import { useObservedVisibility, VisibilityContext } from '../client/visibility.ts';
import { UnrolledPanel } from '../panels/unrolled/UnrolledPanel.tsx';
import { ActivationsPanel } from '../panels/activations/ActivationsPanel.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';

function Watched(props: { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const visibility = useObservedVisibility(ref);
  return (
    <div ref={ref} className={props.className}>
      <VisibilityContext value={visibility}>{props.children}</VisibilityContext>
    </div>
  );
}

/** A panel's place in the grid: watched for visibility, and a panel that throws takes only itself down. */
function Slot(props: { area: string; children: ReactNode }) {
  return (
    <Watched className={`slot slot-${props.area}`}>
      <ErrorBoundary area={props.area}>{props.children}</ErrorBoundary>
    </Watched>
  );
}

export function PanelGrid() {
  return (
    <>
      {/* Compare mode: the race on top; the panels below follow the model chosen there. */}
      <ErrorBoundary area="compare">
        <ComparePanel />
      </ErrorBoundary>
      {/* Dataset tasks: pipeline, metrics and confusion panels first; they are what such a task is about. */}
      <ErrorBoundary area="data">
        <DataPanels />
      </ErrorBoundary>
      <ErrorBoundary area="text">
        <TextPanel />
      </ErrorBoundary>
      <div className="panel-grid">
        <Slot area="cell">
          <CellPanel />
        </Slot>
        <Slot area="loss">
          <LossPanel />
        </Slot>
        <Slot area="predictions">
          <PredictionsPanel />
        </Slot>
        <Slot area="gates">
          <GatesPanel />
        </Slot>
        <Slot area="state">
          <StatePanel />
        </Slot>
        <Slot area="summary">
          <SummaryPanel />
        </Slot>
        <Slot area="gradientDecay">
          <GradientDecayPanel />
        </Slot>
        <Slot area="gradcheck">
          <GradCheckPanel />
        </Slot>
        <Slot area="unrolled">
          <UnrolledPanel />
        </Slot>
        <Slot area="activations">
          <ActivationsPanel />
        </Slot>
      </div>
    </>
  );
}
