// The committed rollback and status bundles run as the runner runs them, against the local GitHub:
// outputs (only declared ones), job summaries, a typed error that writes nothing, and the root action.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import {
  bump,
  devTag,
  exampleFiles,
  fastClient,
  OWNER,
  payload,
  repositorySnapshot,
} from '../integration/bump-fixtures.js';
import { WALK_CONFIG } from '../integration/status-fixtures.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { runAction, type ActionRun, type RunActionOptions } from '../../tools/runner/harness.js';

const REPO = 'runner-rollback';
const TOKEN = 'ghs_app_installation_token';
const A = devTag(1763800000, 'aaaaaaa1');
const B = devTag(1763900000, 'bbbbbbb2');
// The reason as Markdown shows it: one line, markup escaped, the mention and the reference broken by a word joiner.
const WJ = '\u2060';
const INERT_REASON = String.raw`x ::warning::forged ##\[error\]forged @${WJ}acme/platform \<img src=x\> \[y\]\(javascript:alert\(1\)\) #${WJ}1`;
const repoRoot = new URL('../..', import.meta.url).pathname;
let github: LocalGitHub;

function declared(action: string): string[] {
  const file = action === 'main' ? join(repoRoot, 'action.yml') : join(repoRoot, 'actions', action, 'action.yml');
  return Object.keys((parseYaml(readFileSync(file, 'utf8')) as { outputs?: object }).outputs ?? {});
}

function run(action: 'rollback' | 'status' | 'main', inputs: Record<string, string>, options: RunActionOptions = {}) {
  return runAction(action, {
    eventName: 'workflow_dispatch',
    repository: `${OWNER}/${REPO}`,
    apiUrl: github.url,
    token: 'ghs_workflow_token_of_this_run',
    ...options,
    inputs: { token: TOKEN, ...inputs },
  });
}

function assertDeclaredOutputs(result: ActionRun, action: string): void {
  for (const name of Object.keys(result.outputs))
    assert.ok(declared(action).includes(name), `undeclared output ${name}`);
}

before(async () => {
  github = await startLocalGitHub();
  await github.createRepository(OWNER, REPO, exampleFiles(WALK_CONFIG));
  const client = fastClient(github);
  for (const [tag, timestamp] of [
    [A, 1763800000],
    [B, 1763900000],
  ] as const) {
    const result = await bump(github, REPO, payload({ app: 'podinfo', tag, buildTimestamp: timestamp }));
    await client.rest.pulls.merge({
      owner: OWNER,
      repo: REPO,
      pull_number: result.pullRequest!.number,
      merge_method: 'squash',
    });
  }
});
after(() => github.stop());

describe('rollback and status bundles under the runner', () => {
  test('rollback dry-run through the root action: the plan in outputs and summary, nothing written', async () => {
    const before = await repositorySnapshot(github, REPO);
    const result = await run('main', { command: 'rollback', environment: 'dev', app: 'podinfo', 'dry-run': 'true' });
    assert.equal(result.exitCode, 0, result.stdout + result.stderr);
    assertDeclaredOutputs(result, 'main');
    assert.equal(result.outputs.operation, 'planned');
    assert.equal(result.outputs.from, B);
    assert.equal(result.outputs.to, A);
    assert.equal(result.outputs.image, `ghcr.io/acme/podinfo:${A}`);
    assert.equal(result.outputs['pull-request-number'], '');
    assert.match(result.summary, /### Roll back podinfo in dev: planned/);
    assert.equal(await repositorySnapshot(github, REPO), before);
  });

  test('rollback opens the PR; every output declared; the summary says from, to and why', async () => {
    const result = await run('rollback', { environment: 'dev', app: 'podinfo', reason: 'errors spiked ::error::x' });
    assert.equal(result.exitCode, 0, result.stdout + result.stderr);
    assertDeclaredOutputs(result, 'rollback');
    const pull = github.pullRequests(OWNER, REPO).find((candidate) => candidate.state === 'open')!;
    assert.equal(result.outputs.operation, 'created');
    assert.equal(result.outputs['pull-request-number'], String(pull.number));
    assert.equal(result.outputs['changed-files'], '["releases/dev/podinfo.yaml"]');
    assert.match(result.outputs.basis ?? '', /^the manifests at commit [0-9a-f]{12} ran dev-aaaaaaa1-1763800000$/);
    assert.equal(pull.title, `Roll back podinfo to ${A} in dev`);
    assert.match(result.summary, new RegExp(`From \`${B}\` to \`${A}\`\\.`));
    assert.match(result.summary, /- Reason: errors spiked ::error::x/);
    assert.ok(!/^::error::x/m.test(result.stdout));
  });

  test('a hostile reason reaches the log, the summary and the PR as inert text', async () => {
    const reason = 'x\n::warning::forged\r\n##[error]forged @acme/platform <img src=x> [y](javascript:alert(1)) #1';
    const result = await run('rollback', { environment: 'dev', app: 'podinfo', reason, to: 'dev-11111111-1700000000' });
    assert.equal(result.exitCode, 0, result.stdout + result.stderr);
    for (const line of `${result.stdout}\n${result.stderr}`.split(/\r\n|\n|\r/)) {
      assert.ok(!/^\s*::warning::forged/.test(line) && !line.includes('##[error]'), `forged command: ${line}`);
    }
    const pull = github.pullRequests(OWNER, REPO).find((candidate) => candidate.state === 'open')!;
    // The hidden record keeps the reason as given, inside an HTML comment no value can close (recordJson).
    const visible = (pull.body ?? '').replace(/<!-- gitops-promote:record [^\n]*-->/, '');
    assert.notEqual(visible, pull.body);
    for (const text of [result.summary, visible]) {
      assert.ok(!/(?<!\\)<img/.test(text), 'no HTML');
      assert.ok(!text.includes('](javascript:'), 'no link');
      assert.ok(!/@acme\/platform/.test(text), 'no mention');
      assert.ok(text.includes(`- Reason: ${INERT_REASON}`), text);
    }
  });

  test('rollback with an unknown app fails in one line and writes nothing', async () => {
    const before = await repositorySnapshot(github, REPO);
    const result = await run('rollback', { environment: 'dev', app: 'nope' });
    assert.equal(result.exitCode, 1);
    assert.match(
      result.annotations.map((annotation) => annotation.message).join('\n'),
      /^app: got "nope", expected one of the apps/m,
    );
    assert.match(result.summary, /### Roll back nope in dev: failed/);
    assert.equal(await repositorySnapshot(github, REPO), before);
  });

  test('status: matrix and behind outputs, the table in the summary, the pinned issue', async () => {
    const result = await run('status', { 'pinned-issue': 'true' });
    assert.equal(result.exitCode, 0, result.stdout + result.stderr);
    assertDeclaredOutputs(result, 'status');
    const matrix = JSON.parse(result.outputs.matrix ?? '{}') as {
      apps: string[];
      cells: { app: string; environment: string; tags: string[] }[];
    };
    assert.deepEqual(matrix.apps, ['podinfo', 'api']);
    assert.deepEqual(matrix.cells.find((cell) => cell.app === 'podinfo' && cell.environment === 'dev')?.tags, [B]);
    assert.deepEqual(JSON.parse(result.outputs.behind ?? '[]'), [
      { app: 'podinfo', environment: 'stg', from: 'dev', runs: ['stg-3f2a9c1e-1763600000'], available: B },
    ]);
    const issue = github.issues(OWNER, REPO)[0]!;
    assert.equal(result.outputs['issue-number'], String(issue.number));
    assert.equal(issue.pinned, true);
    assert.match(result.summary, /^\| App \| dev \| stg \| prod \|$/m);
    assert.match(result.summary, /rollback \[#\d+\]\([^)]+\) → `dev-11111111-1700000000`/);
  });
});
