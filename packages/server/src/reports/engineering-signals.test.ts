import { buildStatusReport, reportText } from '@tandem/core';
import { expect, it } from 'vitest';
import { describeEngines } from '../db/test-engines.ts';
import { upsertSignal } from '../repositories/signal-repository.ts';
import { createSlo } from '../repositories/slo-repository.ts';
import { newProject, newWorkspace } from '../repositories/testing.ts';
import { NO_DEPLOYMENT_DATA, engineeringSignals } from './engineering-signals.ts';

const signal = (projectId: string, externalId: string) => ({
  project_id: projectId,
  provider: 'github',
  external_id: externalId,
  delivery_id: null,
  source: null,
  url: null,
  release_id: null,
  work_item_ids: [],
});

describeEngines('engineering signals of a status report', (t) => {
  it('says there is no deployment data, then shows the four keys, coverage and SLOs up to the status date', async () => {
    const { ctx } = await newWorkspace(t.db);
    const project = await newProject(t.db, ctx);
    const ws = ctx.workspaceId;
    const empty = await engineeringSignals(t.db, ws, project.id, '2026-02-13T17:00:00');
    expect(empty).toEqual({ dora: null, doraNote: NO_DEPLOYMENT_DATA, quality: null, slos: [] });

    const now = '2026-02-20T00:00:00.000Z';
    const days = ['2026-01-20', '2026-01-27', '2026-02-03', '2026-02-10', '2026-02-17'];
    for (const [i, day] of days.entries()) {
      await upsertSignal(
        t.db,
        ws,
        'changes',
        {
          ...signal(project.id, `c${i}`),
          sha: `c${i}`,
          message: 'change',
          author: null,
          branch: 'main',
          committed_at: `${day}T09:00:00.000Z`,
          landed_as: null,
          landed_at: `${day}T10:00:00.000Z`,
          pull_request: null,
        },
        () => ({}),
        now,
      );
      await upsertSignal(
        t.db,
        ws,
        'deployments',
        {
          ...signal(project.id, `d${i}`),
          environment: 'production',
          status: 'success',
          sha: `c${i}`,
          ref: 'main',
          deployed_at: `${day}T15:00:00.000Z`,
        },
        () => ({}),
        now,
      );
    }
    await upsertSignal(
      t.db,
      ws,
      'ci_runs',
      {
        ...signal(project.id, 'run1'),
        name: 'build',
        status: 'success',
        sha: 'c3',
        branch: 'main',
        started_at: '2026-02-10T09:00:00.000Z',
        finished_at: '2026-02-10T09:10:00.000Z',
        coverage: 81.5,
      },
      () => ({}),
      now,
    );
    await createSlo(t.db, ctx, { project_id: project.id, name: 'API availability', objective: 0.999 });

    const signals = await engineeringSignals(t.db, ws, project.id, '2026-02-13T17:00:00');
    // The deployment of 17 February is after the status date: four of five count.
    expect(signals.dora?.deploymentFrequency.value).toMatch(/^4 deployments/);
    expect(signals.dora?.leadTimeForChanges.value).toMatch(/^6 hours/);
    expect(signals.dora?.window).toEqual({ from: '2025-11-16', to: '2026-02-13' });
    expect(signals.quality).toMatchObject({ coverage: 0.815, failedCiRuns: 0 });
    expect(signals.slos).toEqual([
      {
        name: 'API availability',
        objective: 0.999,
        uptime: expect.any(Number),
        errorBudgetRemaining: expect.any(Number),
      },
    ]);

    const { sampleSnapshot } = await import('@tandem/core');
    const text = reportText(buildStatusReport({ ...sampleSnapshot(), ...signals }, 'engineering'));
    expect(text).toContain('Lead time for changes');
    expect(text).toContain('API availability');
    expect(text).not.toContain('No deployment data');
  });
});
