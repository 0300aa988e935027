// Status reports and the staffing advisor end to end: each audience's report is generated and
// previewed for the demo project (the executive one in plain words, the engineering one with the
// critical path and DORA), Markdown and PDF downloads arrive, and the advisor answers for the project
// and for an edited profile; a meeting's action item becomes a work item. Screenshots in light and dark.
import { expect, it } from 'vitest';
import { describeBrowser, setColorScheme } from './harness.ts';

describeBrowser('status reports and the staffing advisor', (t) => {
  it('generates, previews and downloads each audience’s report', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    await page.goto(`/projects/${projectId}/reports`);
    await page.getByRole('heading', { name: 'Status reports' }).waitFor();
    const frame = page.frameLocator('[data-testid="report-preview"]');
    await frame.getByRole('heading', { name: 'Executive status report' }).waitFor();
    const executive = await frame.locator('body').innerText();
    expect(executive).toContain('Top risks');
    expect(executive).not.toMatch(/\bfloat\b|critical path|\bSPI\b|\bDORA\b|lead time/i);
    await t.screenshot(page, 'reports');

    // The audience picker's, not the navigation's Engineering page.
    const audience = page.locator('.mantine-SegmentedControl-root');
    await audience.getByText('Engineering', { exact: true }).click();
    await frame.getByRole('heading', { name: 'Engineering status report' }).waitFor();
    const engineering = await frame.locator('body').innerText();
    expect(engineering).toContain('Critical path');
    expect(engineering).toContain('DORA four keys');

    await audience.getByText('Project manager', { exact: true }).click();
    await frame.getByRole('heading', { name: 'Project manager status report' }).waitFor();
    expect(await frame.locator('body').innerText()).toContain('Change requests');

    // Another status date gives another report.
    await page.getByLabel('Status date').fill('2026-03-13');
    await frame.getByText('status date 2026-03-13').first().waitFor();

    for (const format of ['PDF', 'Markdown']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: format }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`-pm-2026-03-13\\.${format === 'PDF' ? 'pdf' : 'md'}$`),
      );
    }
    await setColorScheme(page, 'dark');
    await t.screenshot(page, 'reports');
  });

  it('advises for the project and for an edited profile', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    await page.goto(`/projects/${projectId}/advisor`);
    const advice = page.getByTestId('advice');
    await advice.getByRole('heading', { name: /^Recommendation: / }).waitFor();
    await advice.getByText('The sources disagree').first().waitFor();
    await page.getByLabel('Team size').fill('100');
    await page.getByLabel('Number of technologies').fill('12');
    await page.getByRole('button', { name: 'Advise' }).click();
    await advice.getByRole('heading', { name: 'Recommendation: PM + TPM (dual leadership)' }).waitFor();
    await t.screenshot(page, 'advisor');
  });

  it('turns a meeting’s action item into a work item', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    await page.goto(`/projects/${projectId}/meetings`);
    const status = page.getByTestId('meeting-Weekly status meeting');
    await status.waitFor();
    const item = status.getByTestId('action-item').filter({ hasText: 'Escalate the identity-verification' });
    await item.getByRole('button', { name: 'Make a work item' }).click();
    await item.getByText('Work item').waitFor();
    await t.screenshot(page, 'meetings');
  });
});
