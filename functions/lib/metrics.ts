/**
 * Metrics as CloudWatch embedded metric format (Powertools): one log line per count, no API call.
 * POWERTOOLS_METRICS_NAMESPACE names them; locally POWERTOOLS_METRICS_DISABLED keeps them quiet.
 */

import { Metrics as PowertoolsMetrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { GaugeName, MetricName, Metrics } from '../../shared/ports.js';

export function powertoolsMetrics(serviceName: string): Metrics {
  const metrics = new PowertoolsMetrics({ serviceName });
  return {
    count: (name: MetricName) => {
      // Published at once, so a count is never lost to an invocation that throws afterwards.
      metrics.addMetric(name, MetricUnit.Count, 1);
      metrics.publishStoredMetrics();
    },
    gauge: (name: GaugeName, value: number) => {
      metrics.addMetric(name, MetricUnit.Count, value);
      metrics.publishStoredMetrics();
    },
  };
}
