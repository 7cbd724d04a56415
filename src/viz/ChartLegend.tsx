/** A row of series keys: a short line in each series' colour and dash, or a colour box (a model, a layer). */
import { Notation } from './Notation.tsx';
import './viz.css';

export interface LegendItem {
  key: string;
  /** Notation in it (x_t, h_{t−1}) is typeset. */
  label: string;
  color: string;
  dashed?: boolean;
  /** A dash pattern of its own (wins over `dashed`). */
  dash?: string;
  /** Drawn thick (smoothed curves, predictions) or faint (raw curves). */
  weight?: 'bold' | 'faint';
  /** A filled box instead of a line: the colour stands for a whole series group. */
  box?: boolean;
  /** A class of the key (e.g. a style the chart's own curve has too) and a test id. */
  className?: string;
  testId?: string;
}

export function Legend({ items, className }: { items: readonly LegendItem[]; className?: string }) {
  return (
    <div className={`viz-series-legend chart-legend ${className ?? ''}`}>
      {items.map((it) => (
        <span key={it.key} className={`viz-series-key ${it.className ?? ''}`} data-testid={it.testId}>
          {it.box ? (
            <svg width={14} height={10} aria-hidden="true">
              <rect width={14} height={10} rx={2} fill={it.color} />
            </svg>
          ) : (
            <svg width={22} height={8} aria-hidden="true">
              <line
                x1={0}
                x2={22}
                y1={4}
                y2={4}
                stroke={it.color}
                strokeWidth={it.weight === 'bold' ? 3 : 2}
                strokeOpacity={it.weight === 'faint' ? 0.3 : 1}
                strokeDasharray={it.dash ?? (it.dashed ? '4 3' : undefined)}
              />
            </svg>
          )}
          <span>
            <Notation text={it.label} />
          </span>
        </span>
      ))}
    </div>
  );
}
