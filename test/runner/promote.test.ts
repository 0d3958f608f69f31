// The committed promote bundle run as the runner runs it, on the deployment_status event apply's
// Deployment raises, against the local GitHub: outputs, the job summary table, the log's groups.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { repoRoot, runAction, type ActionRun, type RunActionOptions } from '../../tools/runner/harness.js';
import { fastClient } from '../integration/bump-fixtures.js';
import {
  bumpAndMergeDev,
  deploy,
  devTag,
  modelOneFiles,
  newRepository,
  openPulls,
  OWNER,
} from '../integration/promote-fixtures.js';

const APP_TOKEN = 'ghs_promote_app_installation_token';
const T1 = devTag(1_764_000_100, '2222bbbb');
let github: LocalGitHub;
let repo: string;

before(async () => {
  github = await startLocalGitHub();
  repo = await newRepository(github, modelOneFiles(), 'promote-runner');
  await bumpAndMergeDev(github, repo, T1, 1_764_000_100);
});
after(() => github.stop());

/** The event a Deployment status raises in the environment repository. */
function deploymentStatusEvent(environment: string, state: string): Record<string, unknown> {
  return {
    deployment_status: { state, environment },
    deployment: { environment, sha: 'a'.repeat(40) },
    repository: { full_name: `${OWNER}/${repo}`, name: repo, owner: { login: OWNER }, default_branch: 'main' },
  };
}

function runPromote(name: 'promote' | 'main', options: RunActionOptions): Promise<ActionRun> {
  return runAction(name, {
    eventName: 'deployment_status',
    repository: `${OWNER}/${repo}`,
    apiUrl: github.url,
    token: 'ghs_workflow_token_of_this_run',
    ...options,
    inputs: { token: APP_TOKEN, ...(name === 'main' && { command: 'promote' }), ...options.inputs },
  });
}

describe('promote bundle under the runner', () => {
  test('a healthy dev deployment_status opens the stg PR; outputs and the summary table say so', async () => {
    await deploy(github, repo, 'dev', [`ghcr.io/acme/web:${T1}`], 'success');
    const run = await runPromote('promote', { event: deploymentStatusEvent('dev', 'success') });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    const [pull] = openPulls(github, repo, 'gitops-promote/stg/web');
    assert.ok(pull, run.stdout);
    const declared = Object.keys(
      (parseYaml(readFileSync(join(repoRoot, 'actions/promote/action.yml'), 'utf8')) as { outputs: object }).outputs,
    );
    assert.deepEqual(Object.keys(run.outputs).sort(), declared.sort());
    assert.equal(run.outputs.operation, 'created');
    assert.equal(run.outputs['pull-request-number'], String(pull.number));
    assert.equal(run.outputs.from, 'dev');
    assert.equal(run.outputs.to, 'stg');
    assert.equal(run.outputs.image, `ghcr.io/acme/web:${T1}`);
    const promotions = JSON.parse(run.outputs.promotions ?? '') as { to: string; operation: string; blocker: string }[];
    assert.deepEqual(
      promotions.map(({ to, operation, blocker }) => [to, operation, blocker]),
      [
        ['stg', 'created', null],
        ['qa', 'blocked', 'gate'],
      ],
    );
    assert.match(run.summary, /^### Promote from dev$/m);
    assert.match(run.summary, /^\| App \| From \| To \| Image \| Result \| Pull request or reason \|$/m);
    assert.ok(
      run.summary.includes(`| web | dev | stg | \`ghcr.io/acme/web:${T1}\` | created | [#${pull.number}](`),
      run.summary,
    );
    assert.match(
      run.summary,
      /\| web \| dev \| qa \| .* \| blocked \(gate\) \| gate commit-status: no status smoke\/dev on/,
    );
    // The log is grouped by phase, each group named by us.
    const groups = run.stdout.split('\n').filter((line) => line.startsWith('::group::'));
    assert.ok(groups.length > 0);
    for (const group of groups) assert.match(group, /^::group::(reading|deciding|planning|writing|pull request)$/);
    assert.ok(run.stdout.split(/\r?\n/).includes(`::add-mask::${APP_TOKEN}`));
  });

  test('through the root action, prod refuses the dev build: nothing opened, the summary names the rule', async () => {
    const stg = openPulls(github, repo, 'gitops-promote/stg/web')[0]!;
    await fastClient(github).rest.pulls.merge({ owner: OWNER, repo, pull_number: stg.number });
    await deploy(github, repo, 'stg', [`ghcr.io/acme/web:${T1}`], 'success');
    const run = await runPromote('main', { event: deploymentStatusEvent('stg', 'success') });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(openPulls(github, repo, 'gitops-promote/prod/web').length, 0);
    assert.equal(run.outputs.operation, 'skipped');
    assert.equal(run.outputs.reason, `policy: prod admits semver:~0.4; ${T1} is not a semver version`);
    assert.ok(
      run.summary.includes(
        `| web | stg | prod | \`ghcr.io/acme/web:${T1}\` | skipped (policy) | policy: prod admits semver:\\~0.4; ${T1} is not a semver version |`,
      ),
      run.summary,
    );
  });

  test("prod's own deployment promotes nothing: empty operation, the reason, no warning", async () => {
    const run = await runPromote('promote', { event: deploymentStatusEvent('prod', 'success') });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.operation, '');
    assert.equal(
      run.outputs.reason,
      'nothing to promote: no environment of .github/promotion.yml is promoted from prod',
    );
    assert.equal(run.outputs.promotions, '[]');
    assert.deepEqual(run.annotations, []);
    assert.match(
      run.summary,
      /^Nothing to promote: no environment of \.github\/promotion\.yml is promoted from prod\.$/m,
    );
  });

  test('an unknown environment input fails the step in one line and writes nothing', async () => {
    const run = await runPromote('promote', { event: {}, eventName: 'schedule', inputs: { environment: 'qa2' } });
    assert.equal(run.exitCode, 1);
    const errors = run.annotations.filter((annotation) => annotation.level === 'error').map((a) => a.message);
    assert.deepEqual(errors, [
      'environment: got "qa2", expected one of the environments in .github/promotion.yml: dev, stg, qa, prod',
    ]);
  });
});
