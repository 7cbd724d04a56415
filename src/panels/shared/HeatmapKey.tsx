/**
 * The key to what every heatmap draws over its cells: the dashed box around the selected unit's row and the
 * bar over the current timestep's column, styled with the heatmap's own marks (viz.css) so they match.
 */
import { useT } from '../../client/useT.ts';
import '../../viz/viz.css';
import './gatesState.css';

export function HeatmapKey() {
  const t = useT();
  return (
    <div className="heatmap-key" data-testid="heatmap-key">
      <span className="heatmap-key-item" data-testid="heatmap-key-unit">
        <svg width={26} height={12} aria-hidden="true">
          <rect className="viz-key-row" x={1} y={2} width={24} height={8} />
        </svg>
        {t('heat.legendUnit')}
      </span>
      <span className="heatmap-key-item" data-testid="heatmap-key-timestep">
        <svg width={12} height={16} aria-hidden="true">
          <rect className="viz-key-col-outer" x={3} y={1.5} width={6} height={13} />
          <rect className="viz-key-col-inner" x={3} y={1.5} width={6} height={13} />
        </svg>
        {t('heat.legendTimestep')}
      </span>
    </div>
  );
}
