// Faults at every API call of a bump: a 502, a secondary rate limit, a connection dropped before
// GitHub acts, and one dropped after GitHub acted (the write happened, the answer was lost). Each
// run ends in success or a clean failure with a message; no ref ever points at a commit whose
// manifests fail to parse; there is never more than one pull request.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { parseBodyRecord } from '../../src/core/promotion/index.js';
import { parseYamlStream } from '../../src/core/yaml/parse.js';
import { startLocalGitHub, type FaultSpec, type LocalGitHub } from '../../tools/local-github/index.js';
import { bump, devTag, exampleFiles, OWNER, payload } from './bump-fixtures.js';

// Started at load: the number of tests depends on how many calls a clean bump makes.
const github: LocalGitHub = await startLocalGitHub();
let counter = 0;
after(() => github.stop());

const FAULTS: { name: string; spec: Omit<FaultSpec, 'nth'> }[] = [
  { name: '502', spec: { kind: '502' } },
  { name: 'secondary rate limit', spec: { kind: 'secondary-rate-limit', retryAfter: 1 } },
  { name: 'dropped connection', spec: { kind: 'drop' } },
  { name: 'dropped after the write', spec: { kind: 'drop', when: 'after' } },
];

/** Every branch's changed files parse as YAML, at the commit the branch points at. */
async function assertEveryRefParses(repo: string): Promise<void> {
  const refs = (await github.git(OWNER, repo, ['for-each-ref', '--format=%(refname)', 'refs/heads/']))
    .split('\n')
    .filter(Boolean);
  for (const ref of refs) {
    const files = (await github.git(OWNER, repo, ['diff', '--name-only', `main...${ref}`])).split('\n').filter(Boolean);
    for (const file of files)
      parseYamlStream(`${ref}:${file}`, await github.git(OWNER, repo, ['show', `${ref}:${file}`]));
  }
}

async function repositoryWithPendingPull(app: string): Promise<string> {
  counter += 1;
  const repo = `faults-${counter}`;
  await github.createRepository(OWNER, repo, exampleFiles());
  const first = await bump(github, repo, payload({ app, tag: devTag(1763700000), buildTimestamp: 1763700000 }));
  assert.equal(first.operation, 'created');
  return repo;
}

/** The calls a clean bump makes (which must end as the scenario says), so every position can be failed in turn. */
async function callCount(prepare: () => Promise<string>, tag: string, app: string, operation: string): Promise<number> {
  const repo = await prepare();
  github.resetCalls();
  const result = await bump(github, repo, payload({ app, tag, buildTimestamp: Number(tag.slice(-10)) }));
  assert.equal(result.operation, operation, `the clean ${app} bump ended ${result.operation}`);
  return github.requests().length;
}

const scenarios = [
  {
    name: 'a new pull request',
    app: 'podinfo',
    tag: devTag(1763700000),
    prepare: async () => {
      counter += 1;
      const repo = `faults-${counter}`;
      await github.createRepository(OWNER, repo, exampleFiles());
      return repo;
    },
    operation: 'created',
  },
  {
    name: 'an update in place',
    app: 'api',
    tag: devTag(1763700100),
    prepare: () => repositoryWithPendingPull('api'),
    operation: 'updated',
  },
];

// Every count before any test is declared: the runner starts a declared test while this module is
// still loading, and its calls would land in (or reset) the count of the next scenario.
const counts: number[] = [];
for (const scenario of scenarios) {
  counts.push(await callCount(scenario.prepare, scenario.tag, scenario.app, scenario.operation));
}
for (const [index, scenario] of scenarios.entries()) {
  const calls = counts[index] as number;
  describe(`faults at every call of ${scenario.name}`, () => {
    for (let position = 1; position <= calls; position++) {
      for (const fault of FAULTS) {
        test(`call ${position} of ${calls}: ${fault.name}`, async () => {
          const repo = await scenario.prepare();
          github.resetCalls();
          github.injectFault({ ...fault.spec, nth: position });
          let outcome: string;
          try {
            const result = await bump(
              github,
              repo,
              payload({ app: scenario.app, tag: scenario.tag, buildTimestamp: Number(scenario.tag.slice(-10)) }),
            );
            outcome = result.operation;
          } catch (error) {
            assert.ok(error instanceof Error, String(error));
            assert.ok(error.message.length > 10, 'a failure says what went wrong');
            outcome = 'failed';
          } finally {
            github.clearFaults();
          }
          assert.ok([scenario.operation, 'failed'].includes(outcome), `ended ${outcome}`);
          await assertEveryRefParses(repo);
          const pulls = github.pullRequests(OWNER, repo).filter((pull) => pull.state === 'open');
          assert.ok(pulls.length <= 1, 'never two pull requests');
          if (outcome !== 'failed') {
            assert.equal(pulls.length, 1);
            const head = await github.git(OWNER, repo, ['rev-parse', `refs/heads/${pulls[0]!.headRef}`]);
            assert.equal(parseBodyRecord(pulls[0]!.body)?.commit, head, 'the body describes the head');
            assert.ok(
              (
                await github.git(OWNER, repo, [
                  'show',
                  `${head}:${pulls[0]!.headRef.includes('api') ? 'releases/dev/api/deployment.yaml' : 'releases/dev/podinfo.yaml'}`,
                ])
              ).includes(scenario.tag),
            );
          }
        });
      }
    }
  });
}

test('a failure after writing says what was done before it, in order (for the job summary)', async () => {
  counter += 1;
  const repo = `faults-${counter}`;
  await github.createRepository(OWNER, repo, exampleFiles());
  github.injectFault({ kind: '502', method: 'POST', route: '/repos/{owner}/{repo}/pulls', times: 10 });
  const done: string[] = [];
  const phases: string[] = [];
  await assert.rejects(
    bump(github, repo, payload({ app: 'podinfo', tag: devTag(1763700000), buildTimestamp: 1763700000 }), {
      done: (step) => done.push(step),
      phase: (name, work) => {
        phases.push(name);
        return work();
      },
    }),
    /bump failed opening a pull request in acme\/faults-\d+: GitHub answered 502/,
  );
  github.clearFaults();
  assert.equal(done.length, 3, done.join('\n'));
  assert.match(done[0] ?? '', /^wrote a tree with releases\/dev\/podinfo\.yaml$/);
  assert.match(done[1] ?? '', /^wrote commit [0-9a-f]{12} on [0-9a-f]{12}$/);
  assert.match(done[2] ?? '', /^created branch gitops-promote\/dev\/podinfo at [0-9a-f]{12}$/);
  assert.deepEqual([...new Set(phases)], ['reading', 'planning', 'writing', 'pull request']);
});
