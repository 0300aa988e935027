// The Engineering page end to end, on the demo's 12 weeks of engineering history: opened from the
// project navigation, the four keys equal `GET /dora` (also for another window), the trend charts and
// the releases table render, a risk raised from a failing build and from an open incident lands in the
// RAID log, the signal lists show deployments, an SLO added through the form shows its error budget,
// and a project without signals shows empty states. Screenshots light and dark.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { formatMinutes, formatRate, formatWindow } from '../pages/engineering/dora-format.ts';
import type { Deployment, Dora, Slo, SloStatus } from '../pages/engineering/engineering-types.ts';
import { githubHook } from './github-hook.ts';
import { apiAs, describeBrowser, setColorScheme } from './harness.ts';

interface Page_<T> {
  items: T[];
}
interface Risk {
  id: string;
  key: string | null;
  kind: string;
  title: string;
  category: string | null;
}
interface EngineeringView {
  project: {
    failingBuilds: { id: string; name: string }[];
    openIncidents: { id: string; title: string }[];
  };
}

const fourKeys = (page: Page) => page.locator('#four-keys');
const REPO = { full_name: 'northbridge/online-banking', default_branch: 'main' };

/** What the page should show for the keys of `dora`. */
function expectedKeyTexts(dora: Dora): string[] {
  const k = dora.keys;
  return [
    k.deploymentFrequency.bucket,
    `${k.deploymentFrequency.deployments} production deployments`,
    formatMinutes(k.leadTime.medianMinutes),
    `median of ${k.leadTime.count} changes`,
    formatRate(k.changeFailureRate.rate),
    `${k.changeFailureRate.failedDeployments} of ${k.changeFailureRate.deployments} deployments`,
    formatMinutes(k.timeToRestore.medianMinutes),
    `${k.timeToRestore.openIncidents} open`,
  ];
}

async function expectKeys(page: Page, dora: Dora): Promise<void> {
  await expect
    .poll(
      async () => {
        const text = await fourKeys(page).innerText();
        return expectedKeyTexts(dora).filter((t) => !text.includes(t));
      },
      { timeout: 15_000 },
    )
    .toEqual([]);
  expect(await fourKeys(page).innerText()).toContain(formatWindow(dora.from, dora.to));
}

describeBrowser('engineering page', (t) => {
  it('shows the demo’s four keys as GET /dora has them, trends, releases and the signal lists', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    await page.goto(`/projects/${projectId}`);
    await page.locator('nav[aria-label="Project pages"]').getByRole('link', { name: 'Engineering' }).click();
    await page.getByRole('heading', { name: 'Engineering', exact: true }).waitFor();
    expect(page.url()).toContain(`/projects/${projectId}/engineering`);
    const current = page.locator('nav[aria-label="Project pages"] [aria-current="page"]');
    expect(await current.allInnerTexts()).toEqual(['Engineering']);

    const dora = await apiAs<Dora>(page, 'GET', `/api/projects/${projectId}/dora`);
    expect(dora.keys.deploymentFrequency.deployments).toBeGreaterThan(0);
    await expectKeys(page, dora);
    expect(await page.getByTestId('overall-band').textContent()).toBe(dora.keys.rating);

    // Trend charts: each drawn on a canvas.
    const chart = page.getByRole('img', { name: /^Deployments per week/ });
    await chart.locator('canvas').first().waitFor();
    for (const name of [/^Change failure rate/, /^Lead time for changes/, /^Time to restore/])
      await page.getByRole('img', { name }).locator('canvas').first().waitFor();

    // Every release of the demo is in the table.
    const releases = page.getByRole('table', { name: 'Releases' });
    await releases.waitFor();
    expect(dora.releases.length).toBeGreaterThan(0);
    for (const r of dora.releases) {
      const row = releases.locator('tr', { hasText: r.name }).first();
      await row.waitFor();
      // Deployment frequency over the days the release was deployed in, as the API has it.
      const f = r.keys.deploymentFrequency;
      expect(await row.innerText()).toContain(f.deployments === 0 ? '0' : `${f.deployments} · ${f.bucket}`);
    }
    expect(dora.releases.some((r) => r.keys.deploymentFrequency.rating === 'high')).toBe(true);

    // The deployments tab lists the newest deployment first.
    const newest = await apiAs<Page_<Deployment>>(
      page,
      'GET',
      `/api/projects/${projectId}/deployments?sort=deployedAt&direction=desc&limit=1`,
    );
    const deployments = page.getByRole('table', { name: 'Deployments' });
    await deployments.waitFor();
    const firstRow = deployments.locator('tbody tr').first();
    expect(await firstRow.innerText()).toContain(newest.items[0]!.environment);
    expect(await firstRow.innerText()).toContain(newest.items[0]!.sha!.slice(0, 7));
    expect(await deployments.locator('tbody tr').count()).toBe(20);
    const link = firstRow.getByRole('link', { name: /^Open deployment/ });
    expect(await link.getAttribute('href')).toBe(newest.items[0]!.url);

    // The other lists, by keyboard: arrows move between the tabs.
    await page.getByRole('tab', { name: 'Deployments' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('table', { name: 'Incidents' }).waitFor();
    await page.keyboard.press('ArrowRight');
    const runs = page.getByRole('table', { name: 'CI runs' });
    await runs.waitFor();
    expect(await runs.innerText()).toMatch(/\d+\.\d%/); // coverage
    await page.keyboard.press('ArrowRight');
    const changes = page.getByRole('table', { name: 'Changes' });
    await changes.waitFor();
    expect(await changes.innerText()).toMatch(/#\d+/); // pull requests

    expect(await page.locator('main').innerText()).not.toContain('NaN');
    await page.getByRole('tab', { name: 'Deployments' }).click();
    await t.screenshot(page, 'engineering');
    await setColorScheme(page, 'dark');
    await chart.locator('canvas').first().waitFor();
    await t.screenshot(page, 'engineering');
  });

  it('follows the window and the period the user picks', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    await page.goto(`/projects/${projectId}/engineering`);
    const base = await apiAs<Dora>(page, 'GET', `/api/projects/${projectId}/dora`);
    await expectKeys(page, base);

    await page.getByRole('radiogroup', { name: 'Window' }).getByText('30 days').click();
    await page.getByRole('radiogroup', { name: 'Period' }).getByText('Day').click();
    const to = Date.parse(base.to);
    const from = new Date(to - 30 * 86_400_000).toISOString();
    const month = await apiAs<Dora>(
      page,
      'GET',
      `/api/projects/${projectId}/dora?from=${from}&to=${base.to}&bucket=day`,
    );
    expect(month.series).toHaveLength(30);
    await expectKeys(page, month);
    await page
      .getByRole('img', { name: /^Deployments per day/ })
      .locator('canvas')
      .first()
      .waitFor();
    expect(await page.locator('main').innerText()).not.toContain('NaN');
  });

  it('raises a RAID risk from a failing build and from an open incident in one click', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    const view = await apiAs<EngineeringView>(page, 'GET', `/api/projects/${projectId}/engineering`);
    const build = view.project.failingBuilds[0];
    const incident = view.project.openIncidents[0];
    expect(build, 'the demo has a failing build').toBeDefined();
    expect(incident, 'the demo has an open incident').toBeDefined();
    await page.goto(`/projects/${projectId}/engineering`);
    const broken = page.locator('#broken-now');

    await broken.getByRole('button', { name: `Raise risk for build ${build!.name}` }).click();
    await broken.getByRole('button', { name: /^Risk raised for build/ }).waitFor();
    const notice = page.locator('.mantine-Notification-root', { hasText: build!.name });
    await notice.waitFor();

    await broken.getByRole('button', { name: `Raise risk for incident ${incident!.title}` }).click();
    await broken.getByRole('button', { name: /^Risk raised for incident/ }).waitFor();

    const risks = (await apiAs<Page_<Risk>>(page, 'GET', `/api/projects/${projectId}/raid?limit=500`)).items;
    const fromBuild = risks.find((r) => r.title.startsWith(`Build "${build!.name}" failing`));
    const fromIncident = risks.find((r) => r.title.startsWith(`Incident: ${incident!.title}`));
    expect(fromBuild?.category).toBe('technical');
    expect(fromIncident?.category).toBe('technical');
    // The notification names the new risk and leads to the RAID log.
    expect(await notice.first().innerText()).toContain(fromBuild!.key ?? '');
    await notice.first().getByRole('link', { name: 'Open the RAID log' }).click();
    await page.waitForURL(`**/projects/${projectId}/raid`);
    await page.getByText(fromBuild!.title).first().waitFor();
  });

  it('shows a critical-path build failure and a failed deployment arriving by webhook, live', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    await page.goto(`/projects/${projectId}/engineering`);
    const broken = page.locator('#broken-now');
    await broken.getByText('Failing builds').waitFor();
    await page.locator('[data-live-status="live"]').waitFor({ timeout: 15_000 });

    const send = await githubHook(page, t.server.url, projectId, 'GitHub (engineering e2e)');
    // The mobile app is on the demo's critical path; its branch names the work item.
    await send('workflow_run', {
      workflow_run: {
        id: 7001,
        name: 'Mobile app build',
        status: 'completed',
        conclusion: 'failure',
        head_sha: 'e2e7001',
        head_branch: 'feature/mobile-app-biometrics',
        run_started_at: '2026-02-13T09:00:00Z',
        updated_at: '2026-02-13T09:12:00Z',
        html_url: 'https://github.com/northbridge/online-banking/actions/runs/7001',
      },
      repository: REPO,
    });
    await send('deployment_status', {
      deployment: {
        id: 9001,
        sha: 'e2e9001',
        ref: 'feature/mobile-app-biometrics',
        environment: 'production',
        created_at: '2026-02-13T12:00:00Z',
      },
      deployment_status: {
        state: 'failure',
        environment: 'production',
        updated_at: '2026-02-13T12:05:00Z',
        target_url: 'https://github.com/northbridge/online-banking/deployments/9001',
      },
      repository: REPO,
    });

    // Shown without a reload: the build flagged as on the critical path, the deployment as failed.
    const buildRow = broken.locator('li', { hasText: 'Mobile app build' });
    await buildRow.getByText('Critical path').waitFor({ timeout: 15_000 });
    await buildRow.getByText('mobile-app').first().waitFor();
    const deploymentRow = broken.locator('li', { hasText: 'production' });
    await deploymentRow.getByText('e2e9001').waitFor({ timeout: 15_000 });

    await deploymentRow.getByRole('button', { name: 'Raise risk for deployment 9001' }).click();
    await deploymentRow.getByRole('button', { name: /^Risk raised for deployment 9001/ }).waitFor();
    const risks = (await apiAs<Page_<Risk>>(page, 'GET', `/api/projects/${projectId}/raid?limit=500`)).items;
    const risk = risks.find((r) => r.title.startsWith('Deployment to production'));
    expect(risk?.title).toContain('(critical path)');
    await t.screenshot(page, 'engineering-broken');
  });

  it('shows each SLO’s error budget, and adds one through the form', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    const slos = (await apiAs<Page_<Slo>>(page, 'GET', `/api/projects/${projectId}/slos`)).items;
    expect(slos.length, 'the demo has SLOs').toBeGreaterThan(0);
    const status = await apiAs<SloStatus>(page, 'GET', `/api/slos/${slos[0]!.id}/status`);
    await page.goto(`/projects/${projectId}/engineering`);
    const card = page.getByRole('article', { name: `SLO ${slos[0]!.name}` });
    await card.getByText('Error budget left').waitFor();
    expect(await card.innerText()).toContain(formatRate(Math.max(0, status.remaining)));
    expect(
      Number(
        await card.getByRole('progressbar', { name: /^Error budget left/ }).getAttribute('aria-valuenow'),
      ),
    ).toBe(Math.round(Math.max(0, Math.min(1, status.remaining)) * 1000) / 10);

    const panel = page.locator('#slos');
    await panel.getByRole('button', { name: 'Add SLO' }).click();
    const form = panel.getByRole('form', { name: 'Add an SLO' });
    await form.getByLabel('Name').fill('Login availability');
    await form.getByLabel('Objective (%)').fill('99.5');
    await form.getByLabel('Window (days)').fill('14');
    await form.getByRole('button', { name: 'Add SLO' }).click();
    const added = page.getByRole('article', { name: 'SLO Login availability' });
    await added.getByText('Error budget left').waitFor();
    expect(await added.innerText()).toContain('99.5% over 14 days');
    const saved = (await apiAs<Page_<Slo>>(page, 'GET', `/api/projects/${projectId}/slos`)).items.find(
      (s) => s.name === 'Login availability',
    );
    expect(saved).toMatchObject({ objective: 0.995, windowDays: 14, method: 'incidents' });
  });

  it('shows empty states for a project without signals', async () => {
    const page = await t.signedInPage();
    const project = await apiAs<{ id: string }>(page, 'POST', '/api/projects', {
      name: 'Quiet project',
      start: '2026-01-05',
    });
    await page.goto(`/projects/${project.id}/engineering`);
    await page.getByText('No deployments, changes or incidents in this window').waitFor();
    await page.getByText('No trend to draw yet').waitFor();
    await page.getByText('No builds, deployments or incidents yet').waitFor();
    await page.getByText('No releases yet').waitFor();
    await page.getByText('No deployments yet').waitFor();
    await page.getByText('No SLOs yet').waitFor();
    const connect = page.getByRole('link', { name: 'Connect GitHub, GitLab, CI, alerts' });
    expect(await connect.count()).toBeGreaterThanOrEqual(3);
    expect(await connect.first().getAttribute('href')).toBe(`/projects/${project.id}/integrations`);
    expect(await page.locator('main').innerText()).not.toContain('NaN');
    await t.screenshot(page, 'engineering-empty');
    await setColorScheme(page, 'dark');
    await t.screenshot(page, 'engineering-empty');

    // The empty state's form adds the first SLO.
    const form = page.getByRole('form', { name: 'Add an SLO' });
    await form.getByLabel('Name').fill('Site up');
    await form.getByRole('button', { name: 'Add SLO' }).click();
    const card = page.getByRole('article', { name: 'SLO Site up' });
    await card.getByText('Error budget left').waitFor();
    expect(await card.innerText()).toContain('100%');
  });
});
