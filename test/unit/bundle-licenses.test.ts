// Every bundle ships the license of each npm package whose code it carries (scripts/licenses.mjs, run
// by the build from webpack's stats): the packages inside concatenated modules count, a package with no
// license file is listed with what it declares, and one that declares nothing stops the build.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
// @ts-expect-error -- a build script in plain JavaScript, without types
import { licensesText, packageDirs } from '../../scripts/licenses.mjs';

const root = new URL('../..', import.meta.url).pathname;

const listed = (text: string) =>
  text
    .split('\n')
    .filter((line, index, lines) => (index === 0 || lines[index - 1] === '') && /^[@a-z][\w@/.-]*$/.test(line));

describe('bundle licenses', () => {
  test('the packages of every module count, those inside a concatenated module and nested node_modules too', () => {
    const stats = {
      modules: [
        {
          name: './src/actions/apply/index.ts + 3 modules',
          modules: [
            { name: './src/actions/apply/index.ts' },
            { name: './node_modules/yaml/dist/index.js' },
            { name: './node_modules/@octokit/core/dist-src/index.js' },
          ],
        },
        { name: './node_modules/a/node_modules/b/lib/x.js' },
        { name: 'external "node:fs"' },
        { name: 'webpack/runtime/define property getters' },
      ],
      chunks: [{ modules: [{ name: './node_modules/tunnel/index.js' }] }],
    };
    assert.deepEqual((packageDirs(stats) as string[]).sort(), [
      'node_modules/@octokit/core',
      'node_modules/a/node_modules/b',
      'node_modules/tunnel',
      'node_modules/yaml',
    ]);
  });

  test("each package's name, license and text, sorted; a package without a file says what it declares", () => {
    const text = licensesText(root, [
      'node_modules/yaml',
      'node_modules/schemes',
      'node_modules/@actions/core',
    ]) as string;
    assert.deepEqual(listed(text), ['@actions/core', 'schemes', 'yaml']);
    assert.ok(text.includes(readFileSync(join(root, 'node_modules/yaml/LICENSE'), 'utf8').trim()));
    assert.match(text, /^schemes\nMIT\n\(The package has no license file; its package\.json declares MIT/m);
  });

  test('a package that declares no license and has no file stops the build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'licenses-'));
    try {
      mkdirSync(join(dir, 'node_modules/mystery'), { recursive: true });
      writeFileSync(join(dir, 'node_modules/mystery/package.json'), '{"name":"mystery"}');
      assert.throws(
        () => licensesText(dir, ['node_modules/mystery']),
        /mystery: its code is in a bundle, and it declares no license/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the committed bundles list what they carry', () => {
    const expected: Record<string, string[]> = {
      dispatch: ['@octokit/core', '@octokit/plugin-retry', '@octokit/plugin-throttling'],
      bump: ['@octokit/core', 'yaml', 'semver', 're2js'],
      // @actions/core comes with @actions/tool-cache (kind and kubectl installed), not for the log.
      validate: ['@actions/tool-cache', '@actions/core', '@octokit/core', 'kubernetes-models', 'ajv', 'yaml'],
      apply: ['@actions/tool-cache', '@actions/core', '@octokit/core', 'kubernetes-models', 'yaml'],
      cli: ['yaml', 'semver', 'kubernetes-models'],
    };
    // The runner's protocol is src/actions/shared/runner.ts: a bundle without a tool to install has no
    // @actions/core at all.
    const withoutCore = ['tag', 'dispatch', 'bump', 'promote', 'rollback', 'status', 'main', 'cli'];
    for (const [bundle, packages] of Object.entries(expected)) {
      const names = listed(readFileSync(join(root, 'dist', bundle, 'licenses.txt'), 'utf8'));
      for (const name of packages) assert.ok(names.includes(name), `dist/${bundle}/licenses.txt does not list ${name}`);
      assert.ok(!names.includes('bottleneck'), `dist/${bundle} lists Bottleneck, which no bundle carries`);
    }
    for (const bundle of withoutCore) {
      const names = listed(readFileSync(join(root, 'dist', bundle, 'licenses.txt'), 'utf8'));
      assert.ok(!names.includes('@actions/core'), `dist/${bundle} carries @actions/core`);
    }
  });
});
