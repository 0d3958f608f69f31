// `plan --config --event --dir`: what bump would do, from a checkout, as JSON, and the tree untouched.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { commands } from '../../src/cli/registry.js';
import { CONFIG, EXAMPLE_DIR, devTag, payload } from '../integration/bump-fixtures.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plan-cli-'));
  await writeFile(join(dir, 'promotion.yml'), CONFIG);
});
after(() => rm(dir, { recursive: true, force: true }));

async function plan(event: unknown, extra: string[] = []) {
  const eventFile = join(dir, `event-${Math.random()}.json`);
  await writeFile(eventFile, typeof event === 'string' ? event : JSON.stringify(event));
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    ['plan', '--config', join(dir, 'promotion.yml'), '--event', eventFile, '--dir', EXAMPLE_DIR, '--json', ...extra],
    commands,
    {
      stdout: (text) => (stdout += `${text}\n`),
      stderr: (text) => (stderr += `${text}\n`),
      cwd: process.cwd(),
    },
  );
  return { code, stdout, stderr, json: code === 0 ? (JSON.parse(stdout) as Record<string, unknown>) : undefined };
}

describe('plan', () => {
  const cases = [
    {
      name: 'a newer dev tag: change',
      event: {
        action: 'gitops-promote',
        client_payload: payload({ app: 'web', tag: devTag(1763900000), buildTimestamp: 1763900000 }),
      },
      operation: 'change',
      files: ['releases/dev/web/deployment.yaml', 'releases/dev/web/kustomization.yaml'],
    },
    {
      name: 'a bare payload works too',
      event: payload({ app: 'podinfo', tag: devTag(1763900000), buildTimestamp: 1763900000 }),
      operation: 'change',
      files: ['releases/dev/podinfo.yaml'],
    },
    {
      name: 'what dev runs: unchanged',
      event: payload({ app: 'api', tag: 'dev-3f2a9c1e-1763600000', buildTimestamp: 1763600000 }),
      operation: 'unchanged',
      files: [],
    },
    {
      name: 'an older tag: skipped',
      event: payload({ app: 'api', tag: devTag(1763000000), buildTimestamp: 1763000000 }),
      operation: 'skipped',
      files: [],
    },
    {
      name: 'prod policy: skipped',
      event: payload({ app: 'worker', tag: '0.5.0', environment: 'prod' }),
      operation: 'skipped',
      files: [],
    },
  ];
  for (const { name, event, operation, files } of cases) {
    test(name, async () => {
      const before = await readFile(join(EXAMPLE_DIR, 'releases/dev/web/deployment.yaml'), 'utf8');
      const result = await plan(event);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.json?.operation, operation, JSON.stringify(result.json));
      assert.deepEqual(result.json?.files, files);
      assert.equal(
        await readFile(join(EXAMPLE_DIR, 'releases/dev/web/deployment.yaml'), 'utf8'),
        before,
        'nothing written',
      );
    });
  }
  test('a bad payload exits 1 with the field', async () => {
    const result = await plan({ client_payload: { ...payload({ app: 'web', tag: 'dev-1' }), tag: 'dev-1;rm' } });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /client_payload.tag: got "dev-1;rm"/);
  });
  test('an event that is not JSON exits 1', async () => {
    const result = await plan('{nope');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--event: .* is not valid JSON/);
  });
  test('a --dir that is not an existing directory is a usage error naming it', async () => {
    const result = await plan({ client_payload: payload({ app: 'web', tag: devTag(1_763_800_000) }) }, [
      '--dir',
      join(dir, 'missing'),
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--dir: got ".*missing" \(no such directory\), expected an existing directory/);
  });
  test('missing --config is a usage error', async () => {
    const code = await runCli(['plan', '--event', 'x'], commands, {
      stdout: () => undefined,
      stderr: () => undefined,
      cwd: dir,
    });
    assert.equal(code, 2);
  });
});
