// The Integrations page end to end: a GitHub webhook added from the page (its secret shown once), a
// signed `push` sent to its URL from the test and seen in the deliveries, opened and replayed; the
// secret rotated (the old one refused from then on); a calendar feed whose URL serves iCalendar until
// it is revoked; a real MS Project file imported into a new project (progress to done, tasks on the
// Gantt) and a truncated one refused with its problems and nothing imported; an MS Project XML export.
// Screenshots in light and dark.
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Page as ApiPage, Project, WorkItem } from '../api/types.ts';
import { sendGithubDelivery } from './github-hook.ts';
import { apiAs, describeBrowser, setColorScheme } from './harness.ts';
import { invitedPage } from './invited-page.ts';

// The reference data sits beside the repository (`../shared/data` from its root); never copied in.
const MSPDI = fileURLToPath(new URL('../../../../../shared/data/mspdi/', import.meta.url));
const SAMPLE = join(MSPDI, 'sample.xml');
const noData = !existsSync(SAMPLE);

/** A GitHub `push` as GitHub sends it (the fields Tandem reads), for `repository`. */
function pushPayload(repository: string, message: string): string {
  const sha = createHmac('sha1', 'e2e').update(message).digest('hex');
  const timestamp = new Date().toISOString();
  return JSON.stringify({
    ref: 'refs/heads/main',
    before: '0'.repeat(40),
    after: sha,
    repository: { full_name: repository, default_branch: 'main' },
    head_commit: { id: sha, message, timestamp },
    commits: [
      {
        id: sha,
        message,
        timestamp,
        author: { name: 'E2E Tester' },
        url: `https://github.com/${repository}/commit/${sha}`,
      },
    ],
  });
}

async function newProject(page: Page, name: string): Promise<string> {
  const project = await apiAs<Project>(page, 'POST', '/api/projects', { name, start: '2026-01-05' });
  return project.id;
}

async function workItemCount(page: Page, projectId: string): Promise<number> {
  const items = await apiAs<ApiPage<WorkItem>>(
    page,
    'GET',
    `/api/projects/${projectId}/work-items?limit=500`,
  );
  return items.items.length;
}

async function openIntegrations(page: Page, projectId: string): Promise<void> {
  await page.goto(`/projects/${projectId}/integrations`);
  await page.getByRole('heading', { name: 'Integrations' }).waitFor();
}

describeBrowser('integrations', (t) => {
  it('adds a GitHub webhook, receives a signed push, replays it and rotates the secret', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    await page.goto(`/projects/${projectId}`);
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.waitForURL(/\/integrations$/);
    await page.getByRole('heading', { name: 'Integrations' }).waitFor();
    // The demo's webhooks are listed.
    await page.getByTestId('hook-GitHub — northbridge/online-banking').waitFor();

    await page.getByRole('button', { name: 'Add webhook' }).click();
    const form = page.getByRole('dialog', { name: 'Add webhook' });
    await form.getByLabel('Name').fill('E2E GitHub');
    await form.getByLabel('Repository').fill('northbridge/e2e-service');
    await form.getByRole('button', { name: 'Add webhook' }).click();

    const panel = page.getByTestId('hook-secret-panel');
    await panel.waitFor();
    const url = await panel.getByTestId('hook-url').inputValue();
    const secret = await panel.getByTestId('hook-secret').inputValue();
    expect(url).toMatch(new RegExp(`^${t.server.url}/api/hooks/github/[0-9a-f-]+$`));
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await panel.getByText('Settings → Webhooks → Add webhook').waitFor();
    await panel.getByText('Content type: application/json', { exact: false }).waitFor();
    await t.screenshot(page, 'integrations-webhook-secret');
    await page.getByRole('button', { name: 'I have saved the secret' }).click();
    await panel.waitFor({ state: 'detached' });

    // Listed with the secret's hint only; the secret itself is gone from the page.
    const row = page.getByTestId('hook-E2E GitHub');
    await row.getByText(`••••${secret.slice(-4)}`).waitFor();
    await row.getByText('northbridge/e2e-service').waitFor();
    expect(await page.content()).not.toContain(secret);

    // A signed push from "GitHub".
    const message = `e2e: signed push ${randomUUID().slice(0, 8)}`;
    expect(
      await sendGithubDelivery(url, secret, 'push', pushPayload('northbridge/e2e-service', message)),
    ).toBe(202);
    expect(
      await sendGithubDelivery(url, 'x'.repeat(32), 'push', pushPayload('northbridge/e2e-service', 'forged')),
    ).toBe(401);

    await page.getByRole('button', { name: 'Refresh' }).click();
    const delivery = page.getByTestId('delivery-row').filter({ hasText: 'E2E GitHub' });
    await delivery.getByText('processed').waitFor();
    await expect.poll(() => delivery.count()).toBe(1); // the forged one was not stored
    await delivery.getByRole('button', { name: /^Open the push delivery/ }).click();
    const detail = page.getByTestId('delivery-detail');
    await detail.getByTestId('delivery-body').getByText(message).first().waitFor();
    await detail.getByText('x-github-event').waitFor();
    expect(await detail.getByTestId('delivery-parsed').innerText()).toContain('"kind": "change"');
    expect(await detail.innerText()).not.toContain('sha256=');
    await t.screenshot(page, 'integrations-delivery');
    await detail.getByRole('button', { name: 'Replay' }).click();
    await detail.getByText('The stored body was parsed again and applied: processed, 1 signal.').waitFor();
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await row.getByText('Never').waitFor({ state: 'detached' }); // last delivery shown

    // Rotate: the new secret once; the old one is refused from then on.
    await row.getByRole('button', { name: 'Rotate the secret of E2E GitHub' }).click();
    const rotated = page.getByTestId('hook-secret-panel');
    await page.getByRole('dialog', { name: 'New secret for E2E GitHub' }).waitFor();
    const newSecret = await rotated.getByTestId('hook-secret').inputValue();
    expect(newSecret).not.toBe(secret);
    await page.getByRole('button', { name: 'I have saved the secret' }).click();
    await row.getByText(`••••${newSecret.slice(-4)}`).waitFor();
    expect(
      await sendGithubDelivery(url, secret, 'push', pushPayload('northbridge/e2e-service', 'old secret')),
    ).toBe(401);
    expect(
      await sendGithubDelivery(url, newSecret, 'push', pushPayload('northbridge/e2e-service', 'new secret')),
    ).toBe(202);

    // Pause it (If-Match on the row's version): deliveries are refused while paused.
    await row.getByRole('switch', { name: 'Deactivate E2E GitHub' }).click();
    await row.getByText('Paused').waitFor();
    expect(
      await sendGithubDelivery(url, newSecret, 'push', pushPayload('northbridge/e2e-service', 'paused')),
    ).toBe(401);

    await t.screenshot(page, 'integrations');
    await setColorScheme(page, 'dark');
    await t.screenshot(page, 'integrations');
  });

  it('creates a calendar feed whose URL serves iCalendar until it is revoked', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    await openIntegrations(page, projectId);
    await page.getByLabel('Feed name').fill('E2E milestones');
    await page.getByRole('button', { name: 'Create feed' }).click();
    const created = page.getByTestId('feed-created');
    await created.waitFor();
    const url = await created.getByTestId('feed-url').inputValue();
    const webcal = await created.getByTestId('feed-webcal').inputValue();
    expect(url).toMatch(new RegExp(`^${t.server.url}/api/feeds/tdmcal_[A-Za-z0-9_-]+\\.ics$`));
    expect(webcal).toBe(url.replace(/^https?:/, 'webcal:'));
    await created.getByRole('tab', { name: 'Outlook' }).click();
    await created.getByText('Subscribe from web', { exact: false }).waitFor();

    const ics = await fetch(url);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');

    const feed = page.getByTestId('feed-row').filter({ hasText: 'E2E milestones' });
    await feed.getByRole('button', { name: 'Revoke E2E milestones' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke calendar feed?' })
      .getByRole('button', { name: 'Revoke feed' })
      .click();
    await feed.getByText('Revoked').waitFor();
    expect((await fetch(url)).status).toBe(404);
  });

  it.skipIf(noData)(
    'imports an MS Project file into a new project, and refuses a truncated one',
    async () => {
      const page = await t.signedInPage();
      const projectId = await newProject(page, 'Imported from MS Project');
      await openIntegrations(page, projectId);
      await page.locator('input[type="file"]').setInputFiles(SAMPLE);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByTestId('import-result').waitFor();
      expect(await page.getByTestId('import-progress').getAttribute('data-phase')).toBe('done');
      const result = await page.getByTestId('import-result').innerText();
      expect(result).toContain('Imported sample.xml');
      expect(result).toMatch(/Tasks\s+19/);
      await t.screenshot(page, 'integrations-import');
      expect(await workItemCount(page, projectId)).toBe(19);
      await page.goto(`/projects/${projectId}/gantt`);
      const grid = page.getByRole('treegrid', { name: 'Tasks of the schedule' });
      await grid.getByText('First Task', { exact: true }).waitFor();
      await grid.getByText('Second Task', { exact: true }).waitFor();

      // A truncated file: every problem with its place, and nothing imported.
      const broken = join(mkdtempSync(join(tmpdir(), 'tandem-import-')), 'truncated.xml');
      writeFileSync(broken, readFileSync(SAMPLE, 'utf8').slice(0, 4000));
      const empty = await newProject(page, 'Import refused');
      await openIntegrations(page, empty);
      await page.locator('input[type="file"]').setInputFiles(broken);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const problems = page.getByTestId('import-problems');
      await problems.waitFor();
      expect(await problems.innerText()).toMatch(/problems? in truncated\.xml: nothing was imported/);
      expect(
        await problems.getByRole('table', { name: 'Import problems' }).locator('tbody tr').count(),
      ).toBeGreaterThan(0);
      await problems.getByText('not well-formed XML', { exact: false }).first().waitFor();
      expect(await workItemCount(page, empty)).toBe(0);
      await t.screenshot(page, 'integrations-import-problems');

      // A file whose format cannot be told: the server's 415, said plainly.
      const text = join(mkdtempSync(join(tmpdir(), 'tandem-import-')), 'notes.txt');
      writeFileSync(text, 'not a plan');
      t.allowConsoleError(page, /status of 415/);
      await page.locator('input[type="file"]').setInputFiles(text);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const refused = page.getByTestId('import-refused');
      await refused.getByText('Tandem cannot tell this file’s format').waitFor();
      await refused.getByText('Cannot tell the format from Content-Type', { exact: false }).waitFor();
      expect(await refused.innerText()).toContain('Nothing was imported.');
    },
  );

  it('exports the plan as MS Project XML under the server’s file name', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    await openIntegrations(page, projectId);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'MS Project XML' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('northbridge-bank-online-banking-platform.xml');
    const file = await download.path();
    const xml = readFileSync(file, 'utf8');
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(xml).toContain('<Project xmlns="http://schemas.microsoft.com/project">');
    await page.getByText('Saved northbridge-bank-online-banking-platform.xml.').waitFor();
  });

  it('shows a viewer the feeds and exports without any write button, and a PM everything', async () => {
    const owner = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    const viewer = await invitedPage(t, owner, projectId, 'viewer');
    await openIntegrations(viewer, projectId);
    await viewer.getByRole('status').filter({ hasText: 'Read-only' }).waitFor();
    await viewer.getByRole('heading', { name: 'Calendar feed' }).waitFor();
    await viewer.getByRole('button', { name: 'MS Project XML' }).waitFor();
    for (const name of ['Add webhook', 'Create feed', 'Import'])
      expect(await viewer.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await viewer.getByRole('heading', { name: 'Webhooks' }).count()).toBe(0);

    // A PM of the project (by membership) has them all.
    const pm = await invitedPage(t, owner, projectId, 'pm');
    await openIntegrations(pm, projectId);
    for (const name of ['Add webhook', 'Create feed', 'Import'])
      await pm.getByRole('button', { name, exact: true }).waitFor();
  });
});
