// Reading a repository through the API, without a clone: a branch's head, one file by path, a
// commit's message, the recursive tree and the blobs of the files asked for (GitHubSnapshot: the
// snapshot interface the flows plan over, as src/fs's FolderSnapshot is for a local folder).
import { isUtf8 } from 'node:buffer';
import { UserError } from '../core/errors.js';
import { MAX_MANIFEST_BYTES } from '../flows/snapshot.js';
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

/** The message of a commit. */
export async function commitMessage(client: GitHubClient, repository: RepositoryName, sha: string): Promise<string> {
  const { data } = await client.rest.git.getCommit({ ...repository, commit_sha: sha });
  return data.message;
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
  /** Not valid UTF-8: `text` is a lossy decoding, good for reading and never for writing back. */
  invalidUtf8?: true;
}

/**
 * Reads blobs as text, a few at a time. One over `maxBytes` is reported and left out; one that is
 * not valid UTF-8 is returned marked, as the folder reader (src/fs) does, for the engine to report.
 */
export async function readBlobs(
  client: GitHubClient,
  repository: RepositoryName,
  blobs: readonly TreeBlob[],
  maxBytes: number,
  warn: (message: string) => void,
): Promise<BlobText[]> {
  const results: (BlobText | undefined)[] = new Array(blobs.length);
  let next = 0;
  const worker = async () => {
    while (next < blobs.length) {
      const index = next++;
      const blob = blobs[index]!;
      const { data } = await client.rest.git.getBlob({ ...repository, file_sha: blob.sha });
      if ((data.size ?? 0) > maxBytes) {
        warn(`${blob.path}: ${data.size} bytes is over the ${maxBytes}-byte limit for manifests, skipped`);
        continue;
      }
      const bytes = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
      const text = bytes.toString('utf8');
      results[index] = isUtf8(bytes) ? { path: blob.path, text } : { path: blob.path, text, invalidUtf8: true };
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

/**
 * A commit of a repository as the flows read it: its tree's paths, and the files asked for. Also
 * keeps what writing a new tree on top needs (the root tree and each file's mode).
 */
export class GitHubSnapshot {
  private constructor(
    private readonly client: GitHubClient,
    private readonly repository: RepositoryName,
    readonly commit: string,
    private readonly tree: RepositoryTree,
  ) {}

  static async at(client: GitHubClient, repository: RepositoryName, commit: string): Promise<GitHubSnapshot> {
    return new GitHubSnapshot(client, repository, commit, await readTree(client, repository, commit));
  }

  /** The root tree's sha: the base of a tree written on top of this commit. */
  get treeSha(): string {
    return this.tree.sha;
  }

  async paths(): Promise<string[]> {
    return this.tree.blobs.map((blob) => blob.path);
  }

  async read(paths: readonly string[], warn: (message: string) => void): Promise<BlobText[]> {
    const wanted = new Set(paths);
    const blobs = this.tree.blobs.filter((blob) => wanted.has(blob.path));
    return readBlobs(this.client, this.repository, blobs, MAX_MANIFEST_BYTES, warn);
  }

  /** The file's mode in the tree ('100644' for a file it does not have). */
  mode(path: string): string {
    return this.tree.blobs.find((blob) => blob.path === path)?.mode ?? '100644';
  }
}
