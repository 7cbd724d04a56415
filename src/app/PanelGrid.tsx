/**
 * The panels, the cell diagram largest: it is where a student reads the equations with the actual numbers.
 * Each sits in a named grid slot, so the layout does not depend on what a panel draws inside.
 */
import type { ReactNode } from 'react';
import { CellPanel } from '../panels/cell/CellPanel.tsx';
import { ComparePanel } from '../panels/compare/ComparePanel.tsx';
import { GatesPanel } from '../panels/gates/GatesPanel.tsx';
import { GradCheckPanel } from '../panels/gradcheck/GradCheckPanel.tsx';
import { GradientDecayPanel } from '../panels/gradientDecay/GradientDecayPanel.tsx';
import { LossPanel } from '../panels/loss/LossPanel.tsx';
import { DataPanels } from '../panels/pipeline/DataPanels.tsx';
import { PredictionsPanel } from '../panels/predictions/PredictionsPanel.tsx';
import { StatePanel } from '../panels/state/StatePanel.tsx';
import { SummaryPanel } from '../panels/summary/SummaryPanel.tsx';
import { TextPanel } from '../panels/text/TextPanel.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';

function Slot(props: { area: string; children: ReactNode }) {
  return (
    <div className={`slot slot-${props.area}`}>
      <ErrorBoundary area={props.area}>{props.children}</ErrorBoundary>
    </div>
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
      </div>
    </>
  );
}
