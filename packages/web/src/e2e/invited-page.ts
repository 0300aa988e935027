// A new user with a role in a project, for browser tests that need people other than the demo owner
// (the demo's PM and TPM have no passwords): the owner invites them, they accept and are signed in.
import type { Page } from 'playwright-core';
import { type BrowserTest, apiAs } from './harness.ts';

/** A new user with `role` in the workspace and the project, signed in on a new page. */
export async function invitedPage(
  t: BrowserTest,
  owner: Page,
  projectId: string,
  role: 'pm' | 'tpm' | 'member' | 'viewer',
): Promise<Page> {
  const invitation = await apiAs<{ token: string }>(owner, 'POST', '/api/invitations', {
    email: `${role}-${Date.now()}@e2e.test`,
    role,
    projectId,
    projectRole: role,
  });
  const page = await t.newPage();
  const res = await page.request.post(`${t.server.url}/api/auth/invitations/accept`, {
    headers: { 'content-type': 'application/json' },
    data: JSON.stringify({
      token: invitation.token,
      name: `E2E ${role.toUpperCase()}`,
      password: 'a long e2e password 42',
    }),
  });
  if (!res.ok()) throw new Error(`accept: ${res.status()} ${await res.text()}`);
  return page;
}
