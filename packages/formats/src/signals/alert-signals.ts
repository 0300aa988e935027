/**
 * Alerting deliveries → incidents: Prometheus Alertmanager's webhook (`{ version: "4", status,
 * alerts: [{ status, labels, annotations, startsAt, endsAt, fingerprint, generatorURL }] }`), Grafana's
 * unified alerting webhook (the same shape plus `orgId`, `title`, `state`, …) and Grafana's legacy
 * alert notification (`{ ruleId, ruleName, state: "alerting" | "ok", title, message }`).
 *
 * Each alert is one incident keyed by its fingerprint (else its sorted labels); `resolved` closes it.
 * A `deployment` label or `root_cause` annotation names the cause.
 */
import { arr, isoTime, obj, payloadObject, rootCausesIn, str } from './json-access.ts';
import type { IncidentSignal, ParsedDelivery } from './signal-types.ts';
import { type KeyOptions, extractWorkItemKeys } from './work-item-keys.ts';

function labelKey(labels: Record<string, unknown>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${String(labels[k])}`)
    .join(',');
}

export function parseAlertDelivery(payload: unknown, keys: KeyOptions = {}): ParsedDelivery {
  const p = payloadObject(payload, 'alerts', 'alert');
  const grafana = 'orgId' in p || 'ruleId' in p || 'dashboardId' in p;
  const signals: IncidentSignal[] = [];
  if (Array.isArray(p.alerts)) {
    for (const a of arr(p, 'alerts')) {
      const labels = obj(obj(a)?.labels) ?? {};
      const annotations = obj(obj(a)?.annotations) ?? {};
      const title = str(annotations, 'summary') ?? str(labels, 'alertname') ?? str(p, 'title') ?? 'alert';
      const description = str(annotations, 'description');
      const resolved = str(a, 'status') === 'resolved';
      const rootCause = str(annotations, 'root_cause') ?? str(labels, 'root_cause');
      signals.push({
        kind: 'incident',
        externalId: `alert:${str(a, 'fingerprint') ?? labelKey(labels)}`,
        title,
        state: resolved ? 'resolved' : 'open',
        severity: str(labels, 'severity'),
        createdAt: isoTime(str(a, 'startsAt')) ?? new Date(0).toISOString(),
        resolvedAt: resolved ? isoTime(str(a, 'endsAt')) : null,
        rootCauses: [
          ...(rootCause && /^[0-9a-f]{7,40}$/i.test(rootCause) ? [rootCause.toLowerCase()] : []),
          ...rootCausesIn(description),
        ],
        origin: 'alert',
        source: str(labels, 'service') ?? str(labels, 'job') ?? str(p, 'receiver'),
        url: str(a, 'generatorURL') ?? str(a, 'dashboardURL') ?? str(p, 'externalURL'),
        workItemKeys: extractWorkItemKeys([title, description, str(labels, 'deployment')], keys),
      });
    }
  } else if ('ruleId' in p || 'ruleName' in p) {
    const state = str(p, 'state');
    const title = str(p, 'title') ?? str(p, 'ruleName') ?? 'alert';
    const now = new Date(0).toISOString();
    signals.push({
      kind: 'incident',
      externalId: `grafana-rule:${str(p, 'ruleId') ?? str(p, 'ruleName') ?? ''}`,
      title,
      state: state === 'ok' ? 'resolved' : 'open',
      severity: null,
      createdAt: now,
      resolvedAt: null,
      rootCauses: rootCausesIn(str(p, 'message')),
      origin: 'alert',
      source: str(p, 'ruleName'),
      url: str(p, 'ruleUrl'),
      workItemKeys: extractWorkItemKeys([title, str(p, 'message')], keys),
    });
  }
  return { provider: 'alerts', event: grafana ? 'grafana' : 'alertmanager', signals };
}
