// The app end to end: sign-in (link, password), portfolio, overview lenses, live updates between two
// browsers, and a stale edit resolved in the conflict dialog. Screenshots in light and dark.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { apiAs, describeBrowser, setColorScheme } from './harness.ts';

const liveIn = (page: Page) => page.locator('[data-live-status="live"]').waitFor({ timeout: 15_000 });

describeBrowser('web app', (t) => {
  it('signs in with the one-time link and lands on the portfolio', async () => {
    const page = await t.newPage();
    await page.goto(t.server.signInLink);
    await page.waitForURL(`${t.server.url}/`);
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    await page.getByRole('link', { name: /Northbridge Bank.*Open project/ }).waitFor();
    await page.getByRole('link', { name: /Calder & Finch.*Open project/ }).waitFor();
    // Each card shows its health reason, next milestone and budget state from the summary.
    await page.getByText('Planning gate passed (PM and TPM sign-off)').waitFor();
    await expect(page.getByText('Next milestone', { exact: true }).count()).resolves.toBe(2);
    await t.screenshot(page, 'portfolio');
    await setColorScheme(page, 'dark');
    await t.screenshot(page, 'portfolio');
    // The choice is kept across a reload, and applied before the app renders (no white flash).
    await page.reload({ waitUntil: 'commit' });
    await page.waitForFunction(() => document.documentElement.dataset.mantineColorScheme !== undefined);
    expect(await page.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe('dark');
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    expect(await page.title()).toBe('Portfolio · Tandem');

    // The link works once: followed again (another browser), the sign-in page explains why not.
    const again = await t.newPage();
    await again.goto(t.server.signInLink);
    await again.waitForURL(/\/sign-in\?link=invalid/);
    await again.getByRole('alert').filter({ hasText: 'That sign-in link no longer works' }).waitFor();
  });

  it('signs in with email and password, explaining a wrong password', async () => {
    const projectId = await t.projectId('Northbridge');
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await t.newPage({ colorScheme });
      await page.goto(`/projects/${projectId}?lens=tpm`);
      await page.waitForURL(/\/sign-in\?redirect=/);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await t.screenshot(page, 'sign-in');
      if (colorScheme === 'dark') continue;
      await page.getByLabel('Email').fill(t.server.ownerEmail);
      await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
      t.allowConsoleError(page, /status of 401/);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
      await page.getByRole('textbox', { name: 'Password' }).fill(t.server.ownerPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Back where the user was going.
      await page.waitForURL(/lens=tpm/);
      await page.getByRole('heading', { name: 'Critical path' }).waitFor();
    }
  });

  it('opens the demo project and switches between the PM and TPM lenses', async () => {
    const page = await t.signedInPage();
    await page.goto('/');
    await page.getByRole('link', { name: /Northbridge Bank.*Open project/ }).click();
    await page.getByRole('heading', { name: 'Northbridge Bank — online banking platform' }).waitFor();
    for (const heading of [
      'Milestones',
      'Budget and earned value',
      'Top risks',
      'Open change requests',
      'Stakeholders to update',
    ])
      await page.getByRole('heading', { name: heading }).waitFor();
    await page.getByText('Add Apple Pay and Google Pay provisioning to the mobile app').waitFor();
    await page.getByRole('img', { name: /^Earned value: PV/ }).waitFor();
    expect(await page.title()).toBe('Overview · Northbridge Bank — online banking platform · Tandem');
    await t.screenshot(page, 'overview-pm');

    await page.getByText('TPM lens').click();
    await page.waitForURL(/lens=tpm/);
    for (const heading of [
      'Critical path',
      'Blockers',
      'Technical risks',
      'Requirements coverage',
      'Releases',
      'Engineering health',
    ])
      await page.getByRole('heading', { name: heading }).waitFor();
    await page.getByText('No core banking test environment until 16 March').waitFor();
    // The demo's engineering history gives DORA's four keys beside the plan.
    await page.getByText('Change failure rate').waitFor();
    expect(await page.locator('#engineering-health').innerText()).not.toContain('NaN');
    await t.screenshot(page, 'overview-tpm');

    // The lens is in the address: a reload (or a shared link) keeps it. Keyboard switches it back.
    await page.reload();
    await page.getByRole('heading', { name: 'Critical path' }).waitFor();
    await page.getByRole('radio', { name: 'TPM lens' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL((url) => !url.search.includes('lens=tpm'));
    await page.getByRole('heading', { name: 'Milestones' }).waitFor();

    await setColorScheme(page, 'dark');
    await page.getByRole('img', { name: /^Earned value: PV/ }).waitFor();
    await t.screenshot(page, 'overview-pm');
    await page.getByText('TPM lens').click();
    await page.getByRole('heading', { name: 'Critical path' }).waitFor();
    await t.screenshot(page, 'overview-tpm');
  });

  it('shows one browser’s change in another without a reload', async () => {
    const projectId = await t.projectId('Northbridge');
    const [a, b] = [await t.signedInPage(), await t.signedInPage()];
    for (const page of [a, b]) {
      await page.goto(`/projects/${projectId}`);
      await page.getByRole('heading', { name: 'Milestones' }).waitFor();
      await liveIn(page);
    }
    await b.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    // A updates the project's status in the UI…
    await a.getByRole('button', { name: 'Update status' }).click();
    await a.getByText('Off track').click();
    await a
      .getByLabel('Reason')
      .fill('Vendor SDK slipped three weeks; strong authentication now on the critical path.');
    await a.getByRole('button', { name: 'Save status' }).click();
    await a.getByText('Status updated').waitFor();
    // …and B sees it, without reloading.
    await b
      .getByTestId('project-status-line')
      .filter({ hasText: 'Vendor SDK slipped three weeks' })
      .waitFor();
    await b.getByRole('banner').or(b.locator('main')).getByText('Off track').first().waitFor();

    // A renames a milestone (a work item); B's milestone table follows.
    const items = await apiAs<{ items: { id: string; version: number; name: string }[] }>(
      a,
      'GET',
      `/api/projects/${projectId}/work-items?key=go-live`,
    );
    const goLive = items.items[0]!;
    await apiAs(
      a,
      'PATCH',
      `/api/work-items/${goLive.id}`,
      { name: 'Go live (public launch)' },
      goLive.version,
    );
    // (The row under it, the milestone's engineering state, is named after it too.)
    await b.getByRole('cell', { name: 'Go live (public launch)' }).first().waitFor();
    await b.getByRole('group', { name: 'Engineering state of Go live (public launch)' }).waitFor();
    expect(await b.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  it('explains a stale edit and resolves it without losing either change', async () => {
    const projectId = await t.projectId('Northbridge');
    const [a, b] = [await t.signedInPage(), await t.signedInPage()];
    for (const page of [a, b]) {
      await page.goto(`/projects/${projectId}`);
      await page.getByRole('heading', { name: 'Milestones' }).waitFor();
    }
    // A opens the status form; meanwhile B sets the health to amber.
    await a.getByRole('button', { name: 'Update status' }).click();
    await b.getByRole('button', { name: 'Update status' }).click();
    await b.getByText('At risk', { exact: true }).click();
    await b.getByRole('button', { name: 'Save status' }).click();
    await b.getByText('Status updated').waitFor();

    // A, still on the old version, changes only the reason and saves: 412, and the dialog explains.
    const reason = 'Recovery plan agreed with the vendor; two-week slip absorbed by hypercare buffer.';
    await a.getByLabel('Reason').fill(reason);
    t.allowConsoleError(a, /status of 412/);
    await a.getByRole('button', { name: 'Save status' }).click();
    const dialog = a.getByRole('dialog', { name: /Someone else changed this first/ });
    await dialog.waitFor();
    await expect(dialog.getByTestId('mine-healthReason').textContent()).resolves.toBe(reason);
    await expect(dialog.getByTestId('theirs-healthReason').textContent()).resolves.toContain(
      'Vendor SDK slipped',
    );
    await dialog.getByText(/They also changed health/).waitFor();
    await t.screenshot(a, 'conflict');

    await dialog.getByRole('button', { name: 'Apply my change on top' }).click();
    await a.getByText('Status updated').waitFor();
    // Both changes survive: B's health and A's reason.
    const project = await apiAs<{ health: string; healthReason: string }>(
      a,
      'GET',
      `/api/projects/${projectId}`,
    );
    expect(project).toMatchObject({ health: 'amber', healthReason: reason });
    await b.getByTestId('project-status-line').filter({ hasText: 'Recovery plan agreed' }).waitFor();
  });

  it('explains a project that does not exist, and signs out cleanly', async () => {
    const page = await t.signedInPage();
    t.allowConsoleError(page, /status of 404/);
    await page.goto('/projects/0190a0a0-0000-7000-8000-000000000000');
    await page.getByText('Could not find this project').waitFor();
    // Keyboard first: the skip link is the first stop.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // Signed out for real: the app sends a visit back to sign-in.
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
  });

  it('serves the app with a content security policy and cached, code-split assets', async () => {
    const res = await fetch(`${t.server.url}/projects/x/board`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    const entry = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const asset = await fetch(`${t.server.url}${entry}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // The first load does not carry the pages: each is its own chunk, fetched on navigation.
    expect(html).not.toMatch(/overview-|portfolio-/);
  });
});
