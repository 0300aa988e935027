import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.ts';
import { parseAlertDelivery } from './alert-signals.ts';
import { parseCircleciDelivery, parseJenkinsDelivery } from './ci-signals.ts';
import { parseGithubDelivery } from './github-signals.ts';
import { gitlabEvent, parseGitlabDelivery } from './gitlab-signals.ts';
import { isoTime } from './json-access.ts';

const gitlab = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./gitlab-examples/${name}.json`, import.meta.url), 'utf8'));

describe('GitLab documented examples', () => {
  it('push: one change per commit, on the branch', () => {
    const p = gitlab('push');
    const { event, signals } = parseGitlabDelivery(gitlabEvent(p, 'Push Hook'), p);
    expect(event).toBe('push');
    expect(signals).toHaveLength(2);
    expect(signals[0]).toMatchObject({
      kind: 'change',
      sha: 'b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327',
      branch: 'master',
      committedAt: '2011-12-12T12:27:31.000Z',
      source: 'mike/diaspora',
      pushedAt: '2012-01-03T21:36:29.000Z',
    });
  });

  it('merge request', () => {
    const { signals } = parseGitlabDelivery('merge_request', gitlab('merge_request'), { prefixes: ['MS'] });
    expect(signals).toEqual([
      expect.objectContaining({
        kind: 'pull_request',
        number: 1,
        state: 'open',
        headBranch: 'ms-viewport',
        baseBranch: 'master',
        title: 'MS-Viewport',
      }),
    ]);
  });

  it('pipeline: a CI run; skipped or pending deploy jobs are no deployments', () => {
    const { signals } = parseGitlabDelivery('pipeline', gitlab('pipeline'));
    expect(signals).toEqual([
      expect.objectContaining({
        kind: 'ci_run',
        externalId: 'pipeline:31',
        status: 'success',
        sha: 'bcbb5ec396a2c0f828686f14fac9b80b780504f2',
        startedAt: '2016-08-12T15:23:28.000Z',
        finishedAt: '2016-08-12T15:26:29.000Z',
      }),
    ]);
  });

  it('deployment: the full sha from the commit URL, time with its offset', () => {
    const { signals } = parseGitlabDelivery('deployment', gitlab('deployment'));
    expect(signals).toEqual([
      expect.objectContaining({
        kind: 'deployment',
        externalId: '15',
        environment: 'staging',
        status: 'success',
        sha: '279484c09fbe69ededfced8c1bb6e6d24616b468',
        at: '2021-04-28T19:50:00.000Z',
      }),
    ]);
  });
});

describe('GitHub', () => {
  it('issues labelled incident are incidents with their root cause; others are nothing', () => {
    const issue = (labels: string[], state = 'closed') => ({
      action: 'closed',
      issue: {
        number: 7,
        title: 'Payments down',
        body: 'root cause: 0123abcd',
        state,
        labels: labels.map((name) => ({ name })),
        created_at: '2026-01-01T10:00:00Z',
        closed_at: '2026-01-01T13:00:00Z',
      },
      repository: { full_name: 'bank/app' },
    });
    expect(parseGithubDelivery('issues', issue(['bug'])).signals).toEqual([]);
    expect(parseGithubDelivery('issues', issue(['Incident'])).signals).toEqual([
      expect.objectContaining({
        kind: 'incident',
        externalId: 'issue:7',
        state: 'resolved',
        rootCauses: ['0123abcd'],
        resolvedAt: '2026-01-01T13:00:00.000Z',
      }),
    ]);
  });

  it('a deleted branch or a tag push has no changes', () => {
    expect(
      parseGithubDelivery('push', { ref: 'refs/tags/v1', after: 'ab', commits: [{ id: 'ab' }] }).signals,
    ).toEqual([]);
    expect(
      parseGithubDelivery('push', { ref: 'refs/heads/x', after: '0000000', commits: [{ id: 'ab' }] }).signals,
    ).toEqual([]);
  });

  it('check_run coverage from its output', () => {
    const { signals } = parseGithubDelivery('check_run', {
      check_run: {
        id: 1,
        name: 'coverage',
        status: 'completed',
        conclusion: 'success',
        head_sha: 'abc',
        output: { title: 'Coverage: 84.2%' },
      },
    });
    expect(signals[0]).toMatchObject({ kind: 'ci_run', status: 'success', coverage: 84.2 });
  });

  it('a body that is not an object is a FormatError', () => {
    expect(() => parseGithubDelivery('push', [1, 2])).toThrow(FormatError);
  });
});

describe('Jenkins, CircleCI, alerts', () => {
  it('Jenkins Notification plugin: a finished build with a deploy parameter is a CI run and a deployment', () => {
    const { signals } = parseJenkinsDelivery({
      name: 'bank-web',
      url: 'job/bank-web/',
      build: {
        full_url: 'http://ci/job/bank-web/18/',
        number: 18,
        phase: 'COMPLETED',
        status: 'SUCCESS',
        timestamp: 1767261600000,
        duration: 60000,
        parameters: { DEPLOY_ENV: 'production' },
        scm: { branch: 'origin/feature/BANK-12-otp', commit: 'c6d86dc7' },
      },
    });
    expect(signals.map((s) => s.kind)).toEqual(['ci_run', 'deployment']);
    expect(signals[0]).toMatchObject({
      status: 'success',
      branch: 'feature/BANK-12-otp',
      workItemKeys: ['BANK-12'],
      finishedAt: '2026-01-01T10:01:00.000Z',
    });
  });

  it('CircleCI workflow-completed', () => {
    const { event, signals } = parseCircleciDelivery({
      type: 'workflow-completed',
      id: 'e1',
      happened_at: '2026-01-02T10:00:00Z',
      project: { slug: 'gh/bank/app' },
      pipeline: { vcs: { branch: 'BANK-3-fix', revision: 'abc123', commit: { subject: 'Fix login' } } },
      workflow: {
        id: 'w1',
        name: 'build-test',
        status: 'failed',
        created_at: '2026-01-02T09:50:00Z',
        stopped_at: '2026-01-02T10:00:00Z',
        url: 'https://app.circleci.com/w1',
      },
    });
    expect(event).toBe('workflow-completed');
    expect(signals[0]).toMatchObject({
      kind: 'ci_run',
      status: 'failure',
      sha: 'abc123',
      workItemKeys: ['BANK-3'],
    });
  });

  it('Alertmanager: firing and resolved alerts', () => {
    const { event, signals } = parseAlertDelivery({
      version: '4',
      status: 'resolved',
      receiver: 'tandem',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'HighErrorRate', severity: 'critical' },
          annotations: { summary: 'Errors > 5%' },
          startsAt: '2026-01-01T10:00:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          fingerprint: 'f1',
        },
        {
          status: 'resolved',
          labels: { alertname: 'Latency' },
          annotations: { root_cause: 'ABCDEF12' },
          startsAt: '2026-01-01T09:00:00Z',
          endsAt: '2026-01-01T09:30:00Z',
        },
      ],
    });
    expect(event).toBe('alertmanager');
    expect(signals[0]).toMatchObject({
      externalId: 'alert:f1',
      state: 'open',
      severity: 'critical',
      resolvedAt: null,
      title: 'Errors > 5%',
    });
    expect(signals[1]).toMatchObject({
      externalId: 'alert:alertname=Latency',
      state: 'resolved',
      rootCauses: ['abcdef12'],
      resolvedAt: '2026-01-01T09:30:00.000Z',
    });
  });

  it('Grafana unified alerting', () => {
    const { event, signals } = parseAlertDelivery({
      receiver: 'tandem',
      status: 'firing',
      orgId: 1,
      title: '[FIRING:1] Availability',
      state: 'alerting',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'Availability' },
          annotations: {},
          startsAt: '2026-01-01T10:00:00Z',
          fingerprint: 'g1',
          dashboardURL: 'https://grafana/d/1',
        },
      ],
    });
    expect(event).toBe('grafana');
    expect(signals[0]).toMatchObject({ externalId: 'alert:g1', state: 'open', url: 'https://grafana/d/1' });
  });
});

describe('isoTime', () => {
  it.each([
    ['2016-08-12 15:23:28 UTC', '2016-08-12T15:23:28.000Z'],
    ['2021-04-28 21:50:00 +0200', '2021-04-28T19:50:00.000Z'],
    ['2011-12-12T14:27:31+02:00', '2011-12-12T12:27:31.000Z'],
    [1700000000, '2023-11-14T22:13:20.000Z'],
    ['0001-01-01T00:00:00Z', null],
    ['yesterday', null],
  ])('%s', (input, expected) => {
    expect(isoTime(input)).toBe(expected);
  });
});
