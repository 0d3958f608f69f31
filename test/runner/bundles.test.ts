// The committed bundles carry what a step runs and nothing it only pays to load: undici (imported by
// @actions/http-client for a proxy dispatcher this suite never asks for) is replaced when bundling,
// see src/bundle/undici-proxy-agent.ts. The runner tests prove the bundles still work; this proves
// the weight stays out.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const dist = new URL('../../dist', import.meta.url).pathname;
const bundles = readdirSync(dist, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('committed bundles', () => {
  test('every action, the root action and the command line are bundled', () => {
    for (const name of ['tag', 'dispatch', 'bump', 'promote', 'main', 'cli']) assert.ok(bundles.includes(name), name);
  });
  for (const name of bundles) {
    test(`dist/${name}: undici is not evaluated at start`, () => {
      const code = readFileSync(join(dist, name, 'index.js'), 'utf8');
      // undici's diagnostics channels are created when its client module is evaluated.
      assert.ok(!code.includes('undici:client:beforeConnect'), `dist/${name}/index.js carries undici`);
    });
  }
});
