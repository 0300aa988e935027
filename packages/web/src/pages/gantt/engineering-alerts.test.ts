import { describe, expect, it } from 'vitest';
import type { GanttTask } from '../../gantt/index.ts';
import { engineeringAlerts, withAlerts } from './engineering-alerts.ts';

const build = (name: string, workItemIds: string[]) => ({
  id: name,
  name,
  branch: null,
  sha: null,
  url: null,
  workItemIds,
  criticalWorkItemIds: [],
});
const incident = (title: string, workItemIds: string[]) => ({
  id: title,
  title,
  severity: null,
  openedAt: '2026-02-12T09:00:00Z',
  url: null,
  workItemIds,
});

describe('engineeringAlerts', () => {
  const taskIdOfWorkItem = new Map([
    ['w1', 'LZ-1'],
    ['w2', 'API-2'],
  ]);

  it('names each failing build and open incident on the tasks of its work items, once each', () => {
    const alerts = engineeringAlerts(
      {
        failingBuilds: [build('Terraform plan', ['w1', 'w1']), build('Unit tests', ['w1', 'w2'])],
        openIncidents: [incident('TLS certificate expires', ['w2'])],
      },
      taskIdOfWorkItem,
    );
    expect(alerts).toEqual(
      new Map([
        ['LZ-1', 'Failing build: Terraform plan · Failing build: Unit tests'],
        ['API-2', 'Failing build: Unit tests · Open incident: TLS certificate expires'],
      ]),
    );
  });

  it('leaves out work items that are not on the chart, and is empty when nothing is broken', () => {
    expect(
      engineeringAlerts({ failingBuilds: [build('CI', ['gone'])], openIncidents: [] }, taskIdOfWorkItem).size,
    ).toBe(0);
    expect(engineeringAlerts({ failingBuilds: [], openIncidents: [] }, taskIdOfWorkItem).size).toBe(0);
  });
});

describe('withAlerts', () => {
  const task = (id: string): GanttTask => ({
    id,
    name: id,
    parentId: null,
    kind: 'task',
    start: 0,
    finish: 1,
    progress: 0,
    critical: false,
  });

  it('sets the alert on the named tasks and keeps the other objects as they were', () => {
    const tasks = [task('a'), task('b')];
    const out = withAlerts(tasks, new Map([['b', 'Failing build: CI']]));
    expect(out[0]).toBe(tasks[0]);
    expect(out[1]).toEqual({ ...tasks[1], alert: 'Failing build: CI' });
    expect(withAlerts(tasks, new Map())).toBe(tasks);
  });
});
