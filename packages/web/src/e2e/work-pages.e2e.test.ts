// The work pages end to end, on one server: change a status on the board by dragging and by
// keyboard; add a risk and see it on the heat map; a grid inline edit persists; every page loads
// with its data and is screenshotted in light and dark (console errors fail any test).
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { apiAs, describeBrowser, setColorScheme } from './harness.ts';

interface Item {
  id: string;
  key: string;
  name: string;
  status: string;
  type: string;
}

async function items(page: Page, projectId: string): Promise<Item[]> {
  return (await apiAs<{ items: Item[] }>(page, 'GET', `/api/projects/${projectId}/work-items?limit=500`))
    .items;
}

interface GridItem {
  id: string;
  key: string;
  name: string;
  status: string;
}

const PAGES: { path: string; heading: string; ready: (page: Page) => Promise<unknown> }[] = [
  {
    path: 'backlog',
    heading: 'Backlog and sprints',
    ready: (p) => p.getByRole('region', { name: 'Backlog' }).waitFor(),
  },
  {
    path: 'changes',
    heading: 'Change requests',
    ready: (p) => p.getByRole('heading', { name: 'Sign-offs' }).waitFor(),
  },
  {
    path: 'stakeholders',
    heading: 'Stakeholders',
    ready: (p) => p.getByRole('img', { name: /^Influence and interest grid/ }).waitFor(),
  },
  {
    path: 'requirements',
    heading: 'Requirements',
    ready: (p) => p.getByRole('table', { name: 'Requirements' }).waitFor(),
  },
  {
    path: 'resources',
    heading: 'Resources',
    ready: (p) => p.getByRole('img', { name: /^Workload per week/ }).waitFor(),
  },
  {
    path: 'budget',
    heading: 'Budget and earned value',
    ready: (p) => p.getByRole('img', { name: /^S-curve/ }).waitFor(),
  },
];

describeBrowser('work pages', (t) => {
  it('moves a card to another status by dragging and by keyboard', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    const todo = (await items(page, projectId)).filter((i) => i.status === 'todo' && i.type === 'task');
    const [dragged, keyed] = [todo[0]!, todo[1]!];
    await page.goto(`/projects/${projectId}/board`);
    await page.getByRole('heading', { name: 'Board' }).waitFor();
    const column = (status: string) => page.locator(`section[data-status="${status}"]`);
    const card = (item: Item) => page.locator(`[data-card-id="${item.id}"]`);
    await column('todo').locator(`[data-card-id="${dragged.id}"]`).waitFor();
    // Only the page you are on is marked current in the project navigation.
    const current = page.locator('nav[aria-label="Project pages"] [aria-current="page"]');
    expect(await current.allInnerTexts()).toEqual(['Board']);
    await t.screenshot(page, 'board');

    // Pointer: drag from To do to In progress.
    await card(dragged).dragTo(column('in_progress'));
    await column('in_progress').locator(`[data-card-id="${dragged.id}"]`).waitFor();
    await expect
      .poll(async () => (await items(page, projectId)).find((i) => i.id === dragged.id)?.status)
      .toBe('in_progress');

    // Keyboard: focus the card, Shift+→ twice (To do → In progress → In review); focus follows it.
    await card(keyed).focus();
    await page.keyboard.press('Shift+ArrowRight');
    await column('in_progress').locator(`[data-card-id="${keyed.id}"]`).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-card-id')))
      .toBe(keyed.id);
    await page.keyboard.press('Shift+ArrowRight');
    await column('in_review').locator(`[data-card-id="${keyed.id}"]`).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `${keyed.key} moved to In review` })
      .waitFor({ state: 'attached' });
    await expect
      .poll(async () => (await items(page, projectId)).find((i) => i.id === keyed.id)?.status)
      .toBe('in_review');

    // Still there after a reload.
    await page.reload();
    await column('in_review').locator(`[data-card-id="${keyed.id}"]`).waitFor();
    await setColorScheme(page, 'dark');
    await t.screenshot(page, 'board');
  });

  it('adds a risk and shows it on the heat map', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    await page.goto(`/projects/${projectId}/raid`);
    await page.getByRole('heading', { name: 'RAID log' }).waitFor();
    const heatMap = page.getByRole('img', { name: /^Risk heat map:/ });
    await heatMap.waitFor();
    await t.screenshot(page, 'raid');
    // Nothing is Almost certain × Severe in the demo yet.
    expect(await heatMap.getAttribute('aria-label')).not.toContain('Almost certain × Severe');

    await page.getByRole('button', { name: 'New risk' }).click();
    const dialog = page.getByRole('dialog', { name: 'New risk' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Payments regulator rejects the app');
    await dialog.getByLabel('Probability').click();
    await page.getByRole('option', { name: /Almost certain/ }).click();
    await dialog.getByLabel('Impact').click();
    await page.getByRole('option', { name: '5 · Severe' }).click();
    await dialog.getByRole('textbox', { name: 'Owner' }).fill('Priya Shah');
    await dialog.getByRole('button', { name: 'Add risk' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Edit Payments regulator rejects the app' }).waitFor();
    await expect.poll(() => heatMap.getAttribute('aria-label')).toMatch(/Almost certain × Severe: 1/);
    // Its cell filters the list down to it.
    await page.getByRole('button', { name: 'Almost certain × Severe · 1' }).click();
    await page.getByText('Showing risks in').waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Risks' }).locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Clear filter' }).click();
    await setColorScheme(page, 'dark');
    await t.screenshot(page, 'raid');
  });

  it('edits a name and a status inline, and the edits persist', async () => {
    const page = await t.signedInPage();
    const projectId = await t.projectId('Northbridge');
    const list = async () =>
      (await apiAs<{ items: GridItem[] }>(page, 'GET', `/api/projects/${projectId}/work-items?limit=500`))
        .items;
    const target = (await list()).find((i) => i.key === 'kickoff') ?? (await list())[1]!;
    await page.goto(`/projects/${projectId}/grid`);
    const grid = page.getByRole('grid', { name: 'Work items' });
    await grid.waitFor();
    await t.screenshot(page, 'grid');

    // Click the name cell, type a new name, Enter.
    const name = page.getByRole('gridcell', { name: `${target.key} Name` });
    await name.click();
    await page.keyboard.type('Kick-off with the bank');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await list()).find((i) => i.id === target.id)?.name)
      .toBe('Kick-off with the bank');
    await page
      .getByRole('status')
      .filter({ hasText: `${target.key}: name saved` })
      .waitFor();

    // Status by keyboard: → to the status cell, Enter opens the list, pick "Blocked".
    await name.click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: `Status of ${target.key}` }).selectOption('blocked');
    await expect.poll(async () => (await list()).find((i) => i.id === target.id)?.status).toBe('blocked');

    await page.reload();
    await page
      .getByRole('gridcell', { name: `${target.key} Name` })
      .getByText('Kick-off with the bank')
      .waitFor();
    await setColorScheme(page, 'dark');
    await t.screenshot(page, 'grid');
  });

  it('shows every work page with its data, in light and dark', async () => {
    const projectId = await t.projectId('Northbridge');
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await t.signedInPage({ colorScheme });
      for (const { path, heading, ready } of PAGES) {
        await page.goto(`/projects/${projectId}/${path}`);
        await page.getByRole('heading', { name: heading, exact: true }).waitFor();
        await ready(page);
        await page.waitForTimeout(400); // chart animations settle
        await t.screenshot(page, path);
      }
    }
  });
});
