// The README's table of the config keys is rendered from the declarations the parser reads: a key
// added, removed or reworded in src/core/config/parse.ts fails here until the README says the same.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parsePromotionConfig, renderConfigKeyTable } from '../../src/core/config/index.js';
import { UserError } from '../../src/core/errors.js';

const README = new URL('../../README.md', import.meta.url);

/** A table's cells, row by row, without the alignment prettier adds. */
function cells(table: string): string[][] {
  return table
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

test("the README's config key table is the one the declarations render", () => {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf('<!-- config keys:');
  const end = readme.indexOf('<!-- end of config keys -->');
  assert.ok(start !== -1 && end > start, 'the README marks the table');
  assert.deepEqual(cells(readme.slice(start, end)), cells(renderConfigKeyTable()));
});

test('every key the table names is accepted by the parser, and one it does not name is refused', () => {
  const config = parsePromotionConfig(`version: 1
environments:
  - name: dev
    path: releases/dev
    branch: dev
    tags: {policy: "numerical:asc", pattern: "^dev-(?P<ts>[0-9]+)$", extract: "$ts"}
    auto-merge: squash
    reviewers: [alice]
    labels: [promotion]
    app-branch: dev
  - name: stg
    path: releases/stg
    tags: glob:dev-*
    from: dev
    promote-by: image
    app-branch: stg
    gate: commit-status
    gate-context: ci/smoke
    soak: 30m
apps:
  web: {image: ghcr.io/acme/web, paths: [web], containers: [web], repository: acme/web}
`);
  assert.equal(config.environments[1]?.soakSeconds, 1800);
  assert.equal(config.environments[0]?.autoMerge, 'squash');
  assert.deepEqual(config.apps.get('web')?.containers, ['web']);
  assert.throws(
    () => parsePromotionConfig('environments: [{name: dev, path: ., tags: "glob:*", color: red}]\napps: {}\n'),
    (error: unknown) =>
      error instanceof UserError &&
      /only the keys name, path, branch, tags, auto-merge, reviewers, labels, from, promote-by, app-branch, gate, gate-context, soak/.test(
        error.message,
      ),
  );
});
