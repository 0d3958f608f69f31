// The README is what users copy: every workflow in it must run as shown, its reusable workflow
// section must describe the workflow as it is, and its command line table must say what --help says.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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

/** The text of a section: from its heading to the next heading of the same or a higher level (outside code blocks). */
function section(heading: string): string {
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  assert.notEqual(start, -1, `README has the heading ${heading}`);
  const depth = /^#+/.exec(heading)?.[0].length ?? 1;
  // A `# comment` line inside a fenced code block is no heading.
  let fenced = false;
  const end = lines.findIndex((line, index) => {
    if (/^```/.test(line)) fenced = !fenced;
    return index > start && !fenced && new RegExp(`^#{1,${depth}} `).test(line);
  });
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

/** Table rows as cells, `\|` read as a literal bar. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*:?-+/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, '|')),
    );
}

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

// Each reusable workflow users call has its section, with a table of every input, secret and output.
for (const file of ['bump.yml', 'app-build.yml', 'promote.yml', 'status.yml']) {
  describe(`README: the reusable workflow ${file}`, () => {
    const reusable = parse(readFileSync(join(root, '.github/workflows', file), 'utf8')) as {
      on: {
        workflow_call: {
          inputs?: Record<string, { type: string; required?: boolean; default?: string | boolean | number }>;
          secrets?: Record<string, unknown>;
          outputs?: Record<string, unknown>;
        };
      };
    };
    const call = reusable.on.workflow_call;
    const rows = tableRows(section(`### The reusable workflow \`${file}\``));
    const documented = (kind: string) => rows.filter((row) => row[0] === kind).map((row) => row[1]?.replace(/`/g, ''));

    test('every input, secret and output is documented, and nothing else', () => {
      assert.deepEqual(documented('input').sort(), Object.keys(call.inputs ?? {}).sort());
      assert.deepEqual(documented('secret').sort(), Object.keys(call.secrets ?? {}).sort());
      assert.deepEqual(documented('output').sort(), Object.keys(call.outputs ?? {}).sort());
    });

    test('inputs are documented with their type, whether required, and default', () => {
      for (const [name, spec] of Object.entries(call.inputs ?? {})) {
        const row = rows.find((cells) => cells[0] === 'input' && cells[1] === `\`${name}\``) ?? [];
        assert.equal(row[2], spec.type, `${name}: type`);
        assert.equal(row[3], spec.required ? 'yes' : 'no', `${name}: required`);
        assert.equal(row[4]?.replace(/`/g, ''), String(spec.default ?? ''), `${name}: default`);
      }
    });
  });
}

describe('README: the command line table', () => {
  const cli = join(root, 'dist/cli/index.js');
  const rows = tableRows(section('## Command line')).filter((row) => row[0] !== 'command');
  const run = (...args: string[]) => execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  const help = (command: string) => run(command, '--help');
  const commands = [...run('--help').matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((match) => match[1] ?? '');

  test('one row per command, in the order --help lists them', () => {
    assert.ok(commands.length >= 6, commands.join(' '));
    assert.deepEqual(
      rows.map((row) => row[0]?.replace(/^`([a-z-]+).*/, '$1')),
      commands,
    );
  });

  for (const command of commands) {
    test(`${command}: the row starts with the usage line and names every option`, () => {
      const text = help(command);
      const row = rows.find((cells) => cells[0]?.startsWith(`\`${command} `)) ?? [];
      const usage = /^usage: gitops-promote (.*)$/m.exec(text)?.[1];
      assert.equal(row[0], `\`${usage}\``);
      const options = [...text.matchAll(/^ {2}(--[a-z-]+)/gm)].map((match) => match[1] ?? '');
      for (const option of options) assert.ok(row.join(' ').includes(option), `${command} row names ${option}`);
    });
  }
});
