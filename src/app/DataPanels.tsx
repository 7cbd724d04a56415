/**
 * The row of dataset-task panels above the model panels: the pipeline and the test metrics for a forecast,
 * the confusion matrix and the metrics for a classifier. Chosen by the task (so they show while its data
 * load); character tasks have the text panel instead.
 */
import { useApp } from '../client/useApp.ts';
import { ConfusionPanel } from '../panels/confusion/ConfusionPanel.tsx';
import { MetricsPanel } from '../panels/metrics/MetricsPanel.tsx';
import { PipelinePanel } from '../panels/pipeline/PipelinePanel.tsx';
import { dataPanelKind } from '../panels/shared/pipelineView.ts';
import '../panels/shared/pipeline.css';

export function DataPanels() {
  const kind = useApp((s) => dataPanelKind(s.config.task));
  if (kind === 'forecast') {
    return (
      <div className="data-panels data-panels-forecast">
        <PipelinePanel />
        <MetricsPanel />
      </div>
    );
  }
  if (kind === 'classification') {
    return (
      <div className="data-panels data-panels-classification">
        <ConfusionPanel />
        <MetricsPanel />
      </div>
    );
  }
  return null;
}
