// The Gantt page end to end against the real server: the demo project's tasks and critical path; dragging a
// bar re-schedules (its successors move, the finish date changes); dragging from one bar's end to another
// creates a dependency; a link's line opens the Task Dependency dialog (type, lag, delete), also from the
// toolbar's Links menu by keyboard; a failing build is marked on its task. Screenshots in light and dark.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { EngineeringView } from '../api/engineering-state.ts';
import type { Page as ApiPage, Project, Schedule, ScheduledTask, WorkItem } from '../api/types.ts';
import type { Dependency } from '../pages/gantt/gantt-api.ts';
import { apiAs, describeBrowser, setColorScheme } from './harness.ts';

interface Plan {
  project: Project;
  schedule: Schedule;
  items: Map<string, WorkItem & { actualStart?: string | null }>;
  deps: Dependency[];
  byKey: Map<string, ScheduledTask>;
}

async function loadPlan(page: Page, projectId: string): Promise<Plan> {
  const project = await apiAs<Project>(page, 'GET', `/api/projects/${projectId}`);
  const schedule = await apiAs<Schedule>(page, 'GET', `/api/projects/${projectId}/schedule`);
  const items = await apiAs<ApiPage<WorkItem>>(
    page,
    'GET',
    `/api/projects/${projectId}/work-items?limit=500`,
  );
  const deps = await apiAs<ApiPage<Dependency>>(
    page,
    'GET',
    `/api/projects/${projectId}/dependencies?limit=500`,
  );
  return {
    project,
    schedule,
    items: new Map(items.items.map((w) => [w.key, w])),
    deps: deps.items,
    byKey: new Map(schedule.tasks.map((t) => [t.id, t])),
  };
}

/** Not started: no actual start and no progress, after the status date. */
function notStarted(plan: Plan, t: ScheduledTask): boolean {
  const item = plan.items.get(t.id);
  const status = plan.project.statusDate ?? '';
  return !t.summary && !t.milestone && !item?.actualStart && !item?.percentComplete && t.start > status;
}

function ancestors(plan: Plan, key: string): ScheduledTask[] {
  const chain: ScheduledTask[] = [];
  for (let p = plan.byKey.get(key)?.parentId; p; p = plan.byKey.get(p)?.parentId) {
    const parent = plan.byKey.get(p);
    if (parent) chain.unshift(parent);
  }
  return chain;
}

async function openGantt(page: Page, projectId: string): Promise<void> {
  await page.goto(`/projects/${projectId}/gantt`);
  await page.getByRole('treegrid', { name: 'Tasks of the schedule' }).waitFor();
  await page.locator('[data-bar-id]').first().waitFor({ state: 'attached' });
}

/** Collapses everything, then expands the summaries above the given tasks so their rows are near the top. */
async function showTasks(page: Page, plan: Plan, keys: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Collapse all' }).click();
  const opened = new Set<string>();
  for (const key of keys) {
    for (const parent of ancestors(plan, key)) {
      if (opened.has(parent.id)) continue;
      opened.add(parent.id);
      await page.getByRole('button', { name: `Expand ${parent.name}` }).click();
    }
  }
}

/** Selects the task's row and scrolls its bar into the chart. */
async function revealBar(page: Page, key: string) {
  await page.locator(`[role="row"][data-task-id="${key}"]`).click();
  await page.getByRole('button', { name: 'Scroll to task' }).click();
  const bar = page.locator(`[data-bar-id="${key}"]`);
  await bar.waitFor({ state: 'attached' });
  return bar;
}

async function box(page: Page, key: string) {
  const b = await page.locator(`[data-bar-id="${key}"]`).boundingBox();
  if (!b) throw new Error(`no bar for ${key}`);
  return b;
}

/**
 * Links whose line is unambiguous near the successor (its only predecessor, the predecessor's only successor)
 * between two tasks, into a task that has not started: the schedule moves it when the link changes.
 */
function lonelyLinks(plan: Plan): { dep: Dependency; pred: ScheduledTask; succ: ScheduledTask }[] {
  const idToKey = new Map([...plan.items.values()].map((w) => [w.id, w.key]));
  const count = (ids: string[]) =>
    ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());
  const preds = count(plan.deps.map((d) => d.successorId));
  const succs = count(plan.deps.map((d) => d.predecessorId));
  return plan.deps.flatMap((dep) => {
    const pred = plan.byKey.get(idToKey.get(dep.predecessorId) ?? '');
    const succ = plan.byKey.get(idToKey.get(dep.successorId) ?? '');
    if (!pred || !succ || pred.summary || succ.summary || !notStarted(plan, succ)) return [];
    if (preds.get(dep.successorId) !== 1 || succs.get(dep.predecessorId) !== 1) return [];
    return [{ dep, pred, succ }];
  });
}

/** Shows both tasks of a link and returns the centre of its line's hit box (a point on the drawn line). */
async function revealLink(
  page: Page,
  plan: Plan,
  link: { dep: Dependency; pred: ScheduledTask; succ: ScheduledTask },
) {
  await showTasks(page, plan, [link.pred.id, link.succ.id]);
  await revealBar(page, link.succ.id);
  const spot = page.locator(`[data-link-id="${link.dep.id}"]`);
  await spot.waitFor({ state: 'attached' });
  await expect(spot.getAttribute('data-from')).resolves.toBe(link.pred.id);
  await expect(spot.getAttribute('data-to')).resolves.toBe(link.succ.id);
  const b = (await spot.boundingBox())!;
  const chart = (await page.getByTestId('gantt-chart').boundingBox())!;
  const p = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  expect(p.x).toBeGreaterThan(chart.x);
  expect(p.x).toBeLessThan(chart.x + chart.width);
  return { spot, ...p };
}

async function dependencyList(page: Page, projectId: string): Promise<Dependency[]> {
  return (await apiAs<ApiPage<Dependency>>(page, 'GET', `/api/projects/${projectId}/dependencies?limit=500`))
    .items;
}

describeBrowser('Gantt', (t) => {
  it('shows the demo project’s tasks and its critical path', async () => {
    const projectId = await t.projectId('Northbridge');
    const page = await t.signedInPage();
    await openGantt(page, projectId);
    const plan = await loadPlan(page, projectId);
    // the first rows of the outline are in the grid, with their level and expand state
    const first = plan.schedule.tasks[0]!;
    const row = page.locator(`[role="row"][data-task-id="${first.id}"]`);
    await expect(row.getAttribute('aria-level')).resolves.toBe('1');
    await expect(row.textContent()).resolves.toContain(first.name);
    if (first.summary) await expect(row.getAttribute('aria-expanded')).resolves.toBe('true');
    // the critical path is drawn in red: the critical bars in view are marked so
    const critical = plan.schedule.tasks.filter((x) => x.critical).map((x) => x.id);
    expect(critical.length).toBeGreaterThan(0);
    const marked = await page
      .locator('[data-bar-id][data-critical]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-bar-id')));
    expect(marked.length).toBeGreaterThan(0);
    for (const key of marked) expect(critical).toContain(key);
    // the finish date in the header is the schedule's
    const finish = new Date(`${plan.schedule.project.finish.slice(0, 10)}T00:00:00Z`);
    const expected = `${finish.getUTCDate()} ${finish.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })} ${finish.getUTCFullYear()}`;
    await expect(page.getByTestId('project-finish').textContent()).resolves.toBe(expected);
    // a bar's dates are read with its row (screen readers)
    await expect(row.textContent()).resolves.toMatch(/from \d+ \w+ \d{4} to \d+ \w+ \d{4}/);
    // the critical-path toggle turns the red off and on
    const toggle = page.getByRole('switch', { name: 'Critical path' });
    await toggle.click();
    await expect.poll(() => page.locator('[data-bar-id][data-critical]').count()).toBe(0);
    await toggle.click();
    await expect.poll(() => page.locator('[data-bar-id][data-critical]').count()).toBe(marked.length);
    // keyboard: arrows move the selection in the tree grid
    await page.getByRole('treegrid').focus();
    await page.keyboard.press('Home');
    await expect(row.getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect(row.getAttribute('aria-selected')).resolves.toBe('false');
    await t.screenshot(page, 'gantt');
    await setColorScheme(page, 'dark');
    await t.screenshot(page, 'gantt');
  });

  it('marks the task a failing build names: a red mark, its tooltip, and the row read aloud', async () => {
    const projectId = await t.projectId('Northbridge');
    const page = await t.signedInPage();
    await openGantt(page, projectId);
    const plan = await loadPlan(page, projectId);
    const engineering = await apiAs<EngineeringView>(page, 'GET', `/api/projects/${projectId}/engineering`);
    const keyOf = new Map([...plan.items.values()].map((w) => [w.id, w.key]));
    const failing = engineering.project.failingBuilds.find((b) => b.workItemIds.some((id) => keyOf.has(id)));
    if (!failing) throw new Error('the demo has no failing build on a task');
    const key = keyOf.get(failing.workItemIds.find((id) => keyOf.has(id))!)!;
    await showTasks(page, plan, [key]);
    const bar = await revealBar(page, key);
    await expect(bar.getAttribute('data-alert')).resolves.toContain(`Failing build: ${failing.name}`);
    const row = page.locator(`[role="row"][data-task-id="${key}"]`);
    await expect(row.textContent()).resolves.toContain(`Failing build: ${failing.name}`);
    // tasks nothing is broken on carry no mark
    const marked = await page.locator('[data-bar-id][data-alert]').count();
    expect(marked).toBeLessThan(await page.locator('[data-bar-id]').count());
    const b = (await bar.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page
      .getByRole('tooltip')
      .filter({ hasText: `⚠ Failing build: ${failing.name}` })
      .waitFor();
    await t.screenshot(page, 'gantt-alert');
  });

  it('re-schedules when a bar is dragged: its successors move and the finish date changes', async () => {
    const projectId = await t.projectId('Northbridge');
    const page = await t.signedInPage();
    await openGantt(page, projectId);
    const plan = await loadPlan(page, projectId);
    const idToKey = new Map([...plan.items.values()].map((w) => [w.id, w.key]));
    // a critical task not started yet, with a successor that is a task
    let pick: { task: ScheduledTask; successor: ScheduledTask } | undefined;
    for (const task of plan.schedule.tasks) {
      if (!task.critical || !notStarted(plan, task)) continue;
      const itemId = plan.items.get(task.id)?.id;
      const next = plan.deps
        .filter((d) => d.predecessorId === itemId)
        .map((d) => plan.byKey.get(idToKey.get(d.successorId) ?? ''))
        .find((s) => s !== undefined && !s.summary);
      if (next) {
        pick = { task, successor: next };
        break;
      }
    }
    if (!pick) throw new Error('the demo plan has no critical, not-started task with a successor');
    const { task, successor } = pick;
    await showTasks(page, plan, [task.id, successor.id]);
    const bar = await revealBar(page, task.id);
    const before = {
      finish: await page.getByTestId('project-finish').textContent(),
      next: await box(page, successor.id),
    };
    const b = (await bar.boundingBox())!;
    // two weeks later at the week scale (9 px a day)
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2 + 40, b.y + b.height / 2, { steps: 4 });
    await page.mouse.move(b.x + b.width / 2 + 126, b.y + b.height / 2, { steps: 4 });
    await page.getByRole('tooltip').filter({ hasText: 'Start:' }).waitFor();
    await page.mouse.up();
    await expect
      .poll(() => page.getByTestId('project-finish').textContent(), { timeout: 10_000 })
      .not.toBe(before.finish);
    await expect
      .poll(async () => (await box(page, successor.id)).x, { timeout: 10_000 })
      .toBeGreaterThan(before.next.x + 50);
    // the server holds it: a Start-No-Earlier-Than constraint two weeks on
    const item = await apiAs<WorkItem & { constraintType: string; constraintDate: string }>(
      page,
      'GET',
      `/api/work-items/${plan.items.get(task.id)!.id}`,
    );
    expect(item.constraintType).toBe('SNET');
    const moved = (Date.parse(`${item.constraintDate}Z`) - Date.parse(`${task.start}Z`)) / 86_400_000;
    expect(moved).toBe(14);
    await t.screenshot(page, 'gantt-after-drag');
  });

  it('links two tasks by dragging from one bar’s finish to another bar’s start', async () => {
    const projectId = await t.projectId('Calder');
    const page = await t.signedInPage();
    await openGantt(page, projectId);
    const plan = await loadPlan(page, projectId);
    const linked = new Set(plan.deps.map((d) => `${d.predecessorId}>${d.successorId}`));
    // two tasks of one summary, not linked either way, the second starting soon after the first ends
    let best: { from: ScheduledTask; to: ScheduledTask; gap: number } | undefined;
    for (const from of plan.schedule.tasks) {
      if (from.summary || from.milestone) continue;
      for (const to of plan.schedule.tasks) {
        if (to === from || to.parentId !== from.parentId || !notStarted(plan, to) || to.start < from.finish)
          continue;
        const a = plan.items.get(from.id)!.id;
        const z = plan.items.get(to.id)!.id;
        if (linked.has(`${a}>${z}`) || linked.has(`${z}>${a}`)) continue;
        const gap = Date.parse(`${to.start}Z`) - Date.parse(`${from.finish}Z`);
        if (!best || gap < best.gap) best = { from, to, gap };
      }
    }
    if (!best) throw new Error('the demo plan has no two unlinked tasks to link');
    const { from, to } = best;
    await showTasks(page, plan, [from.id, to.id]);
    await revealBar(page, from.id);
    const a = await box(page, from.id);
    const z = await box(page, to.id);
    // hover shows the handles; press on the finish handle, drag onto the start half of the other bar
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.move(a.x + a.width + 9, a.y + a.height / 2, { steps: 2 });
    await page.mouse.down();
    await page.mouse.move(z.x + 20, z.y - 10, { steps: 6 });
    await page.mouse.move(z.x + Math.min(4, z.width / 4), z.y + z.height / 2, { steps: 3 });
    await page.getByRole('tooltip').filter({ hasText: 'Link FS' }).waitFor();
    await page.mouse.up();
    const [fromId, toId] = [plan.items.get(from.id)!.id, plan.items.get(to.id)!.id];
    await expect
      .poll(
        async () =>
          (
            await apiAs<ApiPage<Dependency>>(page, 'GET', `/api/projects/${projectId}/dependencies?limit=500`)
          ).items.some((d) => d.predecessorId === fromId && d.successorId === toId && d.type === 'FS'),
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await page.getByRole('alert').filter({ hasText: 'not changed' }).count()).toBe(0);
  });

  it('lengthens a task when its right edge is dragged', async () => {
    const projectId = await t.projectId('Calder');
    const page = await t.signedInPage();
    await openGantt(page, projectId);
    const plan = await loadPlan(page, projectId);
    const task = plan.schedule.tasks.find(
      (x) => notStarted(plan, x) && !(plan.items.get(x.id) as { elapsed?: boolean } | undefined)?.elapsed,
    );
    if (!task) throw new Error('the demo plan has no task that has not started');
    await showTasks(page, plan, [task.id]);
    const bar = await revealBar(page, task.id);
    const b = (await bar.boundingBox())!;
    const before = plan.items.get(task.id)!.durationMinutes;
    // from the resize grip at the right end, two weeks on at the week scale (9 px a day)
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.move(b.x + b.width - 2, b.y + b.height / 2, { steps: 2 });
    await page.mouse.down();
    await page.mouse.move(b.x + b.width + 60, b.y + b.height / 2, { steps: 4 });
    await page.mouse.move(b.x + b.width - 2 + 126, b.y + b.height / 2, { steps: 4 });
    await page.mouse.up();
    const id = plan.items.get(task.id)!.id;
    // ten more working days (Monday to Friday) of the project's day
    await expect
      .poll(async () => (await apiAs<WorkItem>(page, 'GET', `/api/work-items/${id}`)).durationMinutes, {
        timeout: 10_000,
      })
      .toBe(before + 10 * plan.project.units.minutesPerDay);
    await expect
      .poll(async () => (await box(page, task.id)).width, { timeout: 10_000 })
      .toBeGreaterThan(b.width + 100);
  });

  it('names the tasks of a dependency cycle and changes nothing', async () => {
    const projectId = await t.projectId('Calder');
    const page = await t.signedInPage();
    await openGantt(page, projectId);
    const plan = await loadPlan(page, projectId);
    const idToKey = new Map([...plan.items.values()].map((w) => [w.id, w.key]));
    // an existing FS link between two tasks of one summary, dragged the other way round
    const dep = plan.deps.find((d) => {
      const p = plan.byKey.get(idToKey.get(d.predecessorId) ?? '');
      const s = plan.byKey.get(idToKey.get(d.successorId) ?? '');
      return (
        d.type === 'FS' &&
        p &&
        s &&
        !p.summary &&
        !s.summary &&
        !p.milestone &&
        !s.milestone &&
        p.parentId === s.parentId
      );
    });
    if (!dep) throw new Error('the demo plan has no FS link between two tasks of one summary');
    const pred = plan.byKey.get(idToKey.get(dep.predecessorId)!)!;
    const succ = plan.byKey.get(idToKey.get(dep.successorId)!)!;
    await showTasks(page, plan, [pred.id, succ.id]);
    await revealBar(page, pred.id);
    const s = await box(page, succ.id);
    const p = await box(page, pred.id);
    await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
    await page.mouse.move(s.x + s.width + 9, s.y + s.height / 2, { steps: 2 });
    await page.mouse.down();
    await page.mouse.move(p.x + 2, p.y + p.height / 2, { steps: 6 });
    t.allowConsoleError(page, /422/);
    await page.mouse.up();
    const alert = page.getByRole('alert').filter({ hasText: 'dependency cycle' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(pred.name);
    await expect(alert.textContent()).resolves.toContain(succ.name);
    const after = await apiAs<ApiPage<Dependency>>(
      page,
      'GET',
      `/api/projects/${projectId}/dependencies?limit=500`,
    );
    expect(after.items.length).toBe(plan.deps.length);
  });

  it('explains an empty project instead of showing an empty chart', async () => {
    const page = await t.signedInPage();
    await page.goto('/');
    const project = await apiAs<Project>(page, 'POST', '/api/projects', {
      name: 'Empty plan',
      start: '2026-03-02T09:00:00',
    });
    await page.goto(`/projects/${project.id}/gantt`);
    await page.getByRole('heading', { name: 'No tasks to chart yet' }).waitFor();
    expect(await page.getByRole('treegrid').count()).toBe(0);
  });
  it('edits a link in the Task Dependency dialog: a 2-day lag moves the successor; Escape and Cancel change nothing', async () => {
    const projectId = await t.projectId('Northbridge');
    const page = await t.signedInPage();
    await openGantt(page, projectId);
    const plan = await loadPlan(page, projectId);
    const link = lonelyLinks(plan).find((l) => l.dep.type === 'FS' && l.dep.lagMinutes === 0);
    if (!link) throw new Error('the demo plan has no lone FS link without lag into a task not started');
    let at = await revealLink(page, plan, link);
    const before = await box(page, link.succ.id);
    // hover: the pointer and the link's tooltip
    await page.mouse.move(at.x - 30, at.y - 3);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await page.getByRole('tooltip').filter({ hasText: 'Finish-to-Start link' }).waitFor();
    await expect(
      page.getByTestId('gantt-chart').evaluate((c) => (c as HTMLElement).style.cursor),
    ).resolves.toBe('pointer');
    // double-click: the dialog names both tasks; Escape closes it and nothing is written
    await page.mouse.dblclick(at.x, at.y);
    const dialog = page.getByRole('dialog', { name: 'Task Dependency' });
    await dialog.waitFor();
    await expect(dialog.getByTestId('link-from').textContent()).resolves.toBe(link.pred.name);
    await expect(dialog.getByTestId('link-to').textContent()).resolves.toBe(link.succ.name);
    await expect(dialog.getByLabel('Type', { exact: true }).inputValue()).resolves.toBe(
      'Finish-to-Start (FS)',
    );
    await expect(dialog.getByLabel('Lag', { exact: true }).inputValue()).resolves.toBe('0d');
    await t.screenshot(page, 'gantt-link-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await setColorScheme(page, 'dark');
    at = await revealLink(page, plan, link);
    await page.mouse.dblclick(at.x, at.y);
    await dialog.waitFor();
    await t.screenshot(page, 'gantt-link-dialog');
    await dialog.getByLabel('Lag', { exact: true }).fill('5d');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    at = await revealLink(page, plan, link);
    // Cancel after changing the type: nothing either
    await page.mouse.dblclick(at.x, at.y);
    await dialog.waitFor();
    await dialog.getByLabel('Type', { exact: true }).click();
    await page.getByRole('option', { name: 'Start-to-Start (SS)' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const unchanged = (await dependencyList(page, projectId)).find((d) => d.id === link.dep.id)!;
    expect(unchanged).toMatchObject({ type: 'FS', lagMinutes: 0, version: link.dep.version });
    // a lag the server refuses: its message in the dialog, which stays open
    await page.mouse.dblclick(at.x, at.y);
    await dialog.waitFor();
    await dialog.getByLabel('Lag', { exact: true }).fill('99999999w');
    t.allowConsoleError(page, /422/);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Lag' }).waitFor();
    expect(await dialog.isVisible()).toBe(true);
    // 2 working days of lag: OK writes it, the successor starts later, in the schedule and on the chart
    await dialog.getByLabel('Lag', { exact: true }).fill('2d');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(
        async () => (await dependencyList(page, projectId)).find((d) => d.id === link.dep.id)?.lagMinutes,
        {
          timeout: 10_000,
        },
      )
      .toBe(2 * plan.project.units.minutesPerDay);
    const schedule = await apiAs<Schedule>(page, 'GET', `/api/projects/${projectId}/schedule`);
    const moved = schedule.tasks.find((x) => x.id === link.succ.id)!;
    const days = (Date.parse(`${moved.start}Z`) - Date.parse(`${link.succ.start}Z`)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(2);
    await expect
      .poll(async () => (await box(page, link.succ.id)).x, { timeout: 10_000 })
      .toBeGreaterThan(before.x);
    // the dialog shows the lag in days, as written
    const again = await revealLink(page, plan, link);
    await page.mouse.dblclick(again.x, again.y);
    await expect(dialog.getByLabel('Lag', { exact: true }).inputValue()).resolves.toBe('2d');
    // FS → SS: the successor may start with its predecessor (plus the lag)
    await dialog.getByLabel('Type', { exact: true }).click();
    await page.getByRole('option', { name: 'Start-to-Start (SS)' }).click();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await dependencyList(page, projectId)).find((d) => d.id === link.dep.id)?.type, {
        timeout: 10_000,
      })
      .toBe('SS');
    await expect
      .poll(async () => page.locator(`[data-link-id="${link.dep.id}"]`).getAttribute('data-type'), {
        timeout: 10_000,
      })
      .toBe('SS');
  });

  it('deletes links: Delete on a selected link asks first, the dialog’s Delete at once; Escape deselects', async () => {
    const projectId = await t.projectId('Calder');
    const page = await t.signedInPage();
    await openGantt(page, projectId);
    const plan = await loadPlan(page, projectId);
    const [first, second] = lonelyLinks(plan);
    if (!first || !second) throw new Error('the demo plan has not two lone links');
    const at = await revealLink(page, plan, first);
    const announcer = page.getByTestId('gantt-announcer');
    // click selects (announced, drawn in the accent colour); Escape deselects
    await page.mouse.click(at.x, at.y);
    await expect
      .poll(() => announcer.textContent())
      .toContain(`Link selected: ${first.pred.name} to ${first.succ.name}`);
    await expect(at.spot.getAttribute('data-selected')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => announcer.textContent()).toBe('');
    // Delete asks; Cancel keeps the link
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: 'Delete this link?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await dependencyList(page, projectId)).some((d) => d.id === first.dep.id)).toBe(true);
    // Backspace asks again; Delete link deletes it: gone from the API and from the chart
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press('Backspace');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Delete link' }).click();
    await expect
      .poll(async () => (await dependencyList(page, projectId)).some((d) => d.id === first.dep.id), {
        timeout: 10_000,
      })
      .toBe(false);
    await expect
      .poll(() => page.locator(`[data-link-id="${first.dep.id}"]`).count(), { timeout: 10_000 })
      .toBe(0);
    await expect.poll(() => announcer.textContent()).toBe('');
    // the second one by double-click and the dialog's Delete
    const next = await revealLink(page, plan, second);
    await page.mouse.dblclick(next.x, next.y);
    const dialog = page.getByRole('dialog', { name: 'Task Dependency' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await dependencyList(page, projectId)).some((d) => d.id === second.dep.id), {
        timeout: 10_000,
      })
      .toBe(false);
    await expect
      .poll(() => page.locator(`[data-link-id="${second.dep.id}"]`).count(), { timeout: 10_000 })
      .toBe(0);
  });

  it('reaches a task’s links by keyboard: the toolbar’s Links menu opens the same dialog; a stale OK meets the conflict dialog', async () => {
    const projectId = await t.projectId('Calder');
    const page = await t.signedInPage();
    await openGantt(page, projectId);
    const plan = await loadPlan(page, projectId);
    const link = lonelyLinks(plan).at(-1);
    if (!link) throw new Error('the demo plan has no lone link');
    await showTasks(page, plan, [link.pred.id, link.succ.id]);
    // select the successor's row with the keyboard: Home, then arrows down to it
    const grid = page.getByRole('treegrid', { name: 'Tasks of the schedule' });
    await grid.focus();
    await page.keyboard.press('Home');
    const row = page.locator(`[role="row"][data-task-id="${link.succ.id}"]`);
    for (let i = 0; i < 200 && (await row.getAttribute('aria-selected')) !== 'true'; i += 1) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(row.getAttribute('aria-selected')).resolves.toBe('true');
    const links = page.getByRole('button', { name: 'Links' });
    await links.focus();
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: `Predecessor ${link.pred.name}`, exact: false });
    await item.waitFor();
    await expect(page.getByRole('menuitem', { name: /^Successor / }).count()).resolves.toBe(
      plan.deps.filter((d) => d.predecessorId === plan.items.get(link.succ.id)!.id).length,
    );
    for (let i = 0; i < 10 && !(await item.evaluate((el) => el === document.activeElement)); i += 1) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Task Dependency' });
    await dialog.waitFor();
    await expect(dialog.getByTestId('link-from').textContent()).resolves.toBe(link.pred.name);
    await expect(dialog.getByTestId('link-to').textContent()).resolves.toBe(link.succ.name);
    // the focus is in the dialog (on Type); Escape closes it without writing
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const unchanged = (await dependencyList(page, projectId)).find((d) => d.id === link.dep.id)!;
    expect(unchanged.version).toBe(link.dep.version);
    // someone else adds a day of lag while the dialog is open: OK meets a 412 and the conflict dialog
    await links.click();
    await item.waitFor();
    await t.screenshot(page, 'gantt-links-menu');
    if (!(await item.isVisible())) await links.click();
    await item.click();
    await dialog.waitFor();
    const day = plan.project.units.minutesPerDay;
    await apiAs(page, 'PATCH', `/api/dependencies/${link.dep.id}`, { lagMinutes: day }, link.dep.version);
    await dialog.getByLabel('Type', { exact: true }).click();
    await page.getByRole('option', { name: 'Start-to-Start (SS)' }).click();
    t.allowConsoleError(page, /status of 412/);
    await dialog.getByRole('button', { name: 'OK' }).click();
    const conflict = page.getByRole('dialog', { name: /Someone else changed this first/ });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Apply my change on top' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // both changes kept: my type, their lag
    await expect
      .poll(async () => (await dependencyList(page, projectId)).find((d) => d.id === link.dep.id), {
        timeout: 10_000,
      })
      .toMatchObject({ type: 'SS', lagMinutes: day });
  });
});
