/** Sidebar RPC of the expectation check: every client's metric history, asked once when a form opens. */
import { metricHistory, type MetricHistory } from '../workbook/expectations';

/** Sidebar (New client, Edit client, card): every client's metrics and logged values; the check runs in the sidebar. */
export function rpcGetMetricHistory(): MetricHistory {
  return metricHistory();
}
