// What each webhook sender is, how it proves itself (the server's `signals/signature.ts`) and how to
// set it up there. The steps are shown once, next to the new secret.
import {
  IconBellRinging,
  IconBrandGithub,
  IconBrandGitlab,
  IconCircleDot,
  IconTool,
  type Icon,
} from '@tabler/icons-react';
import type { HookProvider } from './integrations-api.ts';

export interface ProviderInfo {
  label: string;
  icon: Icon;
  /** How deliveries authenticate, in a line. */
  auth: string;
  /** Whether a repository (`owner/name`) identifies the hook (GitHub, GitLab). */
  hasRepository: boolean;
  /** What it turns into, in a line. */
  gives: string;
}

export const PROVIDERS: Record<HookProvider, ProviderInfo> = {
  github: {
    label: 'GitHub',
    icon: IconBrandGithub,
    auth: 'HMAC-SHA256 signature of the body (X-Hub-Signature-256)',
    hasRepository: true,
    gives: 'Commits, pull requests, deployments, workflow runs, releases and incident issues',
  },
  gitlab: {
    label: 'GitLab',
    icon: IconBrandGitlab,
    auth: 'Secret token header (X-Gitlab-Token)',
    hasRepository: true,
    gives: 'Pushes, merge requests, pipelines and deployments',
  },
  jenkins: {
    label: 'Jenkins',
    icon: IconTool,
    auth: 'Authorization: Bearer <secret> (or X-Tandem-Token)',
    hasRepository: false,
    gives: 'Builds as CI runs; a successful build with an environment is a deployment',
  },
  circleci: {
    label: 'CircleCI',
    icon: IconCircleDot,
    auth: 'HMAC-SHA256 signature of the body (circleci-signature: v1=…)',
    hasRepository: false,
    gives: 'Completed workflows and jobs as CI runs',
  },
  alerts: {
    label: 'Alertmanager / Grafana',
    icon: IconBellRinging,
    auth: 'Authorization: Bearer <secret> (or X-Tandem-Token)',
    hasRepository: false,
    gives: 'Firing alerts as incidents, closed when resolved (time to restore)',
  },
};

export const PROVIDER_ORDER: HookProvider[] = ['github', 'gitlab', 'jenkins', 'circleci', 'alerts'];

/** Set-up steps at the sender, for the payload URL and secret just made. */
export function setupSteps(
  provider: HookProvider,
  url: string,
  secret: string,
): { steps: string[]; snippet?: string } {
  switch (provider) {
    case 'github':
      return {
        steps: [
          'In the repository (or organisation) open Settings → Webhooks → Add webhook.',
          'Payload URL: the URL above. Content type: application/json.',
          'Secret: the secret above. Keep SSL verification on.',
          'Which events: "Let me select individual events" → Pushes, Pull requests, Deployments, Deployment statuses, Workflow runs, Workflow jobs, Check runs, Check suites, Releases and Issues (issues labelled "incident" become incidents).',
          'Add webhook. GitHub sends a ping at once: it shows under Recent deliveries below.',
        ],
      };
    case 'gitlab':
      return {
        steps: [
          'In the project (or group) open Settings → Webhooks → Add new webhook.',
          'URL: the URL above. Secret token: the secret above.',
          'Trigger: Push events, Merge request events, Pipeline events and Deployment events.',
          'Add webhook, then "Test → Push events" to see a delivery arrive below.',
        ],
      };
    case 'jenkins':
      return {
        steps: [
          'Jenkins must send the secret as a header, so post from the pipeline (the Notification plugin cannot add headers).',
          'Store the secret as a "Secret text" credential (here: tandem-hook) and add a post step like the one below (writeJSON comes with the Pipeline Utility Steps plugin).',
          'Optional fields: environment (a successful build with one is a deployment), coverage, branch, commit, startedAt, finishedAt.',
        ],
        snippet: `post {
  always {
    withCredentials([string(credentialsId: 'tandem-hook', variable: 'TANDEM_SECRET')]) {
      writeJSON file: 'tandem.json', json: [job: env.JOB_NAME, number: env.BUILD_NUMBER,
        status: currentBuild.currentResult, commit: env.GIT_COMMIT, branch: env.BRANCH_NAME,
        url: env.BUILD_URL]
      sh 'curl -fsS -X POST "${url}" -H "Authorization: Bearer $TANDEM_SECRET" -H "Content-Type: application/json" --data @tandem.json'
    }
  }
}`,
      };
    case 'circleci':
      return {
        steps: [
          'In CircleCI open Project Settings → Webhooks → Add Webhook.',
          'Receiver URL: the URL above. Secret token: the secret above (CircleCI signs each delivery with it).',
          'Events: Workflow Completed and Job Completed. Keep certificate verification on.',
        ],
      };
    case 'alerts':
      return {
        steps: [
          'Prometheus Alertmanager: add a webhook receiver with the secret as its bearer credentials (below), and route the alerts that are incidents to it; keep send_resolved on so restores are timed.',
          'Grafana: Alerting → Contact points → New → Webhook; URL: the URL above; under Optional settings set Authorization header scheme "Bearer" and credentials: the secret.',
          'A "deployment" label or a "root_cause" annotation links the incident to the deployment that caused it.',
        ],
        snippet: `receivers:
  - name: tandem
    webhook_configs:
      - url: '${url}'
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: '${secret}'`,
      };
  }
}
