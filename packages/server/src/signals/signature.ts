/**
 * Webhook authenticity, checked before anything is read or stored, in constant time:
 *
 * - GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`;
 * - CircleCI: `circleci-signature: v1=<hex HMAC-SHA256 of the raw body>` (several comma-separated
 *   versions may be sent; any `v1` that matches is enough);
 * - GitLab: `X-Gitlab-Token: <secret>`;
 * - Jenkins and alerting tools (Alertmanager's and Grafana's `Authorization` setting):
 *   `Authorization: Bearer <secret>`, or `X-Tandem-Token: <secret>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { HookProvider } from '../db/schema.ts';

export function hmacHex(secret: string, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

function equalHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function equalSecret(secret: string, given: string): boolean {
  // Hash both sides first so that the comparison takes the same time whatever the lengths.
  const a = createHmac('sha256', 'tandem-compare').update(secret).digest();
  const b = createHmac('sha256', 'tandem-compare').update(given).digest();
  return timingSafeEqual(a, b) && secret.length === given.length;
}

export function verifySignature(
  provider: HookProvider,
  secret: string,
  header: (name: string) => string | undefined,
  rawBody: Uint8Array,
): boolean {
  switch (provider) {
    case 'github': {
      const sig = header('x-hub-signature-256') ?? '';
      if (!sig.startsWith('sha256=')) return false;
      return equalHex(hmacHex(secret, rawBody), sig.slice('sha256='.length));
    }
    case 'circleci': {
      const expected = hmacHex(secret, rawBody);
      let ok = false;
      for (const part of (header('circleci-signature') ?? '').split(',')) {
        const [version, value] = part.trim().split('=');
        if (version === 'v1' && value !== undefined && equalHex(expected, value)) ok = true;
      }
      return ok;
    }
    case 'gitlab':
      return equalSecret(secret, header('x-gitlab-token') ?? '');
    case 'jenkins':
    case 'alerts': {
      const auth = header('authorization') ?? '';
      const given = /^Bearer\s+(.+)$/i.exec(auth)?.[1] ?? header('x-tandem-token') ?? '';
      return equalSecret(secret, given);
    }
  }
}
