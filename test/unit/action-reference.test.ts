// The README's reference of every action's inputs and outputs is rendered from actions/*/action.yml
// by `npm run build`: an input added, removed or reworded fails here until the README is rebuilt.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
// @ts-expect-error: a plain ES module of the build, without types
import { actionNames, readmeWithReference, REFERENCE_END, REFERENCE_START } from '../../scripts/action-reference.mjs';

const root = new URL('../../', import.meta.url).pathname;
const readme = () => readFileSync(new URL('README.md', `file://${root}`), 'utf8');

test("the README's action reference is the one the action.yml files render (run npm run build)", async () => {
  assert.equal(readme(), await readmeWithReference(root));
});

test('the reference has a section for every action, with every input and output it declares', () => {
  const text = readme();
  const reference = text.slice(text.indexOf(REFERENCE_START), text.indexOf(REFERENCE_END));
  for (const name of actionNames(root)) {
    const start = reference.indexOf(`#### \`${name}\`:`);
    assert.ok(start !== -1, `a section for ${name}`);
    const next = reference.indexOf('\n#### ', start + 1);
    const section = reference.slice(start, next === -1 ? undefined : next);
    const definition = parse(readFileSync(`${root}actions/${name}/action.yml`, 'utf8')) as {
      inputs?: Record<string, unknown>;
      outputs?: Record<string, unknown>;
    };
    for (const key of [...Object.keys(definition.inputs ?? {}), ...Object.keys(definition.outputs ?? {})]) {
      assert.match(section, new RegExp(`^\\| \`${key}\` +\\|`, 'm'), `${name}: ${key}`);
    }
  }
});
