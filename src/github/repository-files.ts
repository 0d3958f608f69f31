// Reading an environment repository through the API, without a clone: a branch's head, one file
// by path (the config), the recursive tree, and the blobs a bump needs.
import { UserError } from '../core/errors.js';
import type { GitHubClient } from './client.js';
import { requestFailure } from './failures.js';

export interface RepositoryName {
  owner: string;
  repo: string;
}

export interface TreeBlob {
  path: string;
  sha: string;
  mode: string;
}

export interface RepositoryTree {
  /** Root tree sha: the base of the tree a bump writes. */
  sha: string;
  blobs: TreeBlob[];
}

const MAX_BLOB_BYTES = 1024 * 1024;
const BLOB_READS_IN_FLIGHT = 8;

export async function defaultBranch(client: GitHubClient, repository: RepositoryName): Promise<string> {
  const { data } = await client.rest.repos.get({ owner: repository.owner, repo: repository.repo });
  return data.default_branch;
}

/** Whether the token can see the repository: false on 404, undefined when GitHub did not say. */
export async function repositoryVisible(
  client: GitHubClient,
  repository: RepositoryName,
): Promise<boolean | undefined> {
  try {
    await client.rest.repos.get({ owner: repository.owner, repo: repository.repo });
    return true;
  } catch (error) {
    return requestFailure(error)?.status === 404 ? false : undefined;
  }
}

/** The commit a branch points at, or undefined on 404 (which is also what a repository the token cannot see answers). */
export async function findBranchHead(
  client: GitHubClient,
  repository: RepositoryName,
  branch: string,
): Promise<string | undefined> {
  try {
    const { data } = await client.rest.git.getRef({ ...repository, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if (requestFailure(error)?.status === 404) return undefined;
    throw error;
  }
}

/** Whether `ancestor` is in the history of `descendant` (or is it): one compare call; false when either is unknown. */
export async function isAncestor(
  client: GitHubClient,
  repository: RepositoryName,
  ancestor: string,
  descendant: string,
): Promise<boolean> {
  try {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({
      ...repository,
      basehead: `${ancestor}...${descendant}`,
      per_page: 1,
    });
    return data.status === 'ahead' || data.status === 'identical';
  } catch (error) {
    // No such commit any more, or no common history.
    if (requestFailure(error)?.status === 404) return false;
    throw error;
  }
}

/** A file's text at a commit, or undefined when there is no such file. */
export async function readFileAt(
  client: GitHubClient,
  repository: RepositoryName,
  path: string,
  ref: string,
): Promise<string | undefined> {
  let data;
  try {
    ({ data } = await client.rest.repos.getContent({ ...repository, path, ref }));
  } catch (error) {
    if (requestFailure(error)?.status === 404) return undefined;
    throw error;
  }
  if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
    throw new UserError(
      `${path}: expected a file in ${repository.owner}/${repository.repo}, found a ${Array.isArray(data) ? 'folder' : data.type}`,
    );
  }
  return decodeText(path, Buffer.from(data.content, 'base64'));
}

export async function readTree(
  client: GitHubClient,
  repository: RepositoryName,
  commit: string,
): Promise<RepositoryTree> {
  const { data } = await client.rest.git.getTree({ ...repository, tree_sha: commit, recursive: 'true' });
  if (data.truncated) {
    throw new UserError(
      `the tree of ${repository.owner}/${repository.repo} at ${commit} is too large for one read (GitHub truncated it); split the environments into smaller repositories`,
    );
  }
  const blobs = data.tree
    .filter((entry) => entry.type === 'blob' && (entry.mode === '100644' || entry.mode === '100755'))
    .map((entry) => ({ path: entry.path ?? '', sha: entry.sha ?? '', mode: entry.mode ?? '100644' }));
  return { sha: data.sha, blobs };
}

export interface BlobText {
  path: string;
  text: string;
}

/** Reads blobs as UTF-8 text, a few at a time; a blob that is not text (or too large) is reported, not read. */
export async function readBlobs(
  client: GitHubClient,
  repository: RepositoryName,
  blobs: readonly TreeBlob[],
  warn: (message: string) => void,
): Promise<BlobText[]> {
  const results: (BlobText | undefined)[] = new Array(blobs.length);
  let next = 0;
  const worker = async () => {
    while (next < blobs.length) {
      const index = next++;
      const blob = blobs[index]!;
      const { data } = await client.rest.git.getBlob({ ...repository, file_sha: blob.sha });
      if ((data.size ?? 0) > MAX_BLOB_BYTES) {
        warn(`${blob.path}: ${data.size} bytes, larger than ${MAX_BLOB_BYTES}; skipped`);
        continue;
      }
      const bytes = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
      try {
        results[index] = { path: blob.path, text: decodeText(blob.path, bytes) };
      } catch (error) {
        warn(`${(error as Error).message}; skipped`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(BLOB_READS_IN_FLIGHT, blobs.length) }, worker));
  return results.filter((result): result is BlobText => result !== undefined);
}

// A BOM is kept (ignoreBOM) so that the edited text writes it back byte for byte.
function decodeText(path: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UserError(`${path}: not valid UTF-8 text`);
  }
}
