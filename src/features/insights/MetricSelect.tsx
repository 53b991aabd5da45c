import type { Metric } from '../../analysis';
import { metricLabel } from './words';

interface MetricSelectProps {
  id: string;
  label: string;
  metrics: readonly Metric[];
  value: Metric;
  onChange: (metric: Metric) => void;
}

/** A labelled choice of what a chart counts (turns, praise, …). */
export function MetricSelect({ id, label, metrics, value, onChange }: MetricSelectProps) {
  return (
    <label class="field metric-select" for={id}>
      <span>{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Metric)}>
        {metrics.map((m) => (
          <option key={m} value={m}>
            {metricLabel(m)}
          </option>
        ))}
      </select>
    </label>
  );
}
