// GitHub webhook deliveries for browser tests, signed the way GitHub signs them (X-Hub-Signature-256:
// HMAC-SHA256 of the exact body with the hook's secret), sent straight to the test server.
import { createHmac, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { apiAs } from './harness.ts';

/** POSTs `body` as GitHub event `event` to `url`, signed with `secret`; the response status. */
export async function sendGithubDelivery(
  url: string,
  secret: string,
  event: string,
  body: string,
): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/e2e',
      'x-github-event': event,
      'x-github-delivery': randomUUID(),
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

/**
 * Configures a GitHub hook on the project (as `page`'s user) and returns a sender that delivers an
 * event's payload to it and expects it accepted (202).
 */
export async function githubHook(
  page: Page,
  serverUrl: string,
  projectId: string,
  name: string,
): Promise<(event: string, payload: unknown) => Promise<void>> {
  const hook = await apiAs<{ url: string; secret: string }>(
    page,
    'POST',
    `/api/projects/${projectId}/hook-configs`,
    { provider: 'github', name },
  );
  return async (event, payload) => {
    expect(
      await sendGithubDelivery(`${serverUrl}${hook.url}`, hook.secret, event, JSON.stringify(payload)),
    ).toBe(202);
  };
}
