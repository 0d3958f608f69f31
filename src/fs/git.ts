// What the checkout's git history says, for the Kubernetes flow: the promotion record an environment
// commit carries (written by bump into its commit message), and the files a pull request changes.
// Read-only; a history too shallow to answer gives undefined, and the caller says what it did instead.
import { execFile } from 'node:child_process';
import { parseCommitRecord, type PromotionRecord } from '../core/promotion/record.js';
import { isShallowEdge, readCommitObject } from './git-objects.js';

function git(dir: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-C', dir, ...args], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) =>
      resolve(error ? undefined : stdout),
    );
  });
}

/**
 * The promotion record of an environment commit for `environment`: the commit's own message (a rebase
 * merge, or a squash merge, whose message keeps the squashed commits' trailers), else for a merge commit
 * the newest commit the merge brought in that carries one (its second parent's side).
 */
export async function readCommitRecord(
  dir: string,
  commit: string,
  environment: string,
): Promise<PromotionRecord | undefined> {
  // The commit alone when it has one parent or none, or is the edge of a shallow clone (what
  // actions/checkout's default depth of 1 gives): read from .git when it can be, without git.
  const object = readCommitObject(dir, commit);
  if (object && (object.parents.length < 2 || isShallowEdge(dir, commit)))
    return recordOf([object.message], environment);
  // Else one git: `<commit> ^<commit>^1` is the commit alone when it has one parent, and the merge
  // with what it brought in when it has two. --ignore-missing drops `^<commit>^1` when there is no
  // first parent here (the first commit, or a shallow edge), and the commit is read alone; an
  // unknown commit drops both and prints nothing.
  const log = await git(dir, ['log', '--ignore-missing', '--format=%B%x00', commit, `^${commit}^1`]);
  return log ? recordOf(log.split('\0'), environment) : undefined;
}

/** The first record for `environment` in messages, newest first. */
function recordOf(messages: string[], environment: string): PromotionRecord | undefined {
  for (const message of messages) {
    const record = parseCommitRecord(message.trim());
    if (record && record.environment === environment) return record;
  }
  return undefined;
}

/**
 * The files (relative to `dir`) that differ between the merge base of `base` and `head`, and `head`:
 * what the pull request changes, as GitHub's "Files changed" shows it. Deleted files are left out
 * (nothing of them is applied). undefined when the history does not have both commits.
 */
export async function changedFiles(dir: string, base: string, head: string): Promise<string[] | undefined> {
  const out = await git(dir, [
    'diff',
    '--name-only',
    '--relative',
    '--no-renames',
    '--diff-filter=d',
    '-z',
    `${base}...${head}`,
  ]);
  return out === undefined ? undefined : out.split('\0').filter(Boolean);
}
