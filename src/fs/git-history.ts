// The history of a local work tree, read with git (argument arrays, never a shell): the commits that
// touched some paths, and a snapshot of each commit's tree, for the command line's rollback.
import { execFile } from 'node:child_process';
import { isUtf8 } from 'node:buffer';
import { UserError } from '../core/errors.js';
import { MAX_MANIFEST_BYTES, type RepositorySnapshot, type SnapshotFile } from '../flows/snapshot.js';

function git(dir: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-C', dir, ...args],
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const detail = stderr.toString('utf8').trim().split('\n')[0] ?? error.message;
        reject(new UserError(`git ${args[0] ?? ''} in ${dir} failed: ${detail}`));
      },
    );
  });
}

/** Commits of `head` that touched any of `paths` (relative to `dir`), newest first, at most `limit`. */
export async function commitsTouchingPaths(
  dir: string,
  paths: readonly string[],
  limit: number,
  head = 'HEAD',
): Promise<string[]> {
  const out = await git(dir, [
    'log',
    '--format=%H',
    `--max-count=${limit}`,
    head,
    '--',
    ...paths.map((path) => `./${path}`),
  ]);
  return out
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '');
}

/** One commit's tree, with paths relative to `dir` (the work tree folder git runs in). */
export class GitCommitSnapshot implements RepositorySnapshot {
  constructor(
    private readonly dir: string,
    readonly commit: string,
  ) {}

  async paths(): Promise<string[]> {
    const out = await git(this.dir, ['ls-tree', '-r', '-z', '--name-only', this.commit]);
    return out
      .toString('utf8')
      .split('\0')
      .filter((path) => path !== '');
  }

  async read(paths: readonly string[], warn: (message: string) => void): Promise<SnapshotFile[]> {
    const files: SnapshotFile[] = [];
    for (const path of paths) {
      const bytes = await git(this.dir, ['cat-file', 'blob', `${this.commit}:./${path}`]);
      if (bytes.length > MAX_MANIFEST_BYTES) {
        warn(`${path}: ${bytes.length} bytes is over the ${MAX_MANIFEST_BYTES}-byte limit for manifests, skipped`);
        continue;
      }
      const text = bytes.toString('utf8');
      files.push(isUtf8(bytes) ? { path, text } : { path, text, invalidUtf8: true });
    }
    return files;
  }
}

/** The commit a revision names in the work tree's repository, or undefined when there is none. */
export async function resolveCommit(dir: string, revision: string): Promise<string | undefined> {
  try {
    const out = await git(dir, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
    return out.toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
