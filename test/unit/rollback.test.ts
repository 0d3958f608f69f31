// The pure parts of rollback, table-driven: what a deployment payload says the app ran, which
// deployment or which state of the history is the target, the `to` input's checks, the reason.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  deployedImages,
  MAX_REASON_LENGTH,
  rollbackReason,
  targetFromDeployments,
  targetFromHistory,
  targetFromInput,
  type DeploymentEntry,
} from '../../src/core/rollback/index.js';
import { renderRollbackSummary } from '../../src/core/rollback/render.js';

const IMAGE = 'ghcr.io/acme/podinfo';
const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('deployedImages', () => {
  const cases: [string, unknown, { tag: string; digest?: string }[]][] = [
    ['object payload', { images: [`${IMAGE}:1.0.0`, 'ghcr.io/acme/worker:2'] }, [{ tag: '1.0.0' }]],
    ['JSON text payload', JSON.stringify({ images: [`${IMAGE}:1.0.0@${DIGEST}`] }), [{ tag: '1.0.0', digest: DIGEST }]],
    ['docker hub normalisation', { images: ['docker.io/library/nginx:1.25'] }, []],
    ['another repository with the same suffix', { images: ['ghcr.io/acme/podinfo-worker:1'] }, []],
    ['no images key', { commit: 'abc' }, []],
    ['not JSON', '{images', []],
    ['entries that are not strings or not references', { images: [1, null, 'Not A Ref::'] }, []],
    ['digest only, no tag', { images: [`${IMAGE}@${DIGEST}`] }, []],
  ];
  for (const [name, payload, expected] of cases) {
    test(name, () => assert.deepEqual(deployedImages(payload, IMAGE), expected));
  }
});

function deployment(id: number, tag: string, succeeded: boolean): DeploymentEntry {
  return {
    id,
    sha: String(id).repeat(40).slice(0, 40),
    createdAt: `2026-01-0${id}T00:00:00Z`,
    succeeded,
    payload: { images: [`${IMAGE}:${tag}`] },
  };
}

describe('targetFromDeployments (newest first)', () => {
  const cases: [string, DeploymentEntry[], string[], string | undefined][] = [
    [
      'the newest success with another tag',
      [deployment(3, 'c', true), deployment(2, 'b', true), deployment(1, 'a', true)],
      ['c'],
      'b',
    ],
    [
      'failures are skipped',
      [deployment(3, 'c', true), deployment(2, 'b', false), deployment(1, 'a', true)],
      ['c'],
      'a',
    ],
    ['the current tag is skipped, however old', [deployment(2, 'c', true), deployment(1, 'c', true)], ['c'], undefined],
    ['no deployments', [], ['c'], undefined],
    ['places hold two tags: any other tag', [deployment(2, 'b', true)], ['b', 'c'], undefined],
  ];
  for (const [name, deployments, running, expected] of cases) {
    test(name, () => {
      const target = targetFromDeployments(
        deployments,
        IMAGE,
        running.map((tag) => ({ tag })),
      );
      assert.equal(target?.tag, expected);
      if (target) assert.equal(target.kind, 'deployment');
    });
  }
});

describe('targetFromHistory (newest first)', () => {
  const state = (commit: string, ...tags: string[]) => ({
    commit: commit.repeat(40),
    running: tags.map((tag) => ({ tag })),
  });
  const cases: [string, ReturnType<typeof state>[], string[], string | undefined][] = [
    ['the head state is what runs: the one before', [state('c', 'c'), state('b', 'b'), state('a', 'a')], ['c'], 'b'],
    ['states without the app are skipped', [state('c', 'c'), state('x'), state('a', 'a')], ['c'], 'a'],
    ['a partial state: its tag that does not run now', [state('c', 'c'), state('b', 'b', 'c')], ['c'], 'b'],
    ['every state runs the same', [state('c', 'c'), state('d', 'c')], ['c'], undefined],
    ['places that differ now are brought to one tag', [state('b', 'b')], ['b', 'c'], 'b'],
  ];
  for (const [name, states, running, expected] of cases) {
    test(name, () =>
      assert.equal(
        targetFromHistory(
          states,
          running.map((tag) => ({ tag })),
        )?.tag,
        expected,
      ),
    );
  }
});

describe('targetFromInput', () => {
  const cases: [string, string, string[], RegExp | string][] = [
    ['another tag', 'b', ['c'], 'b'],
    ['one of two running tags', 'b', ['b', 'c'], 'b'],
    ['the tag that runs everywhere', 'c', ['c'], /^to: got "c", expected a tag other than the one dev runs now \(c\)/],
    ['latest', 'latest', ['c'], /^to: got "latest", expected an image tag/],
    ['not a tag', 'a b', ['c'], /^to: got "a b", expected an image tag/],
  ];
  for (const [name, to, running, expected] of cases) {
    test(name, () => {
      const run = () =>
        targetFromInput(
          to,
          running.map((tag) => ({ tag })),
          'dev',
        );
      if (typeof expected === 'string') assert.equal(run().tag, expected);
      else assert.throws(run, (error: Error) => error.name === 'UserError' && expected.test(error.message));
    });
  }
});

describe('rollbackReason and the summary', () => {
  test('one line, bounded', () => {
    assert.equal(rollbackReason('  broke\n\n prod  '), 'broke prod');
    assert.equal(rollbackReason(undefined), '');
    assert.equal([...rollbackReason('x'.repeat(2000))].length, MAX_REASON_LENGTH);
  });
  test('the summary says from, to, why and the target, with the reason made inert', () => {
    const summary = renderRollbackSummary({
      operation: 'created',
      reason: 'created pull request #4',
      app: 'podinfo',
      environment: 'dev',
      from: ['c'],
      to: 'b',
      basis: 'the manifests at commit 0123456789ab ran b',
      why: '@team see https://evil.example/x <b>now</b>',
      pullRequest: { number: 4, url: 'https://github.com/acme/env/pull/4' },
      changes: [{ file: 'a.yaml', line: 3, path: 'image', old: 'x:c', new: 'x:b' }],
      warnings: [],
    });
    assert.match(
      summary,
      /^### Roll back podinfo in dev: created \(\[#4\]\(https:\/\/github\.com\/acme\/env\/pull\/4\)\)/,
    );
    assert.match(summary, /From `c` to `b`\./);
    assert.match(summary, /- Reason: @\u2060team see https:\u2060\/\/evil\.example\/x \\<b\\>now\\<\/b\\>/);
    assert.match(summary, /\| `a\.yaml` \(line 3\) \| `image` \| `x:c` \| `x:b` \|/);
  });
});
