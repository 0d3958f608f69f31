// One issue of a repository kept up to date by a run: found again by a hidden marker in its body
// (created once, then edited in place, reopened if someone closed it), and pinned where GitHub allows
// it (GraphQL pinIssue: at most 3 pinned issues per repository, and the token must be allowed to).
import type { GitHubClient } from './client.js';
import type { RepositoryName } from './repository.js';

export interface KeptIssue {
  number: number;
  url: string;
  operation: 'created' | 'updated';
  /** Why pinning did not happen, when it was asked for and refused. */
  pinWarning?: string;
}

export async function findMarkedIssue(client: GitHubClient, repository: RepositoryName, marker: string) {
  const issues = await client.paginate(client.rest.issues.listForRepo, { ...repository, state: 'all', per_page: 100 });
  // The first one created wins: a duplicate made by a race is left alone rather than guessed at.
  return issues
    .filter((issue) => issue.pull_request === undefined && (issue.body ?? '').includes(marker))
    .sort((a, b) => a.number - b.number)[0];
}

export async function keepIssue(
  client: GitHubClient,
  repository: RepositoryName,
  issue: { title: string; body: string; marker: string; pin: boolean },
): Promise<KeptIssue> {
  const found = await findMarkedIssue(client, repository, issue.marker);
  if (found) {
    const { data } = await client.rest.issues.update({
      ...repository,
      issue_number: found.number,
      title: issue.title,
      body: issue.body,
      ...(found.state === 'closed' && { state: 'open' as const }),
    });
    return { number: data.number, url: data.html_url, operation: 'updated' };
  }
  const { data } = await client.rest.issues.create({ ...repository, title: issue.title, body: issue.body });
  const kept: KeptIssue = { number: data.number, url: data.html_url, operation: 'created' };
  if (!issue.pin) return kept;
  try {
    await client.graphql('mutation($issueId: ID!) { pinIssue(input: {issueId: $issueId}) { issue { id } } }', {
      issueId: data.node_id,
    });
  } catch (error) {
    kept.pinWarning = `issue #${data.number} not pinned: ${(error as Error).message.split('\n')[0]}`;
  }
  return kept;
}
