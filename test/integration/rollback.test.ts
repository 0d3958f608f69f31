// rollback against the local GitHub (real bare git behind GitHub's REST API): after two merged bumps
// it restores the previous image byte for byte, from the deployment history or from the git history
// of the manifests; it replaces an open forward PR in place; dry-run and errors write nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { commands } from '../../src/cli/registry.js';
import { parseBodyRecord } from '../../src/core/promotion/index.js';
import { createDeployment, setDeploymentStatus } from '../../src/github/deployments.js';
import { rollbackEnvironment, type RollbackOptions } from '../../src/flows/rollback.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { bump, devTag, fastClient, newExampleRepository, OWNER, payload, repositorySnapshot } from './bump-fixtures.js';

const FILE = 'releases/dev/podinfo.yaml';
const BRANCH = 'gitops-promote/dev/podinfo';
let github: LocalGitHub;

before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

/** Bumps podinfo in dev to `tag` and merges the PR; returns the merge commit on main. */
async function bumpAndMerge(repo: string, tag: string, timestamp: number): Promise<string> {
  const result = await bump(github, repo, payload({ app: 'podinfo', tag, buildTimestamp: timestamp }));
  assert.ok(result.pullRequest, result.reason);
  const client = fastClient(github);
  await client.rest.pulls.merge({ owner: OWNER, repo, pull_number: result.pullRequest.number, merge_method: 'squash' });
  return github.git(OWNER, repo, ['rev-parse', 'refs/heads/main']);
}

/** Records an apply of `commit` that ran `tag`, as apply does (payload images, then a status). */
async function deployed(repo: string, commit: string, tag: string, state: 'success' | 'failure' = 'success') {
  const client = fastClient(github);
  const id = await createDeployment(
    client,
    { owner: OWNER, repo },
    {
      ref: commit,
      environment: 'dev',
      description: 'apply',
      payload: { images: [`ghcr.io/acme/podinfo:${tag}`, 'ghcr.io/acme/worker:dev-00000000-1'], commit },
    },
  );
  await setDeploymentStatus(client, { owner: OWNER, repo }, id, { state, description: state });
}

function rollback(repo: string, extra: Partial<RollbackOptions> = {}) {
  return rollbackEnvironment({
    client: fastClient(github),
    repository: { owner: OWNER, repo },
    app: 'podinfo',
    environment: 'dev',
    defaultBranch: 'main',
    reason: 'p99 latency doubled after @bob merged #12',
    ...extra,
  });
}

const fileAt = (repo: string, rev: string) => github.git(OWNER, repo, ['show', `${rev}:${FILE}`]);
const openPulls = (repo: string) => github.pullRequests(OWNER, repo).filter((pull) => pull.state === 'open');

const A = devTag(1763800000, 'aaaaaaa1');
const B = devTag(1763900000, 'bbbbbbb2');
const INITIAL = 'dev-3f2a9c1e-1763600000';

describe('rollback over the API', () => {
  test('from git history: after two bumps the PR restores the previous file byte for byte', async () => {
    const repo = await newExampleRepository(github, 'rollback-history');
    const first = await bumpAndMerge(repo, A, 1763800000);
    await bumpAndMerge(repo, B, 1763900000);
    const result = await rollback(repo);
    assert.equal(result.operation, 'created', result.reason);
    assert.deepEqual(result.from, [B]);
    assert.equal(result.to, A);
    assert.equal(result.target.kind, 'history');
    assert.equal(await fileAt(repo, `refs/heads/${BRANCH}`), await fileAt(repo, first));
    const pull = openPulls(repo)[0]!;
    assert.equal(pull.title, `Roll back podinfo to ${A} in dev`);
    assert.match(
      pull.body ?? '',
      new RegExp(`Rolls back \\*\\*podinfo\\*\\* in \\*\\*dev\\*\\* from \`${B}\` to \`${A}\``),
    );
    // The reason is someone's words: no mention, no reference GitHub would link.
    assert.match(pull.body ?? '', /- Reason: p99 latency doubled after @\u2060bob merged #\u206012/);
    const record = parseBodyRecord(pull.body)!.record;
    assert.equal(record.intent, 'rollback');
    assert.deepEqual(record.previousTags, [B]);
  });

  test('from the deployment history: the newest successful deployment that ran another image', async () => {
    const repo = await newExampleRepository(github, 'rollback-deployments');
    const initial = await github.git(OWNER, repo, ['rev-parse', 'refs/heads/main']);
    const first = await bumpAndMerge(repo, A, 1763800000);
    const second = await bumpAndMerge(repo, B, 1763900000);
    // dev ran the initial tag; A's apply failed (never healthy); B's failed once, then succeeded. The git
    // history alone would say A: the deployments say the initial tag is the last one that was healthy.
    await deployed(repo, initial, INITIAL);
    await deployed(repo, first, A, 'failure');
    await deployed(repo, second, B, 'failure');
    await deployed(repo, second, B);
    const result = await rollback(repo);
    assert.equal(result.target.kind, 'deployment');
    assert.equal(result.to, INITIAL);
    assert.match(
      result.target.basis,
      new RegExp(`^deployment \\d+ of .* \\(commit ${initial.slice(0, 12)}\\) ran ${INITIAL}$`),
    );
    assert.equal(await fileAt(repo, `refs/heads/${BRANCH}`), await fileAt(repo, initial));
  });

  test('replaces an open forward PR in place: one PR open afterwards, saying rollback', async () => {
    const repo = await newExampleRepository(github, 'rollback-replaces');
    const first = await bumpAndMerge(repo, A, 1763800000);
    await bumpAndMerge(repo, B, 1763900000);
    const forward = await bump(github, repo, payload({ app: 'podinfo', tag: devTag(1764000000, 'ccccccc3') }));
    assert.equal(forward.operation, 'created');
    const result = await rollback(repo);
    assert.equal(result.operation, 'updated', result.reason);
    assert.equal(result.pullRequest?.number, forward.pullRequest?.number);
    const open = openPulls(repo);
    assert.equal(open.length, 1);
    assert.equal(open[0]?.title, `Roll back podinfo to ${A} in dev`);
    assert.equal(await fileAt(repo, `refs/heads/${BRANCH}`), await fileAt(repo, first));
    // A dispatch of the tag dev runs now does not close the rollback as "obsolete".
    const again = await bump(github, repo, payload({ app: 'podinfo', tag: B, buildTimestamp: 1763900000 }));
    assert.equal(again.operation, 'unchanged');
    assert.equal(openPulls(repo).length, 1);
  });

  test('dry-run shows from, to, files and lines and writes nothing', async () => {
    const repo = await newExampleRepository(github, 'rollback-dry');
    await bumpAndMerge(repo, A, 1763800000);
    await bumpAndMerge(repo, B, 1763900000);
    const before = await repositorySnapshot(github, repo);
    github.resetCalls();
    const result = await rollback(repo, { dryRun: true });
    const writes = github.requests().filter((request) => request.method !== 'GET');
    assert.deepEqual(writes, []);
    assert.equal(result.operation, 'planned');
    assert.deepEqual(result.changes, [
      {
        file: FILE,
        line: 17,
        path: 'spec.values.image',
        old: `ghcr.io/acme/podinfo:${B}`,
        new: `ghcr.io/acme/podinfo:${A}`,
      },
    ]);
    assert.equal(await repositorySnapshot(github, repo), before);
  });

  test('errors are typed and change nothing: unknown app or environment, nothing to go back to, to = current', async () => {
    const repo = await newExampleRepository(github, 'rollback-errors');
    const before = await repositorySnapshot(github, repo);
    const cases: [Partial<RollbackOptions>, RegExp][] = [
      [{ app: 'nope' }, /^app: got "nope", expected one of the apps/],
      [{ environment: 'qa' }, /^environment: got "qa", expected one of the environments/],
      [{}, /^nothing to roll back to: podinfo in dev runs dev-3f2a9c1e-1763600000/],
      [
        { to: 'dev-3f2a9c1e-1763600000' },
        /^to: got "dev-3f2a9c1e-1763600000", expected a tag other than the one dev runs now/,
      ],
    ];
    for (const [extra, message] of cases) {
      await assert.rejects(
        rollback(repo, extra),
        (error: Error) => error.name === 'UserError' && message.test(error.message),
      );
    }
    assert.equal(await repositorySnapshot(github, repo), before);
  });

  test('to: an explicit tag is rolled back to even when it is older', async () => {
    const repo = await newExampleRepository(github, 'rollback-to');
    await bumpAndMerge(repo, A, 1763800000);
    const result = await rollback(repo, { to: 'dev-11111111-1700000000' });
    assert.equal(result.operation, 'created', result.reason);
    assert.equal(result.target.kind, 'input');
    assert.match(
      await fileAt(repo, `refs/heads/${BRANCH}`),
      /image: ghcr\.io\/acme\/podinfo:dev-11111111-1700000000\n/,
    );
  });
});

describe('rollback and status --repository (the command line through the API)', () => {
  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const saved = { token: process.env.GITHUB_TOKEN, api: process.env.GITHUB_API_URL };
    process.env.GITHUB_TOKEN = 'ghs_cli';
    process.env.GITHUB_API_URL = github.url;
    try {
      const code = await runCli(args, commands, {
        stdout: (text) => (stdout += `${text}\n`),
        stderr: (text) => (stderr += `${text}\n`),
        cwd: process.cwd(),
      });
      return { code, stdout, stderr };
    } finally {
      for (const [name, value] of [
        ['GITHUB_TOKEN', saved.token],
        ['GITHUB_API_URL', saved.api],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }

  test('rollback --repository --dry-run plans from the deployments and history, writing nothing; without it opens the PR', async () => {
    const repo = await newExampleRepository(github, 'rollback-cli-api');
    await bumpAndMerge(repo, A, 1763800000);
    await bumpAndMerge(repo, B, 1763900000);
    const before = await repositorySnapshot(github, repo);
    const base = ['rollback', '--repository', `${OWNER}/${repo}`, '--environment', 'dev', '--app', 'podinfo', '--json'];
    const dry = await cli([...base, '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.deepEqual(
      { ...(JSON.parse(dry.stdout) as Record<string, unknown>), basis: undefined },
      {
        operation: 'planned',
        reason: `would open or update the pull request on ${BRANCH} (dry run, nothing written)`,
        app: 'podinfo',
        environment: 'dev',
        from: [B],
        to: A,
        image: `ghcr.io/acme/podinfo:${A}`,
        basis: undefined,
        changes: [
          {
            file: FILE,
            line: 17,
            path: 'spec.values.image',
            old: `ghcr.io/acme/podinfo:${B}`,
            new: `ghcr.io/acme/podinfo:${A}`,
          },
        ],
        files: [FILE],
      },
    );
    assert.equal(await repositorySnapshot(github, repo), before);
    const real = await cli([...base, '--reason', 'bad build']);
    assert.equal(real.code, 0, real.stderr);
    assert.equal((JSON.parse(real.stdout) as { operation: string }).operation, 'created');
    assert.equal(openPulls(repo).length, 1);
    const status = await cli(['status', '--repository', `${OWNER}/${repo}`]);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, new RegExp(`^podinfo +dev +${B} +#\\d+ rollback -> ${A} +- +-$`, 'm'));
  });
});
