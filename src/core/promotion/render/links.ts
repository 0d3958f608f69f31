// Every link we write (PR bodies, comments, the job summary, the payload's run URL) is built here,
// from the server URL the runner gives (GITHUB_SERVER_URL: github.com or a GitHub Enterprise host).

export const DEFAULT_SERVER_URL = 'https://github.com';

/** `https://github.com/acme/app`: the one place a server URL's trailing slashes are dropped. */
export function repositoryUrl(serverUrl: string, repository: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${repository}`;
}

export function commitUrl(serverUrl: string, repository: string, sha: string): string {
  return `${repositoryUrl(serverUrl, repository)}/commit/${sha}`;
}

export function compareUrl(serverUrl: string, repository: string, from: string, to: string): string {
  return `${repositoryUrl(serverUrl, repository)}/compare/${from}...${to}`;
}

/** The workflow run's page, which the payload carries as `source.runUrl`. */
export function workflowRunUrl(serverUrl: string, repository: string, runId: string): string {
  return `${repositoryUrl(serverUrl, repository)}/actions/runs/${runId}`;
}
