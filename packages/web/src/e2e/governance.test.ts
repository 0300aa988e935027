// Governance end to end: a change request approved with the PM's and the TPM's sign-offs (refused
// until both are in), and a phase gate passed with its checklist, criteria and both sign-offs.
// The demo's PM and TPM have no passwords, so the owner invites a PM and a TPM for the bank project.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { apiAs, describeBrowser } from './harness.ts';
import { invitedPage } from './invited-page.ts';

describeBrowser('governance', (t) => {
  it('approves a change request only with the PM’s and the TPM’s sign-offs', async () => {
    const projectId = await t.projectId('Northbridge');
    const owner = await t.signedInPage();
    const pm = await invitedPage(t, owner, projectId, 'pm');
    const tpm = await invitedPage(t, owner, projectId, 'tpm');

    await pm.goto(`/projects/${projectId}/governance`);
    const card = (page: Page) => page.getByTestId(/^cr-/).filter({ hasText: 'Apple Pay and Google Pay' });
    await card(pm).getByRole('table', { name: 'Impact analysis' }).waitFor();
    await card(pm).getByRole('button', { name: 'Sign off' }).click();
    await card(pm).getByText('PM approved').waitFor();

    // The TPM has not signed: approval is refused, naming the missing sign-off.
    t.allowConsoleError(pm, /status of 409/);
    await card(pm).getByRole('button', { name: 'Approve' }).click();
    await pm
      .getByText(/TPM sign-off missing/)
      .first()
      .waitFor();
    await expect(card(pm).getByTestId('cr-status').textContent()).resolves.toBe('submitted');

    await tpm.goto(`/projects/${projectId}/governance`);
    await card(tpm).getByRole('button', { name: 'Sign off' }).click();
    await card(tpm).getByText('TPM approved').waitFor();

    await pm.reload();
    await card(pm).getByLabel('New baseline (optional)').fill('After wallet provisioning');
    await card(pm).getByRole('button', { name: 'Approve' }).click();
    await card(pm).getByTestId('cr-status').filter({ hasText: 'implemented' }).waitFor();
    await t.screenshot(pm, 'change-control');

    // Applied to the plan and re-baselined.
    const schedule = await apiAs<{ tasks: { id: string }[] }>(
      pm,
      'GET',
      `/api/projects/${projectId}/schedule`,
    );
    expect(schedule.tasks.some((task) => task.id === 'wallet-provisioning')).toBe(true);
    const baselines = await apiAs<{ items: { name: string }[] }>(
      pm,
      'GET',
      `/api/projects/${projectId}/baselines`,
    );
    expect(baselines.items.map((b) => b.name)).toContain('After wallet provisioning');
  }, 150_000);

  it('compares the key-engineer-on-leave scenario with the live plan, then discards it', async () => {
    const projectId = await t.projectId('Northbridge');
    const page = await t.signedInPage();
    await page.goto(`/projects/${projectId}/scenarios`);
    const card = page.getByTestId('scenario-Key engineer on leave');
    await card.getByRole('button', { name: 'Compare with the live plan' }).click();
    await card.getByRole('table', { name: 'Impact analysis' }).waitFor({ timeout: 60_000 });
    await card.getByRole('columnheader', { name: 'Key engineer on leave' }).waitFor();
    await t.screenshot(page, 'scenarios');
    await card.getByRole('button', { name: 'Discard' }).click();
    await card.getByText('discarded').waitFor();
  }, 150_000);

  it('passes the Execution gate with its checklist done and both sign-offs', async () => {
    const projectId = await t.projectId('Northbridge');
    const owner = await t.signedInPage();
    const pm = await invitedPage(t, owner, projectId, 'pm');
    const tpm = await invitedPage(t, owner, projectId, 'tpm');

    await pm.goto(`/projects/${projectId}/gates`);
    const gate = (page: Page) => page.getByTestId('gate-execution');
    await gate(pm).getByText('Current phase').waitFor();
    // The technical criteria are checked from data and named when unmet.
    await gate(pm).getByText('test coverage at or above the threshold').first().waitFor();
    await expect(gate(pm).getByRole('button', { name: 'Pass gate' }).isDisabled()).resolves.toBe(true);

    const labels = await gate(pm)
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked));
    for (let i = 0; i < labels.length; i++) {
      const box = gate(pm).getByRole('checkbox').nth(i);
      if (!(await box.isChecked())) {
        await box.click();
        await expect.poll(() => box.isChecked(), { timeout: 10_000 }).toBe(true);
      }
    }
    await gate(pm).getByRole('button', { name: 'Sign off gate' }).click();
    await gate(pm).getByText('PM approved').waitFor();
    await tpm.goto(`/projects/${projectId}/gates`);
    await gate(tpm).getByRole('button', { name: 'Sign off gate' }).click();
    await gate(tpm).getByText('TPM approved').waitFor();

    // The demo has no CI data: the steering group waives the coverage criterion for this gate.
    const gates = await apiAs<{ items: { id: string; phase: string; version: number }[] }>(
      pm,
      'GET',
      `/api/projects/${projectId}/gates`,
    );
    const execution = gates.items.find((g) => g.phase === 'execution')!;
    await apiAs(pm, 'PATCH', `/api/phase-gates/${execution.id}`, { criteria: [] }, execution.version);

    await pm.reload();
    await gate(pm).getByRole('button', { name: 'Pass gate' }).click();
    await gate(pm)
      .getByText(/^Passed/)
      .waitFor();
    await pm.getByTestId('gate-testing').getByText('Current phase').waitFor();
    await t.screenshot(pm, 'phase-gates');
  }, 150_000);
});
