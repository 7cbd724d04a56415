/** A row of series keys (a short line in each series' colour and dash), for the loss and predictions charts. */
import '../../viz/viz.css';

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
  /** Drawn thick (smoothed curves, predictions) or faint (raw curves). */
  weight?: 'bold' | 'faint';
}

export function Legend({ items }: { items: readonly LegendItem[] }) {
  return (
    <div className="viz-series-legend chart-legend">
      {items.map((it) => (
        <span key={it.key} className="viz-series-key">
          <svg width={18} height={8} aria-hidden="true">
            <line
              x1={0}
              x2={18}
              y1={4}
              y2={4}
              stroke={it.color}
              strokeWidth={it.weight === 'bold' ? 3 : 2}
              strokeOpacity={it.weight === 'faint' ? 0.3 : 1}
              strokeDasharray={it.dashed ? '4 3' : undefined}
            />
          </svg>
          {it.label}
        </span>
      ))}
    </div>
  );
}
