// Engineering state beside the plan: the PM lens's milestones and the TPM lens's releases show the
// builds, deployments, incidents and coverage `GET /engineering` computes; the detail lists failing
// builds and open incidents; a failing build and an incident sent as signed GitHub webhooks show up
// live. Screenshots light and dark.
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { EngineeringState, EngineeringView } from '../api/engineering-state.ts';
import { engineeringBadges } from '../components/engineering-state.ts';
import { githubHook } from './github-hook.ts';
import { apiAs, describeBrowser, setColorScheme } from './harness.ts';

const REPO = { full_name: 'northbridge/online-banking', default_branch: 'main' };
const liveIn = (page: Page) => page.locator('[data-live-status="live"]').waitFor({ timeout: 15_000 });

/** The badges of a state as shown: kind, tone and the visible label. */
async function shownBadges(group: Locator) {
  return group.locator('[data-kind]').evaluateAll((els) =>
    els.map((el) => ({
      kind: el.getAttribute('data-kind'),
      tone: el.getAttribute('data-tone'),
      text: el.textContent ?? '',
    })),
  );
}

/** Waits until the group shows exactly the badges the state calls for (or the quiet empty line). */
async function expectState(group: Locator, state: EngineeringState) {
  const wanted = engineeringBadges(state);
  if (wanted.length === 0) {
    await group.getByText('No engineering signals linked').waitFor();
    return;
  }
  // Generous: the live refresh (or the first load) can take a while on a busy machine.
  await expect
    .poll(
      async () => {
        const shown = await shownBadges(group);
        return shown.map((b) => ({ kind: b.kind, tone: b.tone, label: b.text.split('. ')[0] }));
      },
      { timeout: 20_000, interval: 200 },
    )
    .toEqual(wanted.map((b) => ({ kind: b.kind, tone: b.tone, label: b.label })));
  for (const b of await shownBadges(group)) expect(b.text).not.toMatch(/NaN|undefined/);
}

describeBrowser('engineering state beside the plan', (t) => {
  it('shows each milestone and release with its engineering state, its detail, and new signals live', async () => {
    const projectId = await t.projectId('Northbridge');
    const page = await t.signedInPage();
    // The screenshot helper parks the mouse at the window's bottom edge: at 1000 px that is below the
    // milestones, so no badge tooltip covers the detail in the pictures.
    await page.setViewportSize({ width: 1440, height: 1000 });
    const view = await apiAs<EngineeringView>(page, 'GET', `/api/projects/${projectId}/engineering`);
    expect(view.milestones.length).toBeGreaterThan(0);

    // PM lens: every milestone row carries its state, as the API computes it.
    await page.goto(`/projects/${projectId}`);
    const milestones = page.locator('#milestones');
    await milestones.getByRole('heading', { name: 'Milestones' }).waitFor();
    for (const m of view.milestones)
      await expectState(milestones.getByRole('group', { name: `Engineering state of ${m.name}` }), m);
    // The demo has milestones with nothing linked yet (early gates) and ones with a failing build.
    expect(view.milestones.some((m) => engineeringBadges(m).length === 0)).toBe(true);
    const broken = view.milestones.find((m) => m.failingBuilds.length > 0 || m.openIncidents.length > 0);
    if (!broken) throw new Error('the demo has no milestone with a failing build or an open incident');

    // Its detail lists the failing builds and the open incidents. Escape closes it, back on the button.
    const details = milestones.getByRole('button', { name: `Engineering details of ${broken.name}` });
    await details.click();
    const detail = page.getByRole('dialog', { name: `Engineering details of ${broken.name}` });
    await detail.waitFor();
    await expect
      .poll(() => detail.evaluate((d) => d.contains(document.activeElement)), { timeout: 5_000 })
      .toBe(true);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    await expect
      .poll(() => details.evaluate((b) => b === document.activeElement), { timeout: 5_000 })
      .toBe(true);
    await details.click();
    for (const b of broken.failingBuilds)
      await detail.getByRole('list', { name: 'Failing builds' }).getByText(b.name).waitFor();
    for (const i of broken.openIncidents)
      await detail.getByRole('list', { name: 'Open incidents' }).getByText(i.title).waitFor();
    await t.screenshot(page, 'engineering-state-milestones');
    await details.click();
    await detail.waitFor({ state: 'hidden' });

    // TPM lens: the releases.
    await page.getByText('TPM lens').click();
    await page.waitForURL(/lens=tpm/);
    const releases = page.locator('#releases');
    await releases.getByRole('heading', { name: 'Releases' }).waitFor();
    for (const r of view.releases)
      await expectState(releases.getByRole('group', { name: `Engineering state of ${r.name}` }), r);
    await t.screenshot(page, 'engineering-state-releases');
    await setColorScheme(page, 'dark');
    await t.screenshot(page, 'engineering-state-releases');

    // A failing build on critical-path work (the mobile app) and an incident, through a signed webhook.
    const send = await githubHook(page, t.server.url, projectId, 'GitHub (e2e)');
    await liveIn(page);
    await send('workflow_run', {
      workflow_run: {
        id: 5001,
        name: 'Mobile app build',
        status: 'completed',
        conclusion: 'failure',
        head_sha: 'e2e0001',
        head_branch: 'feature/mobile-app-biometrics',
        run_started_at: '2026-02-14T09:00:00Z',
        updated_at: '2026-02-14T09:12:00Z',
        html_url: 'https://github.com/northbridge/online-banking/actions/runs/5001',
      },
      repository: REPO,
    });
    await send('issues', {
      action: 'opened',
      issue: {
        number: 4242,
        title: 'Mobile app crashes at sign-in (mobile-app)',
        body: 'Android 14 users cannot sign in.',
        state: 'open',
        labels: [{ name: 'Incident' }, { name: 'sev2' }],
        created_at: '2026-02-14T10:00:00Z',
      },
      repository: REPO,
    });
    const after = await apiAs<EngineeringView>(page, 'GET', `/api/projects/${projectId}/engineering`);
    const release = after.releases.find((r) => r.failingBuilds.some((b) => b.name === 'Mobile app build'));
    if (!release) throw new Error('the failing build reached no release');
    expect(release.failingBuilds.find((b) => b.name === 'Mobile app build')?.criticalWorkItemIds).not.toEqual(
      [],
    );
    // Shown without a reload (the live stream refreshes the engineering queries).
    for (const r of after.releases)
      await expectState(releases.getByRole('group', { name: `Engineering state of ${r.name}` }), r);
    const group = releases.getByRole('group', { name: `Engineering state of ${release.name}` });
    await group
      .locator('[data-kind="builds"][data-tone="bad"]')
      .getByText(/1 critical/)
      .waitFor();
    await group.locator('[data-kind="incidents"][data-tone="bad"]').waitFor();
    await releases.getByRole('button', { name: `Engineering details of ${release.name}` }).click();
    const releaseDetail = page.getByRole('dialog', { name: `Engineering details of ${release.name}` });
    await releaseDetail.getByText('Builds failing on the critical path: 1').waitFor();
    const failing = releaseDetail.getByRole('list', { name: 'Failing builds' }).getByRole('listitem');
    await failing.filter({ hasText: 'Mobile app build' }).getByText('Critical path').waitFor();
    await releaseDetail
      .getByRole('list', { name: 'Open incidents' })
      .getByText('Mobile app crashes at sign-in (mobile-app)')
      .waitFor();
    await t.screenshot(page, 'engineering-state-detail');
    await setColorScheme(page, 'light'); // the click outside closes the detail: open it again
    await releases.getByRole('button', { name: `Engineering details of ${release.name}` }).click();
    await releaseDetail.getByText('Builds failing on the critical path: 1').waitFor();
    await t.screenshot(page, 'engineering-state-detail');

    // And the milestones it feeds, after a reload too.
    await page.goto(`/projects/${projectId}`);
    for (const m of after.milestones)
      await expectState(milestones.getByRole('group', { name: `Engineering state of ${m.name}` }), m);
    await setColorScheme(page, 'dark');
    await t.screenshot(page, 'engineering-state-milestones');
  });
});
