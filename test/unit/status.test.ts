// The pure status matrix, table-driven (who is promoted from whom, who is behind, the rendering with
// untrusted values), and `status --dir` on a real temporary git work tree.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { commands } from '../../src/cli/registry.js';
import { parsePromotionConfig } from '../../src/core/config/index.js';
import { buildStatusMatrix, isBehind, promotedFrom } from '../../src/core/status/matrix.js';
import { renderStatusMarkdown, renderStatusText } from '../../src/core/status/render.js';
import { CONFIG, EXAMPLE_DIR } from '../integration/bump-fixtures.js';
import { WALK_CONFIG } from '../integration/status-fixtures.js';

const walk = parsePromotionConfig(WALK_CONFIG);
const listOrder = parsePromotionConfig(CONFIG);
const environment = (config: typeof walk, name: string) => config.environments.find((entry) => entry.name === name)!;

describe('promotedFrom', () => {
  const cases: [string, typeof walk, string, string | undefined][] = [
    ['from, when declared', walk, 'stg', 'dev'],
    ['from, prod', walk, 'prod', 'stg'],
    ['the first is fed by dispatches', walk, 'dev', undefined],
    ['no from anywhere: list order', listOrder, 'stg', 'dev'],
    ['no from anywhere: the first has none', listOrder, 'dev', undefined],
  ];
  for (const [name, config, target, expected] of cases) {
    test(name, () => assert.equal(promotedFrom(config, environment(config, target))?.name, expected));
  }
});

describe('isBehind', () => {
  const stg = environment(walk, 'stg');
  const prod = environment(walk, 'prod');
  const cases: [string, typeof stg, string[], string[], string | undefined][] = [
    ['a newer dev build', stg, ['dev-a-1763800000'], ['dev-b-1763700000'], 'dev-a-1763800000'],
    ['the same build', stg, ['dev-a-1763800000'], ['dev-a-1763800000'], undefined],
    ['an older build in the source', stg, ['dev-a-1763600000'], ['dev-b-1763700000'], undefined],
    ['the target runs nothing yet', stg, ['dev-a-1763800000'], [], 'dev-a-1763800000'],
    ['the target policy refuses it', prod, ['dev-a-1763800000'], ['0.4.9'], undefined],
    ['a newer release', prod, ['0.4.10'], ['0.4.9'], '0.4.10'],
    ['the source runs two tags: nothing to promote', stg, ['dev-a-1', 'dev-b-2'], [], undefined],
  ];
  for (const [name, target, source, runs, expected] of cases) {
    test(name, () => assert.equal(isBehind(target, source, runs), expected));
  }
});

describe('the matrix and its rendering', () => {
  const tags: Record<string, string[]> = {
    'podinfo dev': ['dev-a-1763800000'],
    'podinfo stg': ['dev-b-1763700000'],
    'podinfo prod': ['0.4.9'],
    'api dev': ['dev-a-1763800000'],
    'api stg': ['dev-a-1763800000'],
  };
  const matrix = buildStatusMatrix(walk, {
    running: (app, env) =>
      app === 'api' && env === 'prod'
        ? { error: 'a | b @team' }
        : { images: (tags[`${app} ${env}`] ?? []).map((tag) => ({ tag })) },
    pulls: new Map([
      [
        'gitops-promote/stg/podinfo',
        { number: 7, url: 'https://github.com/acme/env/pull/7', tag: 'dev-a|x', kind: 'promotion' as const },
      ],
    ]),
    deployments: new Map([['dev', { state: 'success', at: '2026-12-07T10:11:12Z', url: 'javascript:alert(1)' }]]),
  });
  test('behind: podinfo in stg only', () =>
    assert.deepEqual(matrix.behind, [
      { app: 'podinfo', environment: 'stg', from: 'dev', runs: ['dev-b-1763700000'], available: 'dev-a-1763800000' },
    ]));
  test('markdown: a table with links, untrusted text inert, no link that is not http(s)', () => {
    const markdown = renderStatusMarkdown(matrix);
    const lines = markdown.split('\n');
    assert.equal(lines[2], '| App | dev | stg | prod |');
    assert.equal(
      lines[4],
      '| podinfo | `dev-a-1763800000`<br>success 2026-12-07 10:11 UTC | `dev-b-1763700000`<br>PR [#7](https://github.com/acme/env/pull/7) → `dev-a\\|x`<br>**behind** dev (`dev-a-1763800000`) | `0.4.9` |',
    );
    assert.match(lines[5] ?? '', /\| unreadable: a \\\| b @\u2060team \|$/);
    assert.match(markdown, /Promotion: dev → stg, stg → prod\./);
    assert.match(markdown, /- podinfo in \*\*stg\*\* runs `dev-b-1763700000`; \*\*dev\*\* runs `dev-a-1763800000`/);
  });
  test('text: aligned columns', () => {
    const lines = renderStatusText(matrix).split('\n');
    assert.match(lines[0] ?? '', /^APP {6}ENVIRONMENT {2}TAG/);
    assert.ok(
      lines.some((line) =>
        /^podinfo +stg +dev-b-1763700000 +#7 -> dev-a\|x +- +behind dev \(dev-a-1763800000\)$/.test(line),
      ),
    );
  });
});

describe('status --dir (a real git work tree)', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'status-cli-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['status', ...args], commands, {
      stdout: (text) => (stdout += `${text}\n`),
      stderr: (text) => (stderr += `${text}\n`),
      cwd: process.cwd(),
    });
    return { code, stdout, stderr };
  }

  test('the files say what runs; stg is behind dev after a dev bump', async () => {
    const dir = join(root, 'env');
    cpSync(EXAMPLE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, '.github/promotion.yml'), WALK_CONFIG);
    const file = join(dir, 'releases/dev/podinfo.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('dev-3f2a9c1e-1763600000', 'dev-aaaaaaa1-1763800000'));
    execFileSync('git', ['-C', dir, 'init', '-q', '-b', 'main']);
    const run = await cli(['--dir', dir, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as {
      behind: unknown[];
      cells: { app: string; environment: string; tags: string[] }[];
    };
    assert.deepEqual(json.behind, [
      {
        app: 'podinfo',
        environment: 'stg',
        from: 'dev',
        runs: ['stg-3f2a9c1e-1763600000'],
        available: 'dev-aaaaaaa1-1763800000',
      },
    ]);
    assert.deepEqual(json.cells.find((cell) => cell.app === 'api' && cell.environment === 'prod')?.tags, ['0.4.9']);
    const text = await cli(['--dir', dir]);
    assert.match(text.stdout, /^podinfo +stg +stg-3f2a9c1e-1763600000 +- +- +behind dev \(dev-aaaaaaa1-1763800000\)$/m);
  });

  test('an environment on its own branch is read from that branch; a missing branch is said in its cells', async () => {
    const dir = join(root, 'branches');
    cpSync(EXAMPLE_DIR, dir, { recursive: true });
    const config = WALK_CONFIG.replace('    path: releases/stg\n', '    path: releases/stg\n    branch: stg\n').replace(
      '    path: releases/prod\n',
      '    path: releases/prod\n    branch: production\n',
    );
    writeFileSync(join(dir, '.github/promotion.yml'), config);
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args]);
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'initial');
    git('checkout', '-qb', 'stg');
    const file = join(dir, 'releases/stg/podinfo.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('stg-3f2a9c1e-1763600000', 'dev-ccccccc3-1763990000'));
    git('commit', '-qam', 'stg runs a dev build');
    git('checkout', '-q', 'main');
    const run = await cli(['--dir', dir, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const cells = (
      JSON.parse(run.stdout) as { cells: { app: string; environment: string; tags: string[]; error?: string }[] }
    ).cells;
    const cell = (app: string, environment: string) =>
      cells.find((candidate) => candidate.app === app && candidate.environment === environment);
    assert.deepEqual(cell('podinfo', 'stg')?.tags, ['dev-ccccccc3-1763990000']);
    assert.equal(cell('podinfo', 'prod')?.error, "branch production is not in the work tree's repository");
  });

  const usage: [string, string[]][] = [
    ['neither --dir nor --repository', []],
    ['both', ['--dir', '.', '--repository', 'acme/env']],
  ];
  for (const [name, args] of usage) {
    test(`usage error: ${name}`, async () => {
      const run = await cli(args);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /give one of --dir or --repository/);
    });
  }
});
