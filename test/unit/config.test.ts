import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findApp, findEnvironment, nextEnvironment, parsePromotionConfig } from '../../src/core/config/index.js';
import { UserError } from '../../src/core/errors.js';
import { formatTagPolicy } from '../../src/core/policy/index.js';

const FILE = '.github/promotion.yml';
const VALID = `
version: 1
environments:
  - name: dev
    path: ./releases/dev/
    tags: glob:dev-*
    labels: [promotion]
    reviewers: [alice, acme/platform]
  - name: stg
    path: releases/stg
    branch: stg
    tags: {policy: "numerical:asc", pattern: '^stg-[a-f0-9]+-(?P<ts>[0-9]+)', extract: '$ts'}
    auto-merge: true
  - name: prod
    path: .
    tags: semver:~0.4
    auto-merge: squash
apps:
  podinfo:
    image: ghcr.io/acme/podinfo
  web:
    image: acme/web
    paths: [web/, ./shared]
    containers: [web]
`;

describe('parsePromotionConfig: a valid config', () => {
  const config = parsePromotionConfig(VALID, FILE);
  test('environments keep promotion order with normalised paths', () => {
    assert.deepEqual(
      config.environments.map((environment) => [environment.name, environment.path, environment.branch]),
      [
        ['dev', 'releases/dev', undefined],
        ['stg', 'releases/stg', 'stg'],
        ['prod', '', undefined],
      ],
    );
    assert.equal(nextEnvironment(config, 'dev')?.name, 'stg');
    assert.equal(nextEnvironment(config, 'prod'), undefined);
    assert.equal(findEnvironment(config, undefined).name, 'dev');
  });
  test('policies, auto-merge, reviewers and labels', () => {
    const [dev, stg, prod] = config.environments;
    assert.deepEqual(
      [dev, stg, prod].map((environment) => formatTagPolicy(environment!.tags)),
      ['glob:dev-*', 'numerical:asc', 'semver:~0.4'],
    );
    assert.deepEqual(stg!.tags.filter, { pattern: '^stg-[a-f0-9]+-(?P<ts>[0-9]+)', extract: '$ts' });
    assert.deepEqual(
      [dev, stg, prod].map((environment) => environment!.autoMerge),
      [false, 'merge', 'squash'],
    );
    assert.deepEqual(dev!.reviewers, { users: ['alice'], teams: ['platform'] });
    assert.deepEqual(dev!.labels, ['promotion']);
  });
  test('apps with optional paths and containers', () => {
    assert.deepEqual(findApp(config, 'web'), {
      name: 'web',
      image: 'acme/web',
      paths: ['web', 'shared'],
      containers: ['web'],
      repository: undefined,
    });
    assert.deepEqual(findApp(config, 'podinfo').paths, []);
  });
  test('unknown app and environment name the known ones', () => {
    assert.throws(
      () => findApp(config, 'nope'),
      /^UserError: app: got "nope", expected one of the apps in \.github\/promotion\.yml: podinfo, web$/,
    );
    assert.throws(
      () => findEnvironment(config, 'qa'),
      /environment: got "qa", expected one of the environments in \.github\/promotion\.yml: dev, stg, prod/,
    );
  });
});

const environment = (extra: string) =>
  `environments:\n  - name: dev\n    path: releases/dev\n    tags: glob:dev-*\n${extra}apps:\n  web: {image: acme/web}\n`;
const app = (extra: string) =>
  `environments:\n  - {name: dev, path: releases/dev, tags: "glob:dev-*"}\napps:\n  web:\n    image: acme/web\n${extra}`;

const invalidCases: { name: string; text: string; message: RegExp }[] = [
  { name: 'not YAML', text: 'environments: [', message: /^\.github\/promotion\.yml(:\d+)?: not valid YAML/ },
  { name: 'two documents', text: 'a: 1\n---\nb: 2\n', message: /2 YAML documents", expected exactly one document/ },
  { name: 'a list at the top', text: '- a\n', message: /\(top level\): got \["a"\], expected a mapping/ },
  {
    name: 'unknown top-level key',
    text: `${environment('')}enviroments: []\n`,
    message: /got "enviroments", expected only the keys version, environments, apps/,
  },
  { name: 'version 2', text: `version: 2\n${environment('')}`, message: /version: got 2, expected 1/ },
  {
    name: 'no environments',
    text: 'apps: {web: {image: acme/web}}\n',
    message: /environments: got nothing, expected a list of environments/,
  },
  {
    name: 'environments as a mapping',
    text: 'environments: {dev: {}}\napps: {}\n',
    message: /environments: got \{"dev":\{\}\}, expected a list/,
  },
  {
    name: 'environment name with capitals',
    text: environment('').replace('name: dev', 'name: Dev'),
    message: /environments\[0\]\.name: got "Dev", expected a name of \[a-z0-9\]/,
  },
  {
    name: 'environment name with a newline',
    text: environment('').replace('name: dev', 'name: "dev\\nx"'),
    message: /environments\[0\]\.name: got "dev\\nx"/,
  },
  {
    name: 'duplicate environment',
    text: environment('  - {name: dev, path: x, tags: "glob:*"}\n'),
    message: /environments\[1\]\.name: got "dev", expected a name used once/,
  },
  {
    name: 'path with ..',
    text: environment('').replace('path: releases/dev', 'path: ../secrets'),
    message: /environments\[0\]\.path: got "\.\.\/secrets", expected a relative path inside the repository/,
  },
  {
    name: 'absolute path',
    text: environment('').replace('path: releases/dev', 'path: /etc'),
    message: /environments\[0\]\.path: got "\/etc"/,
  },
  {
    name: 'path not a string',
    text: environment('').replace('path: releases/dev', 'path: [a]'),
    message: /environments\[0\]\.path: got \["a"\], expected the folder of the manifests/,
  },
  {
    name: 'missing tags',
    text: environment('').replace('    tags: glob:dev-*\n', ''),
    message: /environments\[0\]\.tags: got nothing, expected a tag policy/,
  },
  {
    name: 'bad policy kind',
    text: environment('').replace('glob:dev-*', 'fancy:1'),
    message: /environments\[0\]\.tags: got "fancy:1", expected one of glob:/,
  },
  {
    name: 'bad semver range',
    text: environment('').replace('glob:dev-*', '"semver:>>1"'),
    message: /environments\[0\]\.tags: got "semver:>>1"/,
  },
  {
    name: 'unknown environment key',
    text: environment('    autoMerge: true\n'),
    message:
      /got "autoMerge", expected only the keys name, path, branch, tags, auto-merge, reviewers, labels, from, promote-by, app-branch, gate, gate-context, soak/,
  },
  {
    name: 'auto-merge word',
    text: environment('    auto-merge: yes-please\n'),
    message: /auto-merge: got "yes-please", expected true, false, merge, squash or rebase/,
  },
  {
    name: 'reviewer with a space',
    text: environment('    reviewers: ["al ice"]\n'),
    message: /reviewers\[0\]: got "al ice", expected GitHub users/,
  },
  {
    name: 'label with a comma',
    text: environment('    labels: ["a,b"]\n'),
    message: /labels\[0\]: got "a,b", expected labels of 1 to 50 characters/,
  },
  {
    name: 'branch with ..',
    text: environment('    branch: a..b\n'),
    message: /branch: got "a\.\.b", expected a branch name/,
  },
  {
    name: 'no apps',
    text: 'environments:\n  - {name: dev, path: a, tags: "glob:*"}\napps: {}\n',
    message: /apps: got \{\}, expected at least one app/,
  },
  {
    name: 'app name with a slash',
    text: 'environments:\n  - {name: dev, path: a, tags: "glob:*"}\napps:\n  "../x": {image: a}\n',
    message: /apps: got "\.\.\/x", expected app keys that are a name/,
  },
  {
    name: 'app image with a tag',
    text: app('').replace('acme/web', 'acme/web:1.0'),
    message: /apps\.web\.image: got "acme\/web:1\.0", expected an image repository without tag or digest/,
  },
  {
    name: 'app image invalid',
    text: app('').replace('acme/web', '"Acme/Web"'),
    message: /apps\.web\.image: got "Acme\/Web"/,
  },
  {
    name: 'app path traversal',
    text: app('    paths: [../../etc]\n'),
    message: /apps\.web\.paths\[0\]: got "\.\.\/\.\.\/etc"/,
  },
  {
    name: 'app path is the environment itself',
    text: app('    paths: [.]\n'),
    message: /apps\.web\.paths\[0\]: got ".", expected .*not the environment folder itself/,
  },
  {
    name: 'container not a DNS label',
    text: app('    containers: [Web_1]\n'),
    message: /apps\.web\.containers\[0\]: got "Web_1"/,
  },
  {
    name: 'unknown app key',
    text: app('    tag: 1\n'),
    message: /apps\.web: got "tag", expected only the keys image, paths, containers, repository/,
  },
  ...promotionCases(),
  {
    name: 'billion laughs',
    text: `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
    message: /^\.github\/promotion\.yml: .*alias/i,
  },
  {
    name: 'oversized',
    text: `# ${'x'.repeat(300 * 1024)}\n${environment('')}`,
    message: /got "30\d+ bytes", expected at most 262144 bytes/,
  },
];

describe('parsePromotionConfig refuses, naming the file, the key and what was expected', () => {
  for (const { name, text, message } of invalidCases) {
    test(name, () => {
      assert.throws(
        () => parsePromotionConfig(text, FILE),
        (error: unknown) => {
          assert.ok(error instanceof UserError, String(error));
          assert.match(error.message, message);
          assert.ok(error.message.startsWith(FILE), error.message);
          return true;
        },
      );
    });
  }
});

const PROMOTING = `
environments:
  - name: dev
    path: releases/dev
    tags: glob:dev-*
    app-branch: dev
  - name: stg
    path: releases/stg
    tags: glob:dev-*
    from: dev
    gate: deployment
    app-branch: stg
  - name: prod
    path: releases/prod
    tags: semver:~0.4
    from: stg
    gate: commit-status
    gate-context: smoke/stg
    soak: 1h30m
    app-branch: master
  - name: demo
    path: releases/demo
    tags: glob:dev-*
    from: dev
    promote-by: app-branch
    app-branch: demo
    gate: none
apps:
  web: {image: acme/web, repository: acme/web-app}
`;

describe('parsePromotionConfig: the promotion keys', () => {
  const config = parsePromotionConfig(PROMOTING, FILE);
  const pick = (name: string) => {
    const { from, promoteBy, appBranch, gate, gateContext, soakSeconds } = findEnvironment(config, name);
    return { from, promoteBy, appBranch, gate, gateContext, soakSeconds };
  };
  test('an environment without from is fed by dispatches only, with the defaults', () => {
    assert.deepEqual(pick('dev'), {
      from: undefined,
      promoteBy: 'image',
      appBranch: 'dev',
      gate: 'deployment',
      gateContext: undefined,
      soakSeconds: 0,
    });
  });
  test('from, gate, gate-context, soak and promote-by are read as written', () => {
    assert.deepEqual(pick('stg'), {
      from: 'dev',
      promoteBy: 'image',
      appBranch: 'stg',
      gate: 'deployment',
      gateContext: undefined,
      soakSeconds: 0,
    });
    assert.deepEqual(pick('prod'), {
      from: 'stg',
      promoteBy: 'image',
      appBranch: 'master',
      gate: 'commit-status',
      gateContext: 'smoke/stg',
      soakSeconds: 5400,
    });
    assert.deepEqual(pick('demo'), {
      from: 'dev',
      promoteBy: 'app-branch',
      appBranch: 'demo',
      gate: 'none',
      gateContext: undefined,
      soakSeconds: 0,
    });
    assert.equal(findApp(config, 'web').repository, 'acme/web-app');
  });
  test('soak: 0 as a number or a string', () => {
    for (const soak of ['0', '"0"', '0s', '45s']) {
      const text = PROMOTING.replace('soak: 1h30m', `soak: ${soak}`);
      assert.equal(findEnvironment(parsePromotionConfig(text, FILE), 'prod').soakSeconds, soak === '45s' ? 45 : 0);
    }
  });
});

function promotionCases(): { name: string; text: string; message: RegExp }[] {
  const two = (extra: string, first = '') =>
    `environments:\n  - {name: dev, path: releases/dev, tags: "glob:dev-*"${first}}\n  - name: stg\n    path: releases/stg\n    tags: glob:dev-*\n${extra}apps:\n  web: {image: acme/web}\n`;
  return [
    {
      name: 'from itself',
      text: two('    from: stg\n'),
      message: /environments\[1\]\.from: got "stg", expected the name of an environment listed before this one: dev$/,
    },
    {
      name: 'from an unknown environment',
      text: two('    from: qa\n'),
      message: /environments\[1\]\.from: got "qa", expected the name of an environment listed before this one: dev$/,
    },
    {
      name: 'from a later environment',
      text: two('', ', from: stg'),
      message: /environments\[0\]\.from: got "stg", expected no from on the first environment/,
    },
    {
      name: 'from not a name',
      text: two('    from: [dev]\n'),
      message: /environments\[1\]\.from: got \["dev"\], expected the name of an environment/,
    },
    {
      name: 'promote-by word',
      text: two('    from: dev\n    promote-by: branch\n'),
      message: /promote-by: got "branch", expected image or app-branch$/,
    },
    {
      name: 'gate word',
      text: two('    from: dev\n    gate: health\n'),
      message: /gate: got "health", expected deployment, commit-status or none$/,
    },
    {
      name: 'gate commit-status without a context',
      text: two('    from: dev\n    gate: commit-status\n'),
      message:
        /environments\[1\]\.gate-context: got nothing, expected a commit status context \(gate is commit-status\)/,
    },
    {
      name: 'gate-context with the deployment gate',
      text: two('    from: dev\n    gate-context: ci\n'),
      message: /gate-context: got "ci", expected no gate-context unless gate is commit-status/,
    },
    {
      name: 'gate-context with a control character',
      text: two('    from: dev\n    gate: commit-status\n    gate-context: "a\\u0007b"\n'),
      message: /gate-context: got "a\\u0007b", expected a commit status context/,
    },
    {
      name: 'soak without a unit',
      text: two('    from: dev\n    soak: 30\n'),
      message: /soak: got 30, expected a duration such as 0, 30m, 2h, 1d or 1h30m/,
    },
    {
      name: 'soak with units out of order',
      text: two('    from: dev\n    soak: 30m1h\n'),
      message: /soak: got "30m1h", expected a duration/,
    },
    {
      name: 'soak negative',
      text: two('    from: dev\n    soak: -1h\n'),
      message: /soak: got "-1h", expected a duration/,
    },
    {
      name: 'soak over a year',
      text: two('    from: dev\n    soak: 400d\n'),
      message: /soak: got "400d", expected a duration .*at most 366d/,
    },
    {
      name: 'soak with gate none',
      text: two('    from: dev\n    gate: none\n    soak: 1h\n'),
      message: /environments\[1\]\.soak: got "1h", expected no soak with gate none/,
    },
    {
      name: 'gate without from',
      text: two('    gate: none\n'),
      message: /environments\[1\]\.gate: got "none", expected no gate without from/,
    },
    {
      name: 'soak without from',
      text: two('    soak: 1h\n'),
      message: /environments\[1\]\.soak: got "1h", expected no soak without from/,
    },
    {
      name: 'app-branch invalid',
      text: two('    app-branch: "a b"\n'),
      message: /app-branch: got "a b", expected a branch name/,
    },
    {
      name: 'promote-by app-branch without an app-branch',
      text: two('    from: dev\n    promote-by: app-branch\n', ', app-branch: dev'),
      message: /environments\[1\]\.app-branch: got nothing, expected the app branch this environment runs/,
    },
    {
      name: 'promote-by app-branch from an environment without one',
      text: two('    from: dev\n    promote-by: app-branch\n    app-branch: stg\n'),
      message: /environments\[1\]\.from: got "dev", expected an environment with an app-branch to merge from/,
    },
    {
      name: 'promote-by app-branch onto the same branch',
      text: two('    from: dev\n    promote-by: app-branch\n    app-branch: dev\n', ', app-branch: dev'),
      message: /app-branch: got "dev", expected a branch other than dev's app-branch/,
    },
    {
      name: 'promote-by app-branch without app repositories',
      text: two('    from: dev\n    promote-by: app-branch\n    app-branch: stg\n', ', app-branch: dev'),
      message:
        /apps\.web\.repository: got nothing, expected owner\/name of the app's repository \(environment stg is promoted by app-branch\)/,
    },
    {
      name: 'repository without an owner',
      text: app('    repository: web\n'),
      message: /apps\.web\.repository: got "web", expected owner\/name of a GitHub repository/,
    },
    {
      name: 'repository with a dot-dot name',
      text: app('    repository: acme/..\n'),
      message: /apps\.web\.repository: got "acme\/\.\.", expected owner\/name/,
    },
  ];
}
