import { createGitHubClient, type GitHubClient } from '../../github/client.js';
import { clientLog } from './log.js';

/**
 * The client of an action whose GitHub reporting is optional (validate's comment and status, apply's
 * Deployment): none without a token or a repository to report to.
 */
export function reportingClient(inputs: {
  token: string | undefined;
  repository: unknown;
  apiUrl: string;
}): GitHubClient | undefined {
  if (!inputs.token || !inputs.repository) return undefined;
  return createGitHubClient({ token: inputs.token, baseUrl: inputs.apiUrl, log: clientLog });
}
