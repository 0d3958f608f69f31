// The workflow and action metadata users copy: least-privilege permissions, third-party actions
// pinned by full commit SHA, step outputs read only after the step, reusable workflow calls that grant
// what the called workflow asks, no event field expanded inside a shell script, and action.yml files
// that declare what their code reads and writes.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { parse } from 'yaml';
import { runAction } from '../../tools/runner/harness.js';
import { parseWorkflow, reusableCallProblems, stepReferenceProblems, unpinnedActions } from './workflow-rules.js';

const root = new URL('../..', import.meta.url).pathname;

function yamlFiles(dir: string): string[] {
  const absolute = join(root, dir);
  return existsSync(absolute)
    ? readdirSync(absolute)
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => join(dir, name))
    : [];
}

const workflows = [...yamlFiles('.github/workflows'), ...yamlFiles('examples/workflows')];

describe('shipped workflows', () => {
  test('there are workflows to check', () => assert.ok(workflows.length >= 4));
  for (const file of workflows) {
    const workflow = parseWorkflow(readFileSync(join(root, file), 'utf8'));
    test(`${file}: declares top-level permissions`, () => {
      assert.ok(workflow.permissions !== undefined, 'a top-level permissions block (least privilege)');
      assert.notEqual(workflow.permissions, 'write-all');
      if (typeof workflow.permissions === 'object' && workflow.permissions !== null) {
        for (const [scope, level] of Object.entries(workflow.permissions)) {
          assert.notEqual(level, 'write-all', `${scope}`);
        }
      }
    });
    test(`${file}: third-party actions are pinned by full commit SHA`, () => {
      assert.deepEqual(unpinnedActions(workflow), []);
    });
    test(`${file}: every steps.<id> names a step defined earlier in the same job`, () => {
      assert.deepEqual(stepReferenceProblems(workflow), []);
    });
    test(`${file}: a reusable workflow call grants what that workflow asks for`, () => {
      assert.deepEqual(reusableCallProblems(workflow, root), []);
    });
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
    test(`${file}: no expression is expanded inside a run script`, () => {
      for (const step of steps) {
        if (step.run) assert.doesNotMatch(step.run, /\$\{\{/, `pass values through env instead: ${step.run}`);
      }
    });
  }

  test('.github/workflows/bump.yml: nothing at the top; its job asks for contents and pull-requests write only', () => {
    const reusable = parseWorkflow(readFileSync(join(root, '.github/workflows/bump.yml'), 'utf8'));
    assert.deepEqual(reusable.permissions, {});
    assert.deepEqual(Object.keys(reusable.jobs), ['bump']);
    assert.deepEqual(reusable.jobs.bump?.permissions, { contents: 'write', 'pull-requests': 'write' });
  });

  test('.github/workflows/bump.yml: runs the bump action of its own commit, with an App token limited to what bump writes', () => {
    const reusable = parseWorkflow(readFileSync(join(root, '.github/workflows/bump.yml'), 'utf8'));
    const steps = reusable.jobs.bump?.steps ?? [];
    // `$/<path>`: this repository at the commit the caller resolved (a release tag or a SHA), not `@v1`.
    const own = steps.filter((step) => step.uses?.startsWith('gitops-promote/') || step.uses?.startsWith('$/'));
    assert.deepEqual(
      own.map((step) => step.uses),
      ['$/actions/bump'],
    );
    assert.ok(existsSync(join(root, 'actions/bump/action.yml')), '$/actions/bump names an action of this repository');
    const appToken = steps.find((step) => step.uses?.startsWith('actions/create-github-app-token@'));
    const limits = Object.entries((appToken?.with ?? {}) as Record<string, unknown>).filter(([key]) =>
      key.startsWith('permission-'),
    );
    assert.deepEqual(Object.fromEntries(limits), {
      'permission-contents': 'write',
      'permission-pull-requests': 'write',
    });
  });
});

// The reusable workflows for users beside bump.yml: what each job may do, which of our actions it runs
// (always of its own commit, `$/actions/<name>`), and what the GitHub App tokens it makes are limited to.
const reusableWorkflows: Array<{
  file: string;
  job: string;
  permissions: Record<string, string>;
  own: string[];
  appTokens: Array<Record<string, string>>;
}> = [
  {
    file: 'app-build.yml',
    job: 'build',
    permissions: { contents: 'read', packages: 'write' },
    own: ['$/actions/tag', '$/actions/dispatch'],
    appTokens: [
      {
        owner: '${{ steps.names.outputs.owner }}',
        repositories: '${{ steps.names.outputs.name }}',
        'permission-contents': 'write',
      },
    ],
  },
  {
    file: 'promote.yml',
    job: 'promote',
    permissions: { contents: 'write', 'pull-requests': 'write', deployments: 'read', statuses: 'read' },
    own: ['$/actions/promote'],
    appTokens: [
      {
        'permission-contents': 'write',
        'permission-pull-requests': 'write',
        'permission-deployments': 'read',
        'permission-statuses': 'read',
      },
      {
        owner: '${{ github.repository_owner }}',
        repositories: '${{ inputs.app-repositories }}',
        'permission-contents': 'read',
        'permission-pull-requests': 'write',
      },
    ],
  },
  {
    file: 'status.yml',
    job: 'status',
    permissions: { contents: 'read', 'pull-requests': 'read', deployments: 'read', issues: 'write' },
    own: ['$/actions/status'],
    appTokens: [],
  },
];

describe('reusable workflows for users', () => {
  for (const expected of reusableWorkflows) {
    const file = `.github/workflows/${expected.file}`;
    const reusable = parseWorkflow(readFileSync(join(root, file), 'utf8'));
    const steps = reusable.jobs[expected.job]?.steps ?? [];
    test(`${file}: called only (workflow_call), nothing at the top, one job with exactly its permissions`, () => {
      assert.deepEqual(Object.keys(reusable.on as object), ['workflow_call']);
      assert.deepEqual(reusable.permissions, {});
      assert.deepEqual(Object.keys(reusable.jobs), [expected.job]);
      assert.deepEqual(reusable.jobs[expected.job]?.permissions, expected.permissions);
    });
    test(`${file}: runs our actions of its own commit`, () => {
      const own = steps.filter((step) => step.uses?.startsWith('gitops-promote/') || step.uses?.startsWith('$/'));
      assert.deepEqual(
        own.map((step) => step.uses),
        expected.own,
      );
    });
    test(`${file}: each App token is limited to what the job needs`, () => {
      const tokens = steps
        .filter((step) => step.uses?.startsWith('actions/create-github-app-token@'))
        .map((step) =>
          Object.fromEntries(
            Object.entries((step.with ?? {}) as Record<string, string>).filter(
              ([key]) => key.startsWith('permission-') || key === 'owner' || key === 'repositories',
            ),
          ),
        );
      assert.deepEqual(tokens, expected.appTokens);
    });
    for (const uses of expected.own) {
      const action = uses.slice('$/'.length);
      // promote and status come with their own branches; until those are merged here, the check says so.
      const present = existsSync(join(root, action, 'action.yml'));
      test(
        `${file}: ${uses} names an action of this repository`,
        { skip: !present && `${action} is not here yet` },
        () => {
          assert.ok(present);
        },
      );
    }
  }
});

interface ActionMetadata {
  name: string;
  description: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main: string };
  branding?: unknown;
}

const actionNames = readdirSync(join(root, 'actions')).filter((name) =>
  existsSync(join(root, 'actions', name, 'action.yml')),
);
const readAction = (file: string) => parse(readFileSync(join(root, file), 'utf8')) as ActionMetadata;

/**
 * The output names the TypeScript files of a folder set, read from the syntax tree: the keys of
 * `setOutputs({...})` object literals and the first argument of `setOutput('name', ...)`. A call whose
 * names are not literals is listed in `unreadable`, so the check fails rather than passing blind.
 */
function outputsSetIn(
  dir: string,
  options: { recursive?: boolean } = {},
): { names: Set<string>; unreadable: string[] } {
  const names = new Set<string>();
  const unreadable: string[] = [];
  const files = readdirSync(dir, { withFileTypes: true, recursive: options.recursive ?? true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) =>
      `${file.slice(root.length)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
        const calleeName = ts.isIdentifier(callee) ? callee.text : '';
        const [first] = node.arguments;
        if (calleeName === 'setOutputs') {
          if (first && ts.isObjectLiteralExpression(first)) {
            for (const property of first.properties) {
              const key =
                ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)
                  ? property.name
                  : undefined;
              if (key && (ts.isIdentifier(key) || ts.isStringLiteral(key))) names.add(key.text);
              else unreadable.push(where(property));
            }
          } else unreadable.push(where(node));
        } else if (calleeName === 'setOutput') {
          if (first && ts.isStringLiteral(first)) names.add(first.text);
          else unreadable.push(where(node));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { names, unreadable };
}

describe('action metadata', () => {
  for (const name of actionNames) {
    const file = `actions/${name}/action.yml`;
    const action = readAction(file);
    test(`${file}: runs the committed bundle under node24`, () => {
      assert.equal(action.runs.using, 'node24');
      assert.equal(action.runs.main, `../../dist/${name}/index.js`);
      assert.ok(existsSync(join(root, 'dist', name, 'index.js')), `dist/${name}/index.js is committed`);
      assert.ok(action.branding, 'branding for the marketplace');
    });
    test(`${file}: every input and output is described`, () => {
      for (const [input, spec] of Object.entries(action.inputs ?? {})) assert.ok(spec.description, `input ${input}`);
      for (const [output, spec] of Object.entries(action.outputs ?? {}))
        assert.ok(spec.description, `output ${output}`);
      assert.ok(Object.keys(action.outputs ?? {}).length > 0, 'declares its outputs');
    });
    test(`${file}: the code reads only declared inputs`, () => {
      const source = readdirSync(join(root, 'src/actions', name))
        .map((entry) => readFileSync(join(root, 'src/actions', name, entry), 'utf8'))
        .join('\n');
      const read = [
        ...source.matchAll(/inputs\.(?:optional|string|required|boolean|integer|multiline)\('([\w-]+)'/g),
      ].map((match) => match[1]);
      for (const input of read)
        assert.ok(input && action.inputs?.[input], `reads input "${input}" that action.yml does not declare`);
    });
    test(`${file}: the code sets exactly the outputs action.yml declares`, () => {
      const { names, unreadable } = outputsSetIn(join(root, 'src/actions', name));
      assert.deepEqual(unreadable, [], 'every output name is a literal the test can read');
      assert.deepEqual([...names].sort(), Object.keys(action.outputs ?? {}).sort());
    });
  }

  test('actions/tag/action.yml: a run of the committed bundle sets exactly the declared outputs', async () => {
    const run = await runAction('tag', { ref: 'refs/heads/dev', sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.deepEqual(
      Object.keys(run.outputs).sort(),
      Object.keys(readAction('actions/tag/action.yml').outputs ?? {}).sort(),
    );
  });

  test('the root action declares exactly the outputs of the actions it runs', () => {
    const rootOutputs = Object.keys(readAction('action.yml').outputs ?? {}).sort();
    const actionOutputs = new Set(
      actionNames.flatMap((name) => Object.keys(readAction(`actions/${name}/action.yml`).outputs ?? {})),
    );
    assert.deepEqual(rootOutputs, [...actionOutputs].sort());
    assert.deepEqual(
      outputsSetIn(join(root, 'src/actions'), { recursive: false }).names.size,
      0,
      'main.ts sets none of its own',
    );
  });

  test('the root action defaults token to the workflow token, as actions/bump does', () => {
    const rootToken = readAction('action.yml').inputs?.token;
    assert.equal(rootToken?.default, '${{ github.token }}');
    assert.equal(rootToken?.default, readAction('actions/bump/action.yml').inputs?.token?.default);
  });

  test('the root action offers every action through its command input, with their inputs and outputs', () => {
    const rootAction = readAction('action.yml');
    assert.equal(rootAction.runs.using, 'node24');
    assert.equal(rootAction.runs.main, 'dist/main/index.js');
    const commandHelp = rootAction.inputs?.command?.description ?? '';
    for (const name of actionNames) {
      assert.match(commandHelp, new RegExp(`\\b${name}\\b`), `command input mentions ${name}`);
      const action = readAction(`actions/${name}/action.yml`);
      for (const input of Object.keys(action.inputs ?? {}))
        assert.ok(rootAction.inputs?.[input], `root action lacks input ${input} of ${name}`);
      for (const output of Object.keys(action.outputs ?? {}))
        assert.ok(rootAction.outputs?.[output], `root action lacks output ${output} of ${name}`);
    }
  });
});
