// Git plumbing for the local GitHub: every object the API creates is a real object in a bare repository.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ZERO_SHA = '0000000000000000000000000000000000000000';
export const EMPTY_TREE_SHA = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export class GitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(message);
  }
}

export interface GitRunOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Exit codes that are answers rather than failures (e.g. 1 for `merge-base --is-ancestor`). */
  okCodes?: number[];
}

export interface GitResult {
  stdout: Buffer;
  code: number;
}

// Isolated from the machine's git configuration so hooks, signing or templates never leak in.
const baseEnv: Record<string, string> = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
};

export function runGit(gitDir: string, args: string[], options: GitRunOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: gitDir,
      env: { ...baseEnv, GIT_DIR: gitDir, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ok = code === 0 || (code !== null && (options.okCodes ?? []).includes(code));
      if (ok) resolve({ stdout: Buffer.concat(stdout), code: code ?? 0 });
      else {
        const message = Buffer.concat(stderr).toString('utf8');
        reject(new GitError(`git ${args[0]} failed (${code}): ${message.trim()}`, code, message));
      }
    });
    child.stdin.on('error', () => undefined); // git may exit before reading everything it was given
    child.stdin.end(options.input ?? '');
  });
}

export async function gitText(gitDir: string, args: string[], options?: GitRunOptions): Promise<string> {
  return (await runGit(gitDir, args, options)).stdout.toString('utf8').trim();
}

export interface Identity {
  name: string;
  email: string;
  date?: string;
}

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
  path: string;
}

export interface CommitObject {
  sha: string;
  tree: string;
  parents: string[];
  author: Required<Identity>;
  committer: Required<Identity>;
  message: string;
}

export interface TreeChange {
  path: string;
  mode: string;
  /** A blob, tree or commit sha, or null to delete the path. */
  sha: string | null;
}

function identityEnv(prefix: 'AUTHOR' | 'COMMITTER', who: Identity): Record<string, string> {
  const env: Record<string, string> = { [`GIT_${prefix}_NAME`]: who.name, [`GIT_${prefix}_EMAIL`]: who.email };
  if (who.date) env[`GIT_${prefix}_DATE`] = who.date;
  return env;
}

function parseIdentity(line: string): Required<Identity> {
  const match = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(line);
  if (!match) return { name: line, email: '', date: new Date(0).toISOString() };
  const [, name = '', email = '', seconds = '0'] = match;
  return { name, email, date: new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z') };
}

/** One bare repository and the plumbing the API handlers need. */
export class GitRepo {
  // Once a repository has a ref it stays non-empty until a ref is deleted; saves a spawn per write.
  private knownNotEmpty = false;

  constructor(readonly gitDir: string) {}

  static async init(gitDir: string, defaultBranch: string): Promise<GitRepo> {
    await runGit(tmpdir(), ['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`, gitDir], {
      env: { GIT_DIR: gitDir },
    });
    return new GitRepo(gitDir);
  }

  git(args: string[], options?: GitRunOptions): Promise<GitResult> {
    return runGit(this.gitDir, args, options);
  }

  text(args: string[], options?: GitRunOptions): Promise<string> {
    return gitText(this.gitDir, args, options);
  }

  async objectType(sha: string): Promise<string | undefined> {
    if (!/^[0-9a-f]{4,40}$/i.test(sha)) return undefined;
    const result = await this.git(['cat-file', '-t', sha], { okCodes: [128] });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
  }

  /** Resolves a branch, tag, full ref or sha to a commit sha; undefined when nothing matches. */
  async resolveCommit(rev: string): Promise<string | undefined> {
    if (rev.startsWith('-') || rev.includes('..')) return undefined;
    const result = await this.git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
      okCodes: [1, 128],
    });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
  }

  async isEmpty(): Promise<boolean> {
    if (this.knownNotEmpty) return false;
    const refs = await this.text(['for-each-ref', '--count=1', '--format=%(refname)']);
    this.knownNotEmpty = refs !== '';
    return refs === '';
  }

  async listRefs(): Promise<Array<{ ref: string; sha: string; type: string }>> {
    const out = await this.text(['for-each-ref', '--format=%(refname) %(objectname) %(objecttype)']);
    if (out === '') return [];
    return out.split('\n').map((line) => {
      const [ref = '', sha = '', type = ''] = line.split(' ');
      return { ref, sha, type };
    });
  }

  async readRef(ref: string): Promise<string | undefined> {
    const result = await this.git(['rev-parse', '--verify', '--quiet', `${ref}`], { okCodes: [1] });
    const sha = result.stdout.toString('utf8').trim();
    return result.code === 0 && sha !== '' ? sha : undefined;
  }

  /** Compare-and-swap: `expectedOld` ZERO_SHA means the ref must not exist yet. */
  async updateRef(ref: string, sha: string, expectedOld: string): Promise<boolean> {
    const result = await this.git(['update-ref', ref, sha, expectedOld], { okCodes: [1, 128] });
    return result.code === 0;
  }

  async deleteRef(ref: string, expectedOld: string): Promise<boolean> {
    this.knownNotEmpty = false;
    const result = await this.git(['update-ref', '-d', ref, expectedOld], { okCodes: [1, 128] });
    return result.code === 0;
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const result = await this.git(['merge-base', '--is-ancestor', ancestor, descendant], { okCodes: [1] });
    return result.code === 0;
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const result = await this.git(['merge-base', a, b], { okCodes: [1] });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
  }

  async writeBlob(content: Buffer): Promise<string> {
    return this.text(['hash-object', '-w', '--stdin'], { input: content });
  }

  async readBlob(sha: string): Promise<Buffer> {
    return (await this.git(['cat-file', 'blob', sha])).stdout;
  }

  async readCommit(sha: string): Promise<CommitObject> {
    const raw = (await this.git(['cat-file', 'commit', sha])).stdout.toString('utf8');
    const split = raw.indexOf('\n\n');
    const header = split === -1 ? raw : raw.slice(0, split);
    const message = split === -1 ? '' : raw.slice(split + 2);
    const commit: CommitObject = {
      sha,
      tree: '',
      parents: [],
      author: parseIdentity(''),
      committer: parseIdentity(''),
      message,
    };
    for (const line of header.split('\n')) {
      const space = line.indexOf(' ');
      const key = line.slice(0, space);
      const value = line.slice(space + 1);
      if (key === 'tree') commit.tree = value;
      else if (key === 'parent') commit.parents.push(value);
      else if (key === 'author') commit.author = parseIdentity(value);
      else if (key === 'committer') commit.committer = parseIdentity(value);
    }
    return commit;
  }

  async commitTree(tree: string, parents: string[], message: string, author: Identity, committer: Identity) {
    const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-F', '-'];
    return this.text(args, {
      input: message,
      env: { ...identityEnv('AUTHOR', author), ...identityEnv('COMMITTER', committer) },
    });
  }

  async lsTree(treeish: string, recursive: boolean): Promise<TreeEntry[]> {
    const args = ['ls-tree', '-l', '-z', ...(recursive ? ['-r', '-t'] : []), treeish];
    return this.parseLsTree((await this.git(args)).stdout.toString('utf8'));
  }

  private parseLsTree(out: string): TreeEntry[] {
    return out
      .split('\0')
      .filter((line) => line !== '')
      .map((line) => {
        const tab = line.indexOf('\t');
        const [mode = '', type = 'blob', sha = '', size = '-'] = line.slice(0, tab).split(/\s+/);
        const entry: TreeEntry = { mode, type: type as TreeEntry['type'], sha, path: line.slice(tab + 1) };
        if (size !== '-') entry.size = Number(size);
        return entry;
      });
  }

  /** The tree entry at `path` in `treeish` (exactly that path, not its children). */
  async entryAt(treeish: string, path: string): Promise<TreeEntry | undefined> {
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const name = path.slice(parent.length === 0 ? 0 : parent.length + 1);
    const listing = await this.git(['ls-tree', '-l', '-z', parent === '' ? treeish : `${treeish}:${parent}`], {
      okCodes: [128],
    });
    if (listing.code !== 0) return undefined;
    const entries = this.parseLsTree(listing.stdout.toString('utf8'));
    const found = entries.find((entry) => entry.path === name);
    return found ? { ...found, path } : undefined;
  }

  /**
   * Builds a tree from `base` (or nothing) plus `changes`, through a throw-away index so nested paths,
   * replacements and deletions behave as git itself defines them.
   */
  async buildTree(base: string | undefined, changes: TreeChange[]): Promise<string> {
    const scratch = await mkdtemp(join(tmpdir(), 'local-github-index-'));
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    try {
      if (base) await this.git(['read-tree', base], { env });
      else await this.git(['read-tree', '--empty'], { env });
      // Listing the index is only needed to delete or replace whole folders; plain file writes skip it.
      const needsListing = changes.some((change) => change.sha === null || change.mode === '040000');
      const current = needsListing ? await this.indexPaths(env) : new Set<string>();
      const lines: string[] = [];
      const remove = (path: string) => {
        for (const existing of current) {
          if (existing === path || existing.startsWith(`${path}/`)) {
            lines.push(`0 ${ZERO_SHA}\t${existing}`);
            current.delete(existing);
          }
        }
      };
      for (const change of changes) {
        remove(change.path);
        if (change.sha === null) continue;
        if (change.mode === '040000') {
          for (const entry of await this.lsTree(change.sha, true)) {
            if (entry.type === 'tree') continue;
            const path = `${change.path}/${entry.path}`;
            lines.push(`${entry.mode} ${entry.sha}\t${path}`);
            current.add(path);
          }
        } else {
          lines.push(`${change.mode} ${change.sha}\t${change.path}`);
          current.add(change.path);
        }
      }
      // NUL-terminated records: a path may hold a line break, as git (and GitHub) allow.
      if (lines.length > 0)
        await this.git(['update-index', '-z', '--replace', '--index-info'], { env, input: lines.join('\0') + '\0' });
      return await this.text(['write-tree'], { env });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  private async indexPaths(env: Record<string, string>): Promise<Set<string>> {
    const out = (await this.git(['ls-files', '-z'], { env })).stdout.toString('utf8');
    return new Set(out.split('\0').filter((path) => path !== ''));
  }

  /** Three-way merge of two commits into a tree; undefined when they conflict. */
  async mergeTrees(ours: string, theirs: string): Promise<string | undefined> {
    const result = await this.git(['merge-tree', '--write-tree', '--no-messages', ours, theirs], { okCodes: [1] });
    if (result.code !== 0) return undefined;
    return result.stdout.toString('utf8').split('\n')[0]?.trim();
  }

  /** Applies the change `parent -> commit` onto `onto`; undefined when it does not apply cleanly. */
  async replayTree(parent: string, onto: string, commit: string): Promise<string | undefined> {
    const scratch = await mkdtemp(join(tmpdir(), 'local-github-index-'));
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    try {
      await this.git(['read-tree', '-m', '-i', '--aggressive', parent, onto, commit], { env });
      const result = await this.git(['write-tree'], { env, okCodes: [128] });
      return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /** Writes `files` as the first commit (or a commit on top of `parent`) in one `git fast-import` run. */
  async importCommit(
    ref: string,
    files: Record<string, string | Buffer | null>,
    message: string,
    who: Identity,
    parent?: string,
    author?: Identity,
  ) {
    const seconds = Math.floor((who.date ? Date.parse(who.date) : Date.now()) / 1000);
    const chunks: Buffer[] = [];
    const text = (value: string) => chunks.push(Buffer.from(value, 'utf8'));
    const data = (value: Buffer) => {
      text(`data ${value.length}\n`);
      chunks.push(value);
      text('\n');
    };
    text(`commit ${ref}\n`);
    if (author) text(`author ${author.name} <${author.email}> ${seconds} +0000\n`);
    text(`committer ${who.name} <${who.email}> ${seconds} +0000\n`);
    data(Buffer.from(message, 'utf8'));
    if (parent) text(`from ${parent}\n`);
    for (const [path, content] of Object.entries(files)) {
      const quoted = JSON.stringify(path);
      if (content === null) {
        text(`D ${quoted}\n`);
        continue;
      }
      text(`M 100644 inline ${quoted}\n`);
      data(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    }
    text('done\n');
    await this.git(['fast-import', '--quiet', '--done', '--force'], { input: Buffer.concat(chunks) });
    const sha = await this.readRef(ref);
    if (!sha) throw new Error(`fast-import did not write ${ref}`);
    return sha;
  }
}
