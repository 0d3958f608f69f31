import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePromotionConfig } from '../../src/core/config/index.js';
import { UserError } from '../../src/core/errors.js';
import { buildDispatchPayload, requestFromPayload } from '../../src/core/payload/index.js';
import {
  buildRecord,
  decideAgainstEnvironment,
  decideAgainstPending,
  parseBodyRecord,
  parseCommitRecord,
  planPromotion,
  renderCommitMessage,
  renderPullRequestBody,
  resolvePromotion,
  selectCandidatePaths,
  tagSha,
  compareBases,
  tagTimestamp,
  type PromotionRecord,
} from '../../src/core/promotion/index.js';

const CONFIG = parsePromotionConfig(`
environments:
  - {name: dev, path: releases/dev, tags: "glob:dev-*"}
  - {name: prod, path: releases/prod, tags: "semver:~0.4"}
  - {name: all, path: ., tags: "glob:*"}
apps:
  web: {image: ghcr.io/acme/web}
  api: {image: ghcr.io/acme/api, paths: [services/api]}
  sidecar: {image: ghcr.io/acme/web, containers: [proxy]}
`);

function promotionOf(app: string, tag: string, environment: string, buildTimestamp = 1_763_700_000) {
  const payload = buildDispatchPayload({
    app,
    image: app === 'sidecar' ? 'ghcr.io/acme/web' : `ghcr.io/acme/${app}`,
    tag,
    environment,
    source: {
      repository: `acme/${app}`,
      sha: 'abcdef12'.padEnd(40, '0'),
      ref: 'refs/heads/dev',
      runUrl: 'https://github.com/acme/web/actions/runs/1',
    },
    buildTimestamp,
    dispatchId: '00000000-0000-4000-8000-000000000001',
  });
  return resolvePromotion(CONFIG, requestFromPayload(payload));
}

describe('resolvePromotion', () => {
  test('names the branch and title', () => {
    const promotion = promotionOf('web', 'dev-abcdef12-1763700000', 'dev');
    assert.equal(promotion.branch, 'gitops-promote/dev/web');
    assert.equal(promotion.title, 'Promote web to dev-abcdef12-1763700000 in dev');
  });
  test('refuses an image that is not the app`s', () => {
    const request = { ...promotionOf('web', '0.4.1', 'prod').request, image: 'ghcr.io/acme/web-worker' };
    assert.throws(
      () => resolvePromotion(CONFIG, request),
      /client_payload.image: got "ghcr.io\/acme\/web-worker", expected the image of app web/,
    );
  });
});

const TREE = [
  '.github/promotion.yml',
  'releases/dev/web.yaml',
  'releases/dev/web/deployment.yaml',
  'releases/dev/web/kustomization.yaml',
  'releases/dev/kustomization.yaml',
  'releases/dev/webapp.yaml',
  'releases/dev/other/kustomization.yaml',
  'releases/dev/web/README.md',
  'releases/dev/services/api/deploy.yml',
  'releases/dev/services/api-old/deploy.yml',
  'releases/prod/web.yaml',
  'releases/prod/misc/a.yaml',
  'releases/development/web.yaml',
];

describe('selectCandidatePaths reads a few files named after the app, whatever the tree size', () => {
  const cases = [
    {
      name: 'named file and folder, with the kustomizations above them',
      app: 'web',
      environment: 'dev',
      paths: [
        'releases/dev/kustomization.yaml',
        'releases/dev/web.yaml',
        'releases/dev/web/deployment.yaml',
        'releases/dev/web/kustomization.yaml',
      ],
      broad: false,
    },
    {
      name: 'configured paths only',
      app: 'api',
      environment: 'dev',
      paths: ['releases/dev/services/api/deploy.yml'],
      broad: false,
    },
    { name: 'another environment', app: 'web', environment: 'prod', paths: ['releases/prod/web.yaml'], broad: false },
    {
      name: 'nothing named after the app: every YAML file of the environment',
      app: 'sidecar',
      environment: 'prod',
      paths: ['releases/prod/misc/a.yaml', 'releases/prod/web.yaml'],
      broad: true,
    },
  ];
  for (const { name, app, environment, paths, broad } of cases) {
    test(name, () => {
      assert.deepEqual(
        selectCandidatePaths(TREE, promotionOf(app, environment === 'prod' ? '0.4.1' : 'dev-a', environment)),
        { paths, broad },
      );
    });
  }
  test('a tree too wide to read without paths is an error naming the fix', () => {
    const wide = Array.from({ length: 600 }, (_, index) => `releases/prod/f${index}.yaml`);
    assert.throws(
      () => selectCandidatePaths(wide, promotionOf('sidecar', '0.4.1', 'prod')),
      /apps\.sidecar\.paths: got "600 candidate files under releases\/prod", expected at most 500/,
    );
  });
});

const DEPLOYMENT = (tag: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/web:${tag}
        - name: proxy
          image: ghcr.io/acme/web:${tag}
`;

describe('decideAgainstEnvironment', () => {
  const cases = [
    {
      name: 'older glob tag by build time',
      app: 'web',
      environment: 'dev',
      tag: 'dev-bbbbbbbb-1763700000',
      running: 'dev-aaaaaaaa-1763600000',
      kind: 'change',
    },
    {
      name: 'newer running tag by build time',
      app: 'web',
      environment: 'dev',
      tag: 'dev-bbbbbbbb-1763500000',
      running: 'dev-aaaaaaaa-1763600000',
      kind: 'skipped',
    },
    {
      name: 'already running',
      app: 'web',
      environment: 'dev',
      tag: 'dev-aaaaaaaa-1763600000',
      running: 'dev-aaaaaaaa-1763600000',
      kind: 'unchanged',
    },
    { name: 'semver newer', app: 'web', environment: 'prod', tag: '0.4.10', running: '0.4.9', kind: 'change' },
    { name: 'semver older', app: 'web', environment: 'prod', tag: '0.4.8', running: '0.4.9', kind: 'skipped' },
    {
      name: 'semver outside the range',
      app: 'web',
      environment: 'prod',
      tag: '0.5.0',
      running: '0.4.9',
      kind: 'skipped',
    },
    {
      name: 'glob refuses the tag',
      app: 'web',
      environment: 'dev',
      tag: 'stg-aaaaaaaa-1763700000',
      running: 'dev-aaaaaaaa-1763600000',
      kind: 'skipped',
    },
  ] as const;
  for (const { name, app, environment, tag, running, kind } of cases) {
    test(name, () => {
      const promotion = promotionOf(app, tag, environment, tagTimestamp(tag) ?? 1_763_700_000);
      const files = [{ path: `releases/${environment}/web.yaml`, text: DEPLOYMENT(running) }];
      const decision = decideAgainstEnvironment(promotion, planPromotion(promotion, files));
      assert.equal(decision.kind, kind, 'reason' in decision ? decision.reason : '');
    });
  }
  test('containers limit the places', () => {
    const promotion = promotionOf('sidecar', '0.4.10', 'prod');
    const decision = decideAgainstEnvironment(
      promotion,
      planPromotion(promotion, [{ path: 'releases/prod/web.yaml', text: DEPLOYMENT('0.4.9') }]),
    );
    assert.equal(decision.kind, 'change');
    assert.deepEqual(decision.kind === 'change' && decision.changes.map((change) => change.path), [
      'spec.template.spec.containers[1].image',
    ]);
  });
  const anchored = DEPLOYMENT('0.4.9')
    .replace('image: ghcr.io/acme/web:0.4.9', 'image: &img ghcr.io/acme/web:0.4.9')
    .replace(/image: ghcr\.io\/acme\/web:0\.4\.9\n$/, 'image: *img\n');
  test('containers sharing an anchored image are bumped together, in one edit', () => {
    const sidecar = promotionOf('sidecar', '0.4.10', 'prod');
    const promotion = { ...sidecar, app: { ...sidecar.app, containers: ['web', 'proxy'] } };
    const planned = planPromotion(promotion, [{ path: 'releases/prod/web.yaml', text: anchored }]);
    assert.deepEqual(
      planned.plan.files.map((file) => file.newText),
      [anchored.replace('&img ghcr.io/acme/web:0.4.9', '&img ghcr.io/acme/web:0.4.10')],
    );
    const decision = decideAgainstEnvironment(promotion, planned);
    assert.equal(decision.kind, 'change');
    assert.deepEqual(decision.previousTags, ['0.4.9']);
  });
  test('an anchored image shared with a container not configured is an error', () => {
    const promotion = promotionOf('sidecar', '0.4.10', 'prod');
    assert.throws(
      () => planPromotion(promotion, [{ path: 'releases/prod/web.yaml', text: anchored }]),
      /releases\/prod\/web\.yaml:\d+: spec\.template\.spec\.containers\[0\]\.image shares the anchored value &img .*container web is not one the bump is for \(proxy\)/,
    );
  });
  test('no reference to the image is an error naming the files read', () => {
    const promotion = promotionOf('web', '0.4.10', 'prod');
    assert.throws(
      () => planPromotion(promotion, [{ path: 'releases/prod/x.yaml', text: 'a: 1\n' }]),
      (error: unknown) => {
        assert.ok(error instanceof UserError);
        assert.match(
          error.message,
          /no manifest of prod references ghcr.io\/acme\/web \(read releases\/prod\/x.yaml\)/,
        );
        return true;
      },
    );
  });
});

describe('decideAgainstPending', () => {
  const pending = (tag: string, buildTimestamp: number, digest?: string): PromotionRecord => ({
    v: 1,
    app: 'web',
    environment: 'prod',
    image: 'ghcr.io/acme/web',
    tag,
    ...(digest && { digest }),
    previousTags: [],
    changes: [],
    base: 'b'.repeat(40),
    buildTimestamp,
  });
  const cases = [
    { name: 'same tag', tag: '0.4.10', pending: pending('0.4.10', 1), verdict: 'same' },
    { name: 'pending newer by semver', tag: '0.4.10', pending: pending('0.4.11', 1), verdict: 'pending-is-newer' },
    { name: 'pending older by semver', tag: '0.4.10', pending: pending('0.4.2', 9), verdict: 'replace' },
    {
      name: 'same tag, new digest, built later',
      tag: '0.4.10',
      pending: pending('0.4.10', 1, `sha256:${'a'.repeat(64)}`),
      verdict: 'replace',
    },
  ] as const;
  for (const { name, tag, pending: record, verdict } of cases) {
    test(name, () => assert.equal(decideAgainstPending(promotionOf('web', tag, 'prod', 5), record), verdict));
  }
  test('glob: build time decides', () => {
    const promotion = promotionOf('web', 'dev-x', 'dev', 100);
    assert.equal(decideAgainstPending(promotion, { ...pending('dev-y', 200), environment: 'dev' }), 'pending-is-newer');
    assert.equal(decideAgainstPending(promotion, { ...pending('dev-y', 50), environment: 'dev' }), 'replace');
  });
});

describe('the record travels in the commit message and the PR body, and nothing can break out', () => {
  const promotion = promotionOf('web', '0.4.10', 'prod');
  const hostile = '0.4.9 --> <script>|`x`\n';
  const record = buildRecord(
    promotion,
    {
      kind: 'change',
      previousTags: ['dev-1a2b3c4d-1763600000'],
      changes: [
        { file: 'releases/prod/web.yaml', line: 9, path: 'spec.x', old: hostile, new: '0.4.10', kind: 'workload' },
      ],
      files: [],
    },
    'c'.repeat(40),
  );
  test('commit message round trip', () => {
    assert.deepEqual(parseCommitRecord(renderCommitMessage(promotion.title, record)), record);
  });
  test('PR body round trip, with the commit it describes', () => {
    const body = renderPullRequestBody(record, 'd'.repeat(40), { serverUrl: 'https://github.com' });
    assert.deepEqual(parseBodyRecord(body), { record, commit: 'd'.repeat(40) });
    // A value that poses as a record block is quoted in the table; the real block, last, wins.
    const spoof = renderPullRequestBody(
      {
        ...record,
        changes: [
          {
            ...record.changes[0]!,
            old: `<!-- gitops-promote:record x {"v":1,"app":"evil","environment":"e","tag":"t","changes":[]} -->`,
          },
        ],
      },
      'e'.repeat(40),
      { serverUrl: 'https://github.com' },
    );
    assert.equal(parseBodyRecord(spoof)?.commit, 'e'.repeat(40));
    const row = body.split('\n').find((line) => line.startsWith('| `releases/prod/web.yaml`'))!;
    assert.equal(row.split(/(?<!\\)\|/).length, 6, row);
    assert.match(body, /\[compare\]\(https:\/\/github\.com\/acme\/web\/compare\/1a2b3c4d\.\.\.abcdef12/);
    assert.match(body, /Dispatch: `00000000-0000-4000-8000-000000000001`/);
  });
  test('a body without a record, or with a broken one', () => {
    assert.equal(parseBodyRecord('hello'), undefined);
    assert.equal(parseBodyRecord('<!-- gitops-promote:record abc {"v":2} -->'), undefined);
    assert.equal(parseCommitRecord('Promote x\n\nGitops-Promote-Record: {nope'), undefined);
  });
});

describe('tag IDs', () => {
  const cases = [
    { tag: 'dev-1a2b3c4d-1763600000', timestamp: 1763600000, sha: '1a2b3c4d' },
    { tag: 'dev-1a2b3c4d', timestamp: undefined, sha: '1a2b3c4d' },
    { tag: '0.4.10', timestamp: undefined, sha: undefined },
    { tag: 'stg-1763600000', timestamp: 1763600000, sha: undefined },
  ];
  for (const { tag, timestamp, sha } of cases) {
    test(tag, () => {
      assert.equal(tagTimestamp(tag), timestamp);
      assert.equal(tagSha(tag), sha);
    });
  }
});

describe('compare bases: the old source revisions known without asking GitHub', () => {
  const sha = 'abcdef1234'.padEnd(40, '0');
  const source = (ref: string) => ({ repository: 'acme/web', sha, ref, runUrl: 'https://example/run' });
  const cases: Array<{ name: string; tag: string; ref: string; previous: string[]; bases: string[] }> = [
    {
      name: 'a running tag ID names its commit',
      tag: 'dev-abcdef12-1763700000',
      ref: 'refs/heads/dev',
      previous: ['dev-1a2b3c4d-1763600000'],
      bases: ['1a2b3c4d'],
    },
    {
      name: 'the running tag ID is the same commit',
      tag: 'dev-abcdef12-1763700000',
      ref: 'refs/heads/dev',
      previous: ['dev-abcdef12-1763600000'],
      bases: [],
    },
    {
      name: 'a release over a release, git tags with v',
      tag: '0.4.10',
      ref: 'refs/tags/v0.4.10',
      previous: ['0.4.9'],
      bases: ['v0.4.9'],
    },
    {
      name: 'a release over a release, git tags without v',
      tag: '0.4.10',
      ref: 'refs/tags/0.4.10',
      previous: ['0.4.9', '0.4.8'],
      bases: ['0.4.9', '0.4.8'],
    },
    {
      name: "build metadata: the tag action's _ is + again",
      tag: '1.0.0_b2',
      ref: 'refs/tags/v1.0.0+b2',
      previous: ['1.0.0_b1'],
      bases: ['v1.0.0+b1'],
    },
    {
      name: 'a release dispatched from a branch',
      tag: '0.4.10',
      ref: 'refs/heads/main',
      previous: ['0.4.9'],
      bases: [],
    },
    {
      name: 'a git tag that is not the release',
      tag: '0.4.10',
      ref: 'refs/tags/nightly',
      previous: ['0.4.9'],
      bases: [],
    },
    {
      name: 'a running tag that is no release',
      tag: '0.4.10',
      ref: 'refs/tags/v0.4.10',
      previous: ['latest'],
      bases: [],
    },
  ];
  for (const { name, tag, ref, previous, bases } of cases) {
    test(name, () => {
      assert.deepEqual(compareBases({ tag, previousTags: previous, source: source(ref) }), bases);
    });
  }
  test('no source, no compare', () => {
    assert.deepEqual(compareBases({ tag: '0.4.10', previousTags: ['0.4.9'] }), []);
  });
});
