// Hostile patterns complete with the right answer: Go's regular expressions run on an RE2 engine
// (linear in the tag), and globs are matched part by part. No timing is asserted here (machines are
// noisy); `npm run bench` times `^(a+)+$` against 100,000 characters.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planBump } from '../../src/core/manifest/index.js';
import { isEligible, parseTagPolicy, selectLatest } from '../../src/core/policy/index.js';

const HOSTILE_TAG = `${'a'.repeat(40)}_`;

describe('hostile patterns complete with the right answer', () => {
  // [policy spec, tag, eligible]
  const table: [string, string, boolean][] = [
    ['regexp:^([a-z0-9]+-?)+$', HOSTILE_TAG, false],
    ['regexp:^([a-z0-9]+-?)+$', 'a'.repeat(40), true],
    ['regexp:^(a+)+$', `${'a'.repeat(100_000)}b`, false],
    ['regexp:^(a+)+$', 'a'.repeat(100_000), true],
    ['glob:*a*a*a*a*a*a*a*a*b', 'a'.repeat(5_000), false],
    ['glob:*a*a*a*a*a*a*a*a*b', `${'a'.repeat(5_000)}b`, true],
    ['glob:dev-*-*', 'dev--', true],
    ['glob:ab*ba', 'aba', false],
    ['glob:ab*ba', 'abba', true],
    ['glob:*', '', true],
    ['glob:main', 'main', true],
    ['glob:main', 'main2', false],
  ];
  for (const [spec, tag, eligible] of table) {
    test(`${spec} ${eligible ? 'admits' : 'refuses'} ${tag.length > 20 ? `${tag.slice(0, 8)}... (${tag.length})` : JSON.stringify(tag)}`, () => {
      assert.equal(isEligible(parseTagPolicy(spec), tag), eligible);
    });
  }

  test('an ImagePolicy filter that would backtrack forever picks the right tag', () => {
    const policy = parseTagPolicy('numerical:asc', { pattern: '^(?:[a-z]+-?)+-(?P<ts>[0-9]+)$', extract: '$ts' });
    assert.equal(selectLatest(policy, [HOSTILE_TAG, 'main-10', 'main-9', `${'a'.repeat(40)}-`]), 'main-10');
  });

  test("bump with a container's regexp tag policy and a hostile tag: left alone with the reason", () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    fluxcd.io/tag.app: regexp:^([a-z0-9]+-?)+$
spec:
  template:
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/app:main
`;
    const plan = planBump([{ path: 'deploy.yaml', text }], { image: 'ghcr.io/acme/app', tag: HOSTILE_TAG });
    assert.deepEqual(plan.files, []);
    assert.equal(plan.references, 1);
    assert.match(plan.warnings.join('\n'), /not allowed for container app \(policy regexp:\^\(\[a-z0-9\]\+-\?\)\+\$\)/);
  });
});
