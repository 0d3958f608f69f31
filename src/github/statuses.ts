// Commit statuses: the validate result on the pull request's head commit.
import type { GitHubClient } from './client.js';

export type CommitState = 'pending' | 'success' | 'failure' | 'error';

/** GitHub keeps at most 140 characters of a status description. */
const MAX_DESCRIPTION = 140;

export async function setCommitStatus(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  status: { sha: string; state: CommitState; context: string; description: string; targetUrl?: string },
): Promise<void> {
  const description =
    status.description.length > MAX_DESCRIPTION
      ? `${status.description.slice(0, MAX_DESCRIPTION - 3)}...`
      : status.description;
  await client.rest.repos.createCommitStatus({
    ...repo,
    sha: status.sha,
    state: status.state,
    context: status.context,
    description,
    ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
  });
}

/** The latest status of one context on a commit (GitHub's combined status keeps the latest per context). */
export async function commitStatusOf(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  sha: string,
  context: string,
): Promise<{ state: string; at: string } | undefined> {
  const { data } = await client.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha, per_page: 100 });
  const status = data.statuses.find((candidate) => candidate.context === context);
  return status === undefined ? undefined : { state: status.state, at: status.updated_at ?? status.created_at };
}
