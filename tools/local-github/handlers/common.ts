// Helpers the handlers share: GitHub's empty-repository answers, resolving revisions, diffs as GitHub lists them.
import { ApiError, notFound, type Context, type Hub } from '../http.js';
import type { Repository } from '../state.js';
import { htmlBase, apiBase } from '../views.js';

export async function requireNotEmpty(repo: Repository): Promise<void> {
  if (await repo.git.isEmpty()) throw new ApiError(409, 'Git Repository is empty.');
}

export async function commitOr404(repo: Repository, rev: string): Promise<string> {
  const sha = await repo.git.resolveCommit(rev);
  if (!sha) throw notFound(`No commit found for SHA: ${rev}`);
  return sha;
}

/** A ref query parameter, or the default branch. */
export async function refOrDefault(context: Context): Promise<string> {
  const ref = context.query.get('ref') ?? context.repo.settings.defaultBranch;
  const sha = await context.repo.git.resolveCommit(ref);
  if (!sha) throw notFound(`No commit found for the ref ${ref}`);
  return sha;
}

const STATUS: Record<string, string> = { A: 'added', D: 'removed', M: 'modified', T: 'changed' };

export interface DiffFile {
  sha: string;
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  blob_url: string;
  raw_url: string;
  contents_url: string;
  patch?: string;
}

/** The files changed between two commits, each with its unified-diff hunks as GitHub's `patch` field. */
export async function diffFiles(hub: Hub, repo: Repository, from: string, to: string): Promise<DiffFile[]> {
  const common = ['diff', '--no-renames', '--no-color', '--no-ext-diff', '--no-abbrev', from, to];
  const [raw, numstat, patch] = await Promise.all([
    repo.git.git([...common.slice(0, 1), '--raw', '-z', ...common.slice(1)]),
    repo.git.git([...common.slice(0, 1), '--numstat', '-z', ...common.slice(1)]),
    repo.git.git([...common.slice(0, 1), '-U3', ...common.slice(1)]),
  ]);
  const rawParts = raw.stdout.toString('utf8').split('\0');
  const counts = numstat.stdout
    .toString('utf8')
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
  const patches = splitPatch(patch.stdout.toString('utf8'));
  const files: DiffFile[] = [];
  for (let i = 0; i + 1 < rawParts.length; i += 2) {
    const header = rawParts[i] ?? '';
    const filename = rawParts[i + 1] ?? '';
    if (!header.startsWith(':')) continue;
    const [, , , newSha = '', letter = 'M'] = header.slice(1).split(' ');
    const index = files.length;
    const [added = '-', deleted = '-'] = counts[index] ?? [];
    const additions = added === '-' ? 0 : Number(added);
    const deletions = deleted === '-' ? 0 : Number(deleted);
    const sha = letter === 'D' ? (header.slice(1).split(' ')[2] ?? '') : newSha;
    const ref = letter === 'D' ? from : to;
    const file: DiffFile = {
      sha,
      filename,
      status: STATUS[letter] ?? 'changed',
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `${htmlBase(hub, repo)}/blob/${ref}/${filename}`,
      raw_url: `${htmlBase(hub, repo)}/raw/${ref}/${filename}`,
      contents_url: `${apiBase(hub, repo)}/contents/${filename}?ref=${ref}`,
    };
    const hunks = patches[index];
    if (hunks !== undefined) file.patch = hunks;
    files.push(file);
  }
  return files;
}

/** Splits `git diff` output per file, keeping only the hunks (GitHub's `patch` starts at the first "@@"). */
function splitPatch(text: string): Array<string | undefined> {
  if (text === '') return [];
  return text
    .split(/^diff --git /m)
    .slice(1)
    .map((chunk) => {
      const start = chunk.search(/^@@/m);
      return start === -1 ? undefined : chunk.slice(start).replace(/\n$/, '');
    });
}
