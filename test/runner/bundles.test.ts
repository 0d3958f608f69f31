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
    test(`dist/${name}: undici is not bundled`, () => {
      // index.js only turns on the compile cache and imports bundle.js; the code is in bundle.js and
      // the numbered chunks beside it, each of which is read here.
      const files = readdirSync(join(dist, name)).filter((file) => file.endsWith('.js'));
      assert.ok(files.includes('bundle.js'), `dist/${name}/bundle.js is missing`);
      for (const file of files) {
        const code = readFileSync(join(dist, name, file), 'utf8');
        // undici's diagnostics channels are created when its client module is evaluated.
        assert.ok(!code.includes('undici:client:beforeConnect'), `dist/${name}/${file} carries undici`);
        // Node's punycode module is deprecated: loading it prints DEP0040 in the step's log (the
        // formats of kubernetes-models asked for it; see src/bundle/ajv-formats-draft2019.cjs).
        // ncc loads a built-in as createRequire(import.meta.url)("<name>").
        assert.ok(!/\)\(["'](node:)?punycode["']\)/.test(code), `dist/${name}/${file} loads Node's punycode`);
      }
    });
  }
});
