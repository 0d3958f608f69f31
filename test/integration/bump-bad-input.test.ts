// A corpus of malformed and malicious inputs to bump (payloads, configs, manifests): every one is
// refused with a clear one-line message, or skipped with its reason when it is a well-formed
// dispatch the policy refuses, and the repository is byte-identical afterwards (refs, objects, PRs).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { parseDispatchPayload, requestFromPayload } from '../../src/core/payload/index.js';
import { bumpEnvironment } from '../../src/flows/bump.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { CONFIG, devTag, exampleFiles, fastClient, OWNER, payload, repositorySnapshot } from './bump-fixtures.js';

const github: LocalGitHub = await startLocalGitHub();
after(() => github.stop());
await github.createRepository(OWNER, 'target', exampleFiles());

const VALID = payload({ app: 'podinfo', tag: devTag(1763800000), buildTimestamp: 1763800000 }) as unknown as Record<
  string,
  unknown
>;
const SHELL = [
  ';',
  '|',
  '&',
  '&&',
  '$(id)',
  '`id`',
  '\n',
  '\r\n',
  ' ',
  '"',
  "'",
  '>',
  '<',
  '\\',
  '*',
  '?',
  '$HOME',
  '${{ secrets.TOKEN }}',
  '\u0000',
  '\t',
];
const PATHY = ['/../etc', '/../../x', '/abs', '/b', '%2e%2e', '\\b'];
const ODD = ['Ünicode', '😀', '\u202eevil', 'x'.repeat(200), '\ud800', '\u00a0', '\u200b'];

interface Case {
  name: string;
  value: unknown;
  /** The config the repository holds for this case (default: the fixture's). */
  config?: string | Buffer;
  /** true: a well-formed dispatch the policy or order refuses: skipped, with the reason. */
  skipped?: boolean;
}

const withField = (field: string, value: unknown): Record<string, unknown> => ({ ...VALID, [field]: value });
const withSource = (field: string, value: unknown) => ({
  ...VALID,
  source: { ...(VALID.source as object), [field]: value },
});

const cases: Case[] = [
  ...[...SHELL, ...PATHY, ...ODD].map((bad) => ({
    name: `tag ${JSON.stringify(`dev-1${bad}`)}`,
    value: withField('tag', `dev-1${bad}`),
  })),
  ...SHELL.map((bad) => ({
    name: `tag ${JSON.stringify(`dev-${bad}-1763800000`)}`,
    value: withField('tag', `dev-${bad}-1763800000`),
  })),
  ...[...SHELL, ...PATHY, ...ODD].map((bad) => ({
    name: `app ${JSON.stringify(`podinfo${bad}`)}`,
    value: withField('app', `podinfo${bad}`),
  })),
  ...[...SHELL, ...PATHY, ...ODD].map((bad) => ({
    name: `environment ${JSON.stringify(`dev${bad}`)}`,
    value: withField('environment', `dev${bad}`),
  })),
  ...['qa', 'production', 'dev-2', 'staging'].map((environment) => ({
    name: `unknown environment ${environment}`,
    value: withField('environment', environment),
  })),
  ...['nginx', 'payments', 'podinfo-v2', 'web-worker'].map((app) => ({
    name: `unknown app ${app}`,
    value: withField('app', app),
  })),
  ...[
    'GHCR.IO/acme/podinfo',
    'ghcr.io/Acme/podinfo',
    'ghcr.io/acme/podinfo:1.0',
    `ghcr.io/acme/podinfo@sha256:${'a'.repeat(64)}`,
    'ghcr.io//podinfo',
    'ghcr.io/acme/../podinfo',
    'ghcr.io/acme/podinfo ',
    ' ghcr.io/acme/podinfo',
    'ghcr.io/acme/podinfo;rm -rf',
    'ghcr.io/acme/podinfo\n',
    `ghcr.io/${'a'.repeat(300)}`,
    'https://ghcr.io/acme/podinfo',
    '',
    'ghcr.io/acme/podinfo-evil',
    'ghcr.io/acme/web',
    'docker.io/acme/podinfo',
    'podinfo',
  ].map((image) => ({ name: `image ${JSON.stringify(image.slice(0, 60))}`, value: withField('image', image) })),
  ...[
    ['digest sha1', 'digest', `sha1:${'a'.repeat(40)}`],
    ['digest short', 'digest', 'sha256:abc'],
    ['digest uppercase', 'digest', `sha256:${'A'.repeat(64)}`],
    ['digest with a newline', 'digest', `sha256:${'a'.repeat(64)}\n`],
    ['timestamp negative', 'buildTimestamp', -1],
    ['timestamp float', 'buildTimestamp', 1.5],
    ['timestamp string', 'buildTimestamp', '1763800000'],
    ['timestamp huge', 'buildTimestamp', 1e12],
    ['dispatch id not a uuid', 'dispatchId', 'abc'],
    ['dispatch id with a newline', 'dispatchId', '00000000-0000-4000-8000-000000000001\n'],
    ['version 2', 'v', 2],
    ['version missing', 'v', undefined],
    ['extra not an object', 'extra', [1, 2]],
    ['extra oversized', 'extra', { blob: 'x'.repeat(70_000) }],
    ['extra too deep', 'extra', JSON.parse(`${'{"a":'.repeat(12)}1${'}'.repeat(12)}`)],
    ['extra lone surrogate', 'extra', { note: '\ud800' }],
    ['extra NUL', 'extra', { note: 'a\u0000b' }],
    ['extra key with a space', 'extra', { 'a b': 1 }],
    ['extra __proto__', 'extra', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['tag a number', 'tag', 1],
    ['tag null', 'tag', null],
    ['app an array', 'app', ['podinfo']],
    ['environment an object', 'environment', { name: 'dev' }],
  ].map(([name, field, value]) => ({ name: String(name), value: withField(String(field), value) })),
  ...[
    ['source sha short', 'sha', 'abc'],
    ['source sha with a newline', 'sha', `${'a'.repeat(40)}\n`],
    ['source ref traversal', 'ref', 'refs/heads/../../etc'],
    ['source ref with a space', 'ref', 'refs/heads/a b'],
    ['source ref not a ref', 'ref', 'main'],
    ['source run URL javascript', 'runUrl', 'javascript:alert(1)'],
    ['source run URL with credentials', 'runUrl', 'https://user:pass@github.com/x'],
    ['source run URL with a quote', 'runUrl', 'https://github.com/"onload="x'],
    ['source repository traversal', 'repository', '../acme'],
    ['source repository three parts', 'repository', 'a/b/c'],
    ['source unknown key', 'extra', 'x'],
  ].map(([name, field, value]) => ({ name: String(name), value: withSource(String(field), value) })),
  { name: 'payload null', value: null },
  { name: 'payload an array', value: [VALID] },
  { name: 'payload a string', value: JSON.stringify(VALID) },
  { name: 'payload a number', value: 42 },
  { name: 'payload empty object', value: {} },
  { name: 'payload with an unknown key', value: { ...VALID, command: 'rm -rf /' } },
  { name: 'payload with 11 keys', value: { ...VALID, extra: {}, digest: `sha256:${'a'.repeat(64)}`, x: 1 } },
  { name: 'payload without source', value: withField('source', undefined) },
  { name: 'payload source a string', value: withField('source', 'acme/podinfo') },
  ...['stg-abcdef12-1763800000', '0.4.10', 'v1', 'feature-x'].map((tag) => ({
    name: `policy refuses ${tag} in dev`,
    value: withField('tag', tag),
    skipped: true,
  })),
  ...['0.5.0', '1.0.0', '0.3.9', 'dev-abcdef12-1763800000', '0.4'].map((tag) => ({
    name: `policy or order refuses ${tag} in prod`,
    value: { ...withField('tag', tag), environment: 'prod' },
    skipped: true,
  })),
  {
    name: 'older than what dev runs',
    value: { ...withField('tag', devTag(1763500000)), buildTimestamp: 1763500000 },
    skipped: true,
  },
  ...configCases(),
];

function configCases(): Case[] {
  const configs: [string, string | Buffer][] = [
    [
      'config: billion laughs',
      `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\nenvironments: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
    ],
    [
      'config: aliases in apps',
      `${CONFIG.replace('apps:', 'x: &x {image: ghcr.io/acme/podinfo}\napps:')}  other: *x\n`,
    ],
    ['config: invalid UTF-8', Buffer.concat([Buffer.from('environments: []\n# '), Buffer.from([0xff, 0xfe, 0xc3])])],
    ['config: not YAML', 'environments: [\n'],
    ['config: empty', ''],
    ['config: a scalar', 'hello\n'],
    ['config: tabs', 'environments:\n\t- name: dev\n'],
    ['config: env path traversal', CONFIG.replace('path: releases/dev', 'path: ../../outside')],
    ['config: env path absolute', CONFIG.replace('path: releases/dev', 'path: /etc')],
    [
      'config: app paths traversal',
      CONFIG.replace('image: ghcr.io/acme/podinfo', 'image: ghcr.io/acme/podinfo\n    paths: [../../../etc]'),
    ],
    [
      'config: app image with a tag',
      CONFIG.replace('image: ghcr.io/acme/podinfo', 'image: ghcr.io/acme/podinfo:latest'),
    ],
    ['config: policy unknown', CONFIG.replace('glob:dev-*', 'magic:dev')],
    ['config: regexp that does not compile', CONFIG.replace('glob:dev-*', '"regexp:(a+"')],
    ['config: Perl-only regexp', CONFIG.replace('glob:dev-*', '"regexp:(?<=a)b"')],
    ['config: duplicate environment', CONFIG.replace('name: stg', 'name: dev')],
    ['config: unknown key', CONFIG.replace('environments:', 'enviroments: []\nenvironments:')],
    ['config: oversized', `# ${'x'.repeat(300_000)}\n${CONFIG}`],
    ['config: label with a newline', CONFIG.replace('labels: [promotion, env/dev]', 'labels: ["a\\nb"]')],
    ['config: reviewer injection', CONFIG.replace('reviewers: [alice]', 'reviewers: ["alice; rm -rf /"]')],
    ['config: branch traversal', CONFIG.replace('path: releases/stg', 'path: releases/stg\n    branch: ../main')],
    ['config: two documents', `${CONFIG}---\n${CONFIG}`],
  ];
  return configs.map(([name, config]) => ({ name, value: VALID, config }));
}

let configRepoCounter = 0;
async function repositoryFor(config: string | Buffer | undefined): Promise<string> {
  if (config === undefined) return 'target';
  configRepoCounter += 1;
  const repo = `bad-config-${configRepoCounter}`;
  await github.createRepository(OWNER, repo, { ...exampleFiles(), '.github/promotion.yml': config } as Record<
    string,
    string
  >);
  return repo;
}

describe(`bad input corpus (${cases.length} cases): refused clearly, nothing written`, () => {
  test('the corpus is large enough', () => assert.ok(cases.length >= 200, `${cases.length} cases`));
  for (const { name, value, config, skipped } of cases) {
    test(name, async () => {
      const repo = await repositoryFor(config);
      const before = await repositorySnapshot(github, repo);
      let outcome: { kind: 'refused'; message: string } | { kind: 'result'; operation: string; reason: string };
      try {
        const result = await bumpEnvironment({
          client: fastClient(github),
          repository: { owner: OWNER, repo },
          request: requestFromPayload(parseDispatchPayload(value)),
          defaultBranch: 'main',
        });
        outcome = { kind: 'result', operation: result.operation, reason: result.reason };
      } catch (error) {
        assert.ok(error instanceof UserError, `a user error, got ${String(error)}`);
        outcome = { kind: 'refused', message: error.message };
      }
      if (skipped) {
        assert.equal(outcome.kind === 'result' && outcome.operation, 'skipped', JSON.stringify(outcome));
      } else {
        assert.equal(outcome.kind, 'refused', JSON.stringify(outcome));
      }
      const message = outcome.kind === 'refused' ? outcome.message : outcome.reason;
      assert.ok(message.length > 10 && message.length < 2000, message);
      assert.ok(!/\n\s+at /.test(message), 'no stack trace');
      // It names what was wrong: a field or file first (`client_payload.tag: ...`, `.github/promotion.yml: ...`).
      if (outcome.kind === 'refused')
        assert.match(message, /^(client_payload[\w.]*( key)?|\.github\/promotion\.yml(:\d+)?|app|environment): /);
      assert.equal(await repositorySnapshot(github, repo), before, 'the repository is byte-identical');
    });
  }
});
