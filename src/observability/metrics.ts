// Prometheus metrics (prom-client), one registry per process: what flows through each stage and what fails.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Queues } from '../queue/queues.js';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'vigie_' });

export const mentionsCollected = new Counter({ name: 'vigie_mentions_collected_total', help: 'Mentions fetched from sources or imported, before entity matching', labelNames: ['platform', 'source'], registers: [registry] });
export const mentionsQuarantined = new Counter({ name: 'vigie_mentions_quarantined_total', help: 'Items that failed to parse and went to quarantine', labelNames: ['platform', 'source'], registers: [registry] });
export const mentionsScored = new Counter({ name: 'vigie_mentions_scored_total', help: 'Mentions scored, by language and sentiment', labelNames: ['platform', 'lang', 'sentiment'], registers: [registry] });
export const mentionsStored = new Counter({ name: 'vigie_mentions_stored_total', help: 'Mentions stored for the first time, per entity', labelNames: ['platform', 'entity'], registers: [registry] });
export const mentionsDuplicate = new Counter({ name: 'vigie_mentions_duplicate_total', help: 'Mentions already stored (retries, overlaps): only their engagement was refreshed', labelNames: ['platform'], registers: [registry] });
export const jobFailures = new Counter({ name: 'vigie_job_failures_total', help: 'Failed job attempts per stage (retried while attempts remain)', labelNames: ['stage'], registers: [registry] });
export const jobWait = new Histogram({
  name: 'vigie_job_wait_seconds',
  help: 'Time a job waited in its queue before a worker took it',
  labelNames: ['stage'],
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 15, 60, 300],
  registers: [registry],
});
export const alertsRaised = new Counter({ name: 'vigie_alerts_total', help: 'Alert events by severity (opened, escalated, resolved)', labelNames: ['event', 'severity'], registers: [registry] });
export const deliveryAttempts = new Counter({ name: 'vigie_alert_delivery_attempts_total', help: 'Alert delivery attempts per channel and result', labelNames: ['channel', 'result'], registers: [registry] });
export const rateLimitRemaining = new Gauge({ name: 'vigie_platform_rate_limit_remaining', help: 'Requests left in the current rate-limit window, as the platform last said', labelNames: ['source'], registers: [registry] });

/** Queue depth per stage and state, read from Redis when Prometheus scrapes. */
export function registerQueueGauges(queues: Queues): Gauge {
  const existing = registry.getSingleMetric('vigie_queue_jobs');
  if (existing) registry.removeSingleMetric('vigie_queue_jobs');
  return new Gauge({
    name: 'vigie_queue_jobs',
    help: 'Jobs per stage and state',
    labelNames: ['stage', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [stage, queue] of Object.entries(queues)) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
        for (const [state, n] of Object.entries(counts)) this.set({ stage, state }, n);
      }
    },
  });
}
