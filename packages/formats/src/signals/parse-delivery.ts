/** One entry point for every provider: the delivery's headers and parsed body → signals. */
import { parseAlertDelivery } from './alert-signals.ts';
import { parseCircleciDelivery, parseJenkinsDelivery } from './ci-signals.ts';
import { parseGithubDelivery } from './github-signals.ts';
import { gitlabEvent, parseGitlabDelivery } from './gitlab-signals.ts';
import type { ParsedDelivery, SignalProvider } from './signal-types.ts';
import type { KeyOptions } from './work-item-keys.ts';

/** @param header reads a request header by its lower-case name (null when absent). */
export function parseDelivery(
  provider: SignalProvider,
  header: (name: string) => string | null,
  payload: unknown,
  keys: KeyOptions = {},
): ParsedDelivery {
  switch (provider) {
    case 'github':
      return parseGithubDelivery(header('x-github-event') ?? 'unknown', payload, keys);
    case 'gitlab':
      return parseGitlabDelivery(gitlabEvent(payload, header('x-gitlab-event')), payload, keys);
    case 'jenkins':
      return parseJenkinsDelivery(payload, keys);
    case 'circleci':
      return parseCircleciDelivery(payload, keys);
    case 'alerts':
      return parseAlertDelivery(payload, keys);
  }
}
