/**
 * The demo online-banking project's engineering history, so its DORA panel, release states and SLO
 * mean something at first start: twelve weeks up to the status date of commits on feature branches
 * named by work-item key, squash-merged pull requests, CI runs with a rising coverage, staging
 * deployments after each merge day and production deployments twice a week tied to two platform
 * releases, incidents (one caused by a deployment and restored after hours, one without a root cause,
 * one still open), a currently failing build on a critical-path task, webhook configurations and an
 * availability SLO. Deterministic: a seeded generator, dated from the project's status date.
 */
import { randomBytes } from 'node:crypto';
import { parseDelivery } from '@tandem/formats';
import { v7 as uuidv7 } from 'uuid';
import { createHookConfig } from '../repositories/hook-config-repository.ts';
import { createRelease } from '../repositories/release-repository.ts';
import { addSloSamples, createSlo } from '../repositories/slo-repository.ts';
import type { Db, WriteContext } from '../repositories/transaction.ts';
import { workItemIds } from './work-item-keys.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const REPO = 'northbridge/online-banking';
const REPO_URL = `https://github.com/${REPO}`;

/** mulberry32: small, fast, good enough for demo data. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T,
    sha: () => Array.from({ length: 40 }, () => Math.floor(next() * 16).toString(16)).join(''),
  };
}

/** Work in progress before the status date, with what its commits say. */
const STREAMS = [
  {
    key: 'landing-zone',
    topic: 'landing zone',
    messages: [
      'Terraform VPC and subnets',
      'Add staging account baseline',
      'Tighten IAM boundaries',
      'Log archive bucket',
    ],
  },
  {
    key: 'ci-cd',
    topic: 'pipelines',
    messages: [
      'Release pipeline with approvals',
      'Cache dependencies in CI',
      'Blue/green deploy step',
      'Publish SBOM on release',
    ],
  },
  {
    key: 'api-gateway',
    topic: 'gateway',
    messages: [
      'Rate limiting per client',
      'OAuth2 client credentials',
      'Developer portal skeleton',
      'Request tracing headers',
    ],
  },
  {
    key: 'core-adapter',
    topic: 'core adapter',
    messages: [
      'Map ledger balances',
      'Retry core timeouts with backoff',
      'Idempotent posting keys',
      'Batch statement fetch',
    ],
  },
  {
    key: 'ux-design',
    topic: 'design system',
    messages: [
      'Accessible form controls',
      'Colour contrast tokens',
      'Focus order on login',
      'Error summary pattern',
    ],
  },
  {
    key: 'identity',
    topic: 'SCA',
    messages: ['Step-up challenge flow', 'Vendor SDK wrapper', 'Device binding spike'],
  },
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

interface Row {
  [column: string]: unknown;
}

export async function seedEngineeringHistory(db: Db, ctx: WriteContext, projectId: string): Promise<void> {
  const project = await db
    .selectFrom('projects')
    .select(['status_date', 'start'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', projectId)
    .executeTakeFirstOrThrow();
  const statusDay = Date.parse(`${(project.status_date ?? project.start).slice(0, 10)}T00:00:00Z`);
  const end = statusDay + 17 * HOUR; // the status date, 17:00
  const start = statusDay - 84 * DAY;
  const ids = await workItemIds(db, ctx.workspaceId, projectId);
  const rnd = generator(20260213);
  const now = iso(end);
  const base = () => ({
    workspace_id: ctx.workspaceId,
    id: uuidv7(),
    version: 1,
    created_at: now,
    updated_at: now,
    project_id: projectId,
  });

  const foundation = await createRelease(db, ctx, {
    project_id: projectId,
    name: 'Platform foundation',
    tag: '0.1.0',
    description: 'Landing zone, pipelines and the first gateway routes in production (no customer traffic).',
    environment: 'production',
    status: 'released',
    planned_date: iso(statusDay - 42 * DAY).slice(0, 10),
    actual_date: iso(statusDay - 40 * DAY).slice(0, 10),
    work_item_ids: ids('landing-zone', 'ci-cd'),
  });
  const preview = await createRelease(db, ctx, {
    project_id: projectId,
    name: 'API gateway preview',
    tag: '0.2.0',
    description: 'Gateway, core adapter read paths and the design system behind a staff-only flag.',
    environment: 'production',
    status: 'in_progress',
    planned_date: iso(statusDay + 14 * DAY).slice(0, 10),
    work_item_ids: ids('api-gateway', 'core-adapter', 'ux-design', 'identity'),
  });
  const releaseAt = (t: number) => (t < statusDay - 40 * DAY ? foundation.id : preview.id);

  const rows: Record<string, Row[]> = { changes: [], ci_runs: [], deployments: [], incidents: [] };
  const add = (table: keyof typeof rows, row: Row) => {
    rows[table]!.push({ ...base(), delivery_id: null, source: REPO, ...row });
  };

  let pr = 40;
  let runNo = 1000;
  const landed: { sha: string; at: number }[] = []; // squash commits on main, in order
  let lastProduction = start;
  let deployNo = 500;
  let productionCount = 0;

  for (let day = start; day < statusDay + DAY; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const progress = (day - start) / (statusDay - start); // 0 → 1 over the twelve weeks
    const active = STREAMS.filter((s, i) =>
      s.key === 'identity' ? progress > 0.55 : i < 2 || progress > 0.2,
    );
    // One or two pull requests merge on most days.
    const merges = rnd.int(0, 2) + (progress > 0.3 ? 1 : 0);
    for (let m = 0; m < merges; m++) {
      const stream = rnd.pick(active);
      const workItem = ids(stream.key);
      const branch = `feature/${stream.key}-${rnd.int(10, 99)}`;
      const commits = rnd.int(1, 4);
      const mergedAt = day + (10 + rnd.int(0, 6)) * HOUR + rnd.int(0, 59) * 60_000;
      const squash = rnd.sha();
      const title = `${stream.key}: ${rnd.pick(stream.messages)}`;
      pr++;
      for (let c = 0; c < commits; c++) {
        const committedAt = mergedAt - rnd.int(3, 70) * HOUR;
        add('changes', {
          provider: 'github',
          external_id: rnd.sha(),
          sha: '',
          message:
            c === 0
              ? title
              : rnd.pick(['Address review comments', 'Tests', 'Fix lint', `${stream.topic}: tidy up`]),
          author: rnd.pick(['Priya Shah', 'Tom Okafor', 'Lena Novak', 'Sam Reid', 'Ana Costa']),
          branch,
          committed_at: iso(committedAt),
          landed_as: squash,
          landed_at: iso(mergedAt),
          pull_request: pr,
          url: `${REPO_URL}/pull/${pr}`,
          release_id: releaseAt(mergedAt),
          work_item_ids: workItem,
        });
      }
      add('changes', {
        provider: 'github',
        external_id: squash,
        sha: squash,
        message: `${title} (#${pr})`,
        author: 'GitHub',
        branch: 'main',
        committed_at: iso(mergedAt),
        landed_as: null,
        landed_at: iso(mergedAt),
        pull_request: pr,
        url: `${REPO_URL}/commit/${squash}`,
        release_id: releaseAt(mergedAt),
        work_item_ids: workItem,
      });
      landed.push({ sha: squash, at: mergedAt });
      // CI on the branch, then on main (with coverage rising from about 61 % to 78 %).
      const failed = rnd.next() < 0.12;
      add('ci_runs', {
        provider: 'github',
        external_id: `workflow_run:${runNo++}`,
        name: 'CI',
        status: failed ? 'failure' : 'success',
        sha: squash,
        branch,
        started_at: iso(mergedAt - 2 * HOUR),
        finished_at: iso(mergedAt - 2 * HOUR + 9 * 60_000),
        coverage: null,
        url: `${REPO_URL}/actions/runs/${runNo}`,
        release_id: releaseAt(mergedAt),
        work_item_ids: workItem,
      });
      // A red build is fixed on the branch before the merge.
      if (failed)
        add('ci_runs', {
          provider: 'github',
          external_id: `workflow_run:${runNo++}`,
          name: 'CI',
          status: 'success',
          sha: squash,
          branch,
          started_at: iso(mergedAt - HOUR),
          finished_at: iso(mergedAt - HOUR + 9 * 60_000),
          coverage: null,
          url: `${REPO_URL}/actions/runs/${runNo}`,
          release_id: releaseAt(mergedAt),
          work_item_ids: workItem,
        });
      add('ci_runs', {
        provider: 'github',
        external_id: `workflow_run:${runNo++}`,
        name: 'CI',
        status: 'success',
        sha: squash,
        branch: 'main',
        started_at: iso(mergedAt + 60_000),
        finished_at: iso(mergedAt + 11 * 60_000),
        coverage: Math.round((61 + 17 * progress + (rnd.next() - 0.5) * 2) * 10) / 10,
        url: `${REPO_URL}/actions/runs/${runNo}`,
        release_id: releaseAt(mergedAt),
        work_item_ids: workItem,
      });
    }
    const head = landed.at(-1);
    if (!head) continue;
    // Staging after every merge day; production on Tuesdays and Thursdays.
    add('deployments', {
      provider: 'github',
      external_id: String(deployNo++),
      environment: 'staging',
      status: 'success',
      sha: head.sha,
      ref: 'main',
      deployed_at: iso(day + 17 * HOUR),
      url: `${REPO_URL}/deployments`,
      release_id: releaseAt(day),
      work_item_ids: [],
    });
    if ((weekday === 2 || weekday === 4) && head.at > lastProduction) {
      const at = day + 11 * HOUR;
      const shipped = landed.filter((l) => l.at > lastProduction && l.at < at);
      lastProduction = at;
      add('deployments', {
        provider: 'github',
        external_id: String(deployNo++),
        environment: 'production',
        status: 'success',
        sha: head.sha,
        ref: releaseAt(day) === foundation.id ? '0.1.0' : 'main',
        deployed_at: iso(at),
        url: `${REPO_URL}/deployments`,
        release_id: releaseAt(day),
        work_item_ids: [],
      });
      productionCount++;
      // The fourteenth production deployment broke payments for hours (root cause: its first change).
      if (productionCount === 14 && shipped[0])
        add('incidents', {
          provider: 'github',
          external_id: 'issue:118',
          title: 'Payments timing out after gateway release',
          state: 'resolved',
          severity: 'sev2',
          origin: 'issue',
          opened_at: iso(at + 2 * HOUR),
          resolved_at: iso(at + 7 * HOUR + 25 * 60_000),
          root_causes: [shipped[0].sha],
          deployment_id: null,
          source: 'online-banking',
          url: `${REPO_URL}/issues/118`,
          release_id: releaseAt(day),
          work_item_ids: ids('core-adapter'),
        });
      // A configuration-only deployment (certificate rotation): no commits.
      if (productionCount === 18)
        add('deployments', {
          provider: 'github',
          external_id: String(deployNo++),
          environment: 'production',
          status: 'success',
          sha: null,
          ref: null,
          deployed_at: iso(at + 6 * HOUR),
          url: `${REPO_URL}/deployments`,
          release_id: releaseAt(day),
          work_item_ids: ids('landing-zone'),
        });
    }
  }
  // Fill the change rows' sha from their external id (branch commits).
  for (const r of rows.changes!) if (r.sha === '') r.sha = r.external_id;

  // A latency alert without a root cause, restored in 40 minutes; one low-severity alert still open.
  add('incidents', {
    provider: 'alerts',
    external_id: 'alert:latency-p99',
    title: 'p99 latency above 800 ms on accounts API',
    state: 'resolved',
    severity: 'warning',
    origin: 'alert',
    opened_at: iso(statusDay - 12 * DAY + 14 * HOUR),
    resolved_at: iso(statusDay - 12 * DAY + 14 * HOUR + 40 * 60_000),
    root_causes: [],
    deployment_id: null,
    source: 'online-banking',
    url: null,
    release_id: preview.id,
    work_item_ids: ids('api-gateway'),
  });
  add('incidents', {
    provider: 'alerts',
    external_id: 'alert:cert-expiry',
    title: 'Staging TLS certificate expires in 14 days',
    state: 'open',
    severity: 'info',
    origin: 'alert',
    opened_at: iso(statusDay - DAY + 9 * HOUR),
    resolved_at: null,
    root_causes: [],
    deployment_id: null,
    source: 'online-banking-staging',
    url: null,
    release_id: null,
    work_item_ids: ids('landing-zone'),
  });
  // Failing now, on the critical path: the landing zone's Terraform plan against staging.
  add('ci_runs', {
    provider: 'github',
    external_id: `workflow_run:${runNo++}`,
    name: 'Terraform plan (staging)',
    status: 'failure',
    sha: rnd.sha(),
    branch: 'feature/landing-zone-77',
    started_at: iso(statusDay + 10 * HOUR),
    finished_at: iso(statusDay + 10 * HOUR + 14 * 60_000),
    coverage: null,
    url: `${REPO_URL}/actions/runs/${runNo}`,
    release_id: preview.id,
    work_item_ids: ids('landing-zone'),
  });

  for (const [table, list] of Object.entries(rows))
    for (let i = 0; i < list.length; i += 200)
      await (db as unknown as Db)
        .insertInto(table as 'changes')
        .values(list.slice(i, i + 200) as never)
        .execute();

  const secret = randomBytes(32).toString('base64url');
  const github = await createHookConfig(db, ctx, {
    project_id: projectId,
    provider: 'github',
    name: 'GitHub — northbridge/online-banking',
    repository: REPO,
    secret,
    secret_hint: secret.slice(-4),
  });
  // The last merge as GitHub delivered it (raw and parsed), so the deliveries list is not empty.
  const last = landed.at(-1);
  if (last) {
    const head = rows.changes!.find((c) => c.sha === last.sha)!;
    const payload = {
      ref: 'refs/heads/main',
      before: '0'.repeat(40),
      after: last.sha,
      repository: { full_name: REPO, default_branch: 'main', pushed_at: Math.floor(last.at / 1000) },
      head_commit: { id: last.sha, message: head.message, timestamp: iso(last.at) },
      commits: [
        {
          id: last.sha,
          message: head.message,
          timestamp: iso(last.at),
          author: { name: 'GitHub' },
          url: head.url,
        },
      ],
    };
    const rawBody = JSON.stringify(payload);
    await db
      .insertInto('hook_deliveries')
      .values({
        ...base(),
        hook_id: github.id,
        provider: 'github',
        delivery_id: `demo-${last.sha.slice(0, 12)}`,
        event: 'push',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'push',
          'user-agent': 'GitHub-Hookshot/demo',
        },
        raw_body: rawBody,
        parsed: parseDelivery('github', (n) => (n === 'x-github-event' ? 'push' : null), payload) as never,
        status: 'processed',
        error: null,
        signal_count: 1,
        received_at: iso(last.at + 5_000),
        processed_at: iso(last.at + 5_000),
      })
      .execute();
  }
  const alerts = randomBytes(32).toString('base64url');
  await createHookConfig(db, ctx, {
    project_id: projectId,
    provider: 'alerts',
    name: 'Alertmanager — production',
    secret: alerts,
    secret_hint: alerts.slice(-4),
  });
  await createSlo(db, ctx, {
    project_id: projectId,
    name: 'Online banking availability',
    description: 'Share of time the customer-facing platform is up, from production incidents.',
    objective: 0.999,
    window_days: 30,
    method: 'incidents',
    service: 'online-banking',
  });
  // The payments API's request success rate, measured hourly by the load balancer.
  const api = await createSlo(db, ctx, {
    project_id: projectId,
    name: 'Payments API success rate',
    description: 'Share of payment API requests answered without a server error (staff preview traffic).',
    objective: 0.995,
    window_days: 30,
    method: 'samples',
    service: 'payments-api',
  });
  await addSloSamples(
    db,
    ctx.workspaceId,
    api,
    Array.from({ length: 30 * 24 }, (_, h) => {
      const total = 400 + rnd.int(0, 400);
      const bad = rnd.next() < 0.03 ? rnd.int(5, 40) : rnd.int(0, 2);
      return { at: iso(end - (h + 1) * HOUR), good: total - bad, total };
    }),
  );
}
