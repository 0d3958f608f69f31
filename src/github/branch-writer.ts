// Writing a branch with the Git Data API: the tree (file contents inline, so no blob calls), a
// commit made by GitHub itself (verified when the token is an App's), and the ref. Refs are never
// forced: creating fails when the branch exists, and updating only fast-forwards, so a concurrent
// writer is noticed ('exists', 'moved') and the caller reads again, instead of overwriting it.
import type { GitHubClient } from './client.js';
import { requestFailure } from './failures.js';
import type { RepositoryName } from './repository.js';

const REF_UPDATE_FAILED = /reference update failed/i;

export interface FileWrite {
  path: string;
  mode: string;
  content: string;
}

export async function writeTree(
  client: GitHubClient,
  repository: RepositoryName,
  baseTree: string,
  files: readonly FileWrite[],
): Promise<string> {
  const { data } = await client.rest.git.createTree({
    ...repository,
    base_tree: baseTree,
    tree: files.map((file) => ({
      path: file.path,
      mode: file.mode as '100644' | '100755',
      type: 'blob' as const,
      content: file.content,
    })),
  });
  return data.sha;
}

export async function writeCommit(
  client: GitHubClient,
  repository: RepositoryName,
  message: string,
  tree: string,
  parents: string[],
): Promise<string> {
  const { data } = await client.rest.git.createCommit({ ...repository, message, tree, parents });
  return data.sha;
}

/** 'exists' when the branch is already there (this run's earlier attempt, another run, or a person). */
export async function createBranch(
  client: GitHubClient,
  repository: RepositoryName,
  branch: string,
  sha: string,
): Promise<'created' | 'exists'> {
  try {
    await client.rest.git.createRef({ ...repository, ref: `refs/heads/${branch}`, sha });
    return 'created';
  } catch (error) {
    const failure = requestFailure(error);
    if (failure?.status === 422 && /already exists/i.test(failure.message)) return 'exists';
    // GitHub's intermittent 422 under load: the ref may or may not exist; the caller reads it and decides again.
    if (failure?.status === 422 && REF_UPDATE_FAILED.test(failure.message)) return 'exists';
    throw error;
  }
}

/** Fast-forwards the branch; 'moved' when it no longer descends from what we built on (someone wrote first). */
export async function fastForwardBranch(
  client: GitHubClient,
  repository: RepositoryName,
  branch: string,
  sha: string,
): Promise<'updated' | 'moved' | 'missing'> {
  try {
    await client.rest.git.updateRef({ ...repository, ref: `heads/${branch}`, sha, force: false });
    return 'updated';
  } catch (error) {
    const failure = requestFailure(error);
    if (failure?.status === 422 && /fast.forward/i.test(failure.message)) return 'moved';
    // Lost like a race: the caller re-reads the branch and decides again.
    if (failure?.status === 422 && REF_UPDATE_FAILED.test(failure.message)) return 'moved';
    if (failure?.status === 422 && /does not exist|not found/i.test(failure.message)) return 'missing';
    if (failure?.status === 404) return 'missing';
    throw error;
  }
}
