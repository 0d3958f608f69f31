// The README is what users copy: every workflow in it must run as shown.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import {
  looksLikeWorkflow,
  parseWorkflow,
  reusableCallProblems,
  stepReferenceProblems,
  unpinnedActions,
  yamlBlocks,
} from './workflow-rules.js';

const root = new URL('../..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README workflows', () => {
  const workflows = yamlBlocks(readme).flatMap(({ line, text }) => {
    const document: unknown = parse(text);
    return looksLikeWorkflow(document) ? [{ line, workflow: parseWorkflow(text) }] : [];
  });

  test('there are workflows to check (the application and the environment repository)', () => {
    assert.ok(workflows.length >= 2, `found ${workflows.length}`);
  });

  for (const { line, workflow } of workflows) {
    const name = `the workflow at README.md:${line}`;
    test(`${name} declares permissions`, () => {
      assert.ok(workflow.permissions !== undefined, 'a top-level permissions block (least privilege)');
      assert.notEqual(workflow.permissions, 'write-all');
    });
    test(`${name}: third-party actions are pinned by full commit SHA`, () => {
      assert.deepEqual(unpinnedActions(workflow), []);
    });
    test(`${name}: every steps.<id> names a step defined earlier in the same job`, () => {
      assert.deepEqual(stepReferenceProblems(workflow), []);
    });
    test(`${name}: a reusable workflow call grants what that workflow asks for`, () => {
      assert.deepEqual(reusableCallProblems(workflow, root), []);
    });
  }
});
