// The world the story runs in: a local GitHub holding the application repository acme/web and the
// example environment repository acme/environments, a checkout of the environment repository (the
// runner's workspace for validate and apply), and the ways a person acts on them (push, merge, tag).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFolder } from '../local-github/folder.js';
import { startLocalGitHub, type LocalGitHub, type PullRequestRecord } from '../local-github/index.js';

export const OWNER = 'acme';
export const APP_REPO = 'web';
export const ENV_REPO = 'environments';
export const APP = 'web';
export const IMAGE = 'ghcr.io/acme/web';
/** The GitHub App installation token the app's CI and the environment workflows use. */
export const TOKEN = 'ghs_demo_app_installation_token';
/** A reviewer of production, as the example config asks; GitHub requests reviews from collaborators only. */
export const REVIEWER = 'alice';
export const EXAMPLE_DIR = new URL('../../examples/environment-repo/', import.meta.url).pathname;

export interface World {
  github: LocalGitHub;
  /** The folder holding everything: bare repositories under repos/, the checkout under checkout/. */
  root: string;
  /** The environment repository checked out, as actions/checkout leaves it for validate and apply. */
  checkout: string;
  /** Moves the checkout to a commit (fetching first), as a workflow's checkout of that commit would. */
  checkoutAt(sha: string): string;
  /** Merges a pull request through the API, as a reviewer's button (or auto-merge) does. */
  merge(number: number, method: 'merge' | 'squash' | 'rebase'): Promise<string>;
  pull(number: number): PullRequestRecord;
  stop(): Promise<void>;
}

export async function createWorld(options: { keep?: string } = {}): Promise<World> {
  const root = options.keep ?? mkdtempSync(join(tmpdir(), 'gitops-promote-demo-'));
  mkdirSync(root, { recursive: true });
  const github = await startLocalGitHub({ reposDir: join(root, 'repos') });
  await github.createRepository(OWNER, APP_REPO, { Dockerfile: 'FROM scratch\n', 'main.go': 'package main\n' });
  await github.createRepository(OWNER, ENV_REPO, readFolder(EXAMPLE_DIR), {
    collaborators: [REVIEWER],
    teams: ['acme/platform'],
    // GitHub enables auto-merge only while a required check is pending: main requires validate's status.
    protectedBranches: { main: { requiredChecks: ['gitops-promote/validate'] } },
    message: 'The example environment repository',
  });
  const checkout = join(root, 'checkout', ENV_REPO);
  execFileSync('git', ['clone', '--quiet', github.gitDir(OWNER, ENV_REPO), checkout]);
  const git = (...args: string[]) => execFileSync('git', ['-C', checkout, ...args], { encoding: 'utf8' }).trim();
  const pull = (number: number): PullRequestRecord => {
    const found = github.pullRequests(OWNER, ENV_REPO).find((candidate) => candidate.number === number);
    if (!found) throw new Error(`${OWNER}/${ENV_REPO} has no pull request #${number}`);
    return found;
  };

  return {
    github,
    root,
    checkout,
    checkoutAt(sha) {
      git('fetch', '--quiet', 'origin', '+refs/heads/*:refs/remotes/origin/*');
      git('checkout', '--quiet', '--detach', sha);
      return checkout;
    },
    async merge(number, method) {
      const response = await fetch(`${github.url}/repos/${OWNER}/${ENV_REPO}/pulls/${number}/merge`, {
        method: 'PUT',
        headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ merge_method: method, sha: pull(number).headSha }),
      });
      const answer = (await response.json()) as { sha?: string; message?: string };
      if (!response.ok || !answer.sha) throw new Error(`merging #${number}: ${response.status} ${answer.message}`);
      return answer.sha;
    },
    pull,
    async stop() {
      await github.stop();
      // --keep leaves everything where it was printed; otherwise nothing stays behind.
      if (!options.keep) rmSync(root, { recursive: true, force: true });
    },
  };
}
