// The commits of a branch that touched a path, newest first (GET /repos/{owner}/{repo}/commits):
// where a rollback reads what an environment's manifests held before.
import type { GitHubClient } from './client.js';
import type { RepositoryName } from './repository.js';

export async function commitsTouching(
  client: GitHubClient,
  repository: RepositoryName,
  head: string,
  path: string,
  limit = 30,
): Promise<string[]> {
  const { data } = await client.rest.repos.listCommits({
    ...repository,
    sha: head,
    ...(path !== '' && { path }),
    per_page: limit,
  });
  return data.map((commit) => commit.sha);
}
