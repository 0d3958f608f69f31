// The command line runs in workflow steps too: whatever it prints (results, warnings, errors) must
// not be readable by the runner as a workflow command, whatever the arguments, file names and values.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { commands } from '../../src/cli/registry.js';
import { isWorkflowCommandLine, runnerLines } from '../../src/core/text/untrusted.js';

const scratch = mkdtempSync(join(tmpdir(), 'cli-untrusted-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Payloads that would be workflow commands if printed raw, one per family. */
const COMMANDS: ReadonlyArray<[family: string, text: string]> = [
  ['LF', 'x\n::warning::lf'],
  ['lone CR', 'x\r::error::cr'],
  ['CRLF add-mask', 'x\r\n::add-mask::crlf'],
  ['stop-commands', 'x\n::stop-commands::t'],
  ['##[ anywhere', 'x##[warning]hash'],
  ['leading ::', '::error::lead'],
];

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, commands, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd: scratch,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function assertNoCommand(output: string, what: string): void {
  for (const line of runnerLines(output)) {
    assert.equal(isWorkflowCommandLine(line), false, `${what} printed a workflow command: ${JSON.stringify(line)}`);
  }
}

let trees = 0;
function tree(files: Record<string, string>): string {
  const root = join(scratch, `tree-${trees++}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the CLI prints no workflow command', () => {
  for (const [family, text] of COMMANDS) {
    test(`arguments: ${family}`, async () => {
      const dir = tree({ 'k/kustomization.yaml': 'images:\n- name: ghcr.io/acme/app\n  newTag: "1.0"\n' });
      const runs = [
        ['bump', '--dir', dir, '--image', 'ghcr.io/acme/app', '--tag', text],
        ['bump', '--dir', dir, '--image', text, '--tag', '1.1'],
        ['parse-image', text],
        ['parse-image', `ghcr.io/acme/app:${text}`],
        ['tag-id', '--ref', `refs/heads/${text}`, '--sha', 'a'.repeat(40)],
        ['setters', '--dir', dir, '--policy', `ns:p=${text}`],
        ['select', '--policy', `glob:${text}`, '--tags', `a,${text}`],
        ['select', '--policy', `regexp:${text}`, '--tags', 'a'],
      ];
      for (const args of runs) {
        for (const json of [false, true]) {
          const result = await cli(json ? [...args, '--json'] : args);
          assertNoCommand(result.stdout, `${args[0]} stdout`);
          assertNoCommand(result.stderr, `${args[0]} stderr`);
          if (json && result.code === 0) JSON.parse(result.stdout);
        }
      }
    });

    test(`file names and old values: ${family}`, async () => {
      const folder = `k${text.replace(/\//g, '_')}`;
      const dir = tree({
        [`${folder}/kustomization.yaml`]: `images:\n- name: ghcr.io/acme/app\n  newTag: ${JSON.stringify(`1.0${text}`)}\n`,
        'd/deployment.yaml':
          'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n' +
          `        image: ghcr.io/acme/app:1.0 # {"$imagepolicy": "ns:p"}\n`,
      });
      for (const args of [
        ['bump', '--dir', dir, '--image', 'ghcr.io/acme/app', '--tag', '1.1', '--dry-run'],
        ['setters', '--dir', dir, '--policy', 'ns:p=ghcr.io/acme/app:1.1', '--dry-run'],
      ]) {
        for (const json of [false, true]) {
          const result = await cli(json ? [...args, '--json'] : args);
          assert.equal(result.code, 0, result.stderr);
          assertNoCommand(result.stdout, `${args[0]} stdout`);
          assertNoCommand(result.stderr, `${args[0]} stderr`);
          if (json) {
            const parsed = JSON.parse(result.stdout) as { changes: { file: string; old: string }[] };
            // JSON keeps the values exactly; only their printed form is escaped.
            if (args[0] === 'bump') {
              const change = parsed.changes.find((candidate) => candidate.file.startsWith(folder));
              assert.equal(change?.old, `1.0${text}`);
            }
          } else if (args[0] === 'bump') {
            assert.equal(runnerLines(result.stdout).length, 3, 'two changes and the summary, one line each');
          }
        }
      }
    });
  }
});
