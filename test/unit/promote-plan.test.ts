// The promotion decision, table-driven: each row is what the source and target run, what the gate
// saw, and when; the expected verdict is promote (with the request bump receives) or one blocker.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePromotionConfig, findApp, findEnvironment } from '../../src/core/config/index.js';
import {
  decidePromotion,
  readRunningImages,
  type GateEvidence,
  type PromoteDecision,
  type PromotionRecord,
  type RunningImage,
} from '../../src/core/promotion/index.js';
import { explainRefusal, parseTagPolicy } from '../../src/core/policy/index.js';

const config = parsePromotionConfig(`
environments:
  - {name: dev, path: releases/dev, tags: "glob:dev-*"}
  - {name: stg, path: releases/stg, tags: "glob:dev-*", from: dev}
  - {name: qa, path: releases/qa, tags: "glob:dev-*", from: dev, gate: commit-status, gate-context: smoke, soak: 1h}
  - {name: prod, path: releases/prod, tags: "semver:~0.4", from: stg, gate: none}
apps:
  web: {image: ghcr.io/acme/web}
`);
const web = findApp(config, 'web');
const OLD = 'dev-1111111-1700000000';
const NEW = 'dev-2222222-1700000100';
const NEWER = 'dev-3333333-1700000200';
const DIGEST = `sha256:${'a'.repeat(64)}`;
const OTHER_DIGEST = `sha256:${'b'.repeat(64)}`;
const NOW = Date.parse('2026-12-07T12:00:00Z');
const SHA = 'c'.repeat(40);

const deployed = (images: string[], state = 'success', at = '2026-12-07T11:00:00Z'): GateEvidence => ({
  gate: 'deployment',
  latest: { id: 7, sha: SHA, status: { state, at }, images },
});
const record = (tag: string): PromotionRecord => ({
  v: 1,
  app: 'web',
  environment: 'dev',
  image: web.image,
  tag,
  previousTags: [],
  changes: [],
  base: SHA,
  buildTimestamp: 1_700_000_100,
  dispatchId: 'd-42',
  source: {
    repository: 'acme/web',
    sha: 'e'.repeat(40),
    ref: 'refs/heads/dev',
    runUrl: 'https://github.com/acme/web/actions/runs/1',
  },
});

interface Row {
  name: string;
  to?: string;
  sourceRuns?: RunningImage[];
  targetRuns?: RunningImage[];
  evidence?: GateEvidence;
  sourceRecord?: PromotionRecord;
  now?: number;
  expect: { kind: PromoteDecision['kind'] | string; reason: RegExp; image?: string };
}

const rows: Row[] = [
  {
    name: 'a healthy dev deployment promotes to stg',
    expect: { kind: 'promote', reason: /^healthy in dev: deployment 7 success/, image: `ghcr.io/acme/web:${NEW}` },
  },
  {
    name: 'the deployment pins a digest the manifests do not: it is carried',
    evidence: deployed([`ghcr.io/acme/web:${NEW}@${DIGEST}`]),
    expect: { kind: 'promote', reason: /healthy/, image: `ghcr.io/acme/web:${NEW}@${DIGEST}` },
  },
  {
    name: 'the manifests pin another digest than the deployment ran',
    sourceRuns: [{ tag: NEW, digest: OTHER_DIGEST }],
    evidence: deployed([`ghcr.io/acme/web:${NEW}@${DIGEST}`]),
    expect: { kind: 'gate', reason: /succeeded with ghcr\.io\/acme\/web:dev-2222222-1700000100@sha256:a+; needs/ },
  },
  {
    name: 'no deployment of dev',
    evidence: { gate: 'deployment', latest: undefined },
    expect: {
      kind: 'gate',
      reason:
        /^gate deployment: no deployment of dev; needs the latest deployment of dev succeeded with ghcr\.io\/acme\/web:dev-2222222/,
    },
  },
  {
    name: 'the latest deployment failed',
    evidence: deployed([`ghcr.io/acme/web:${NEW}`], 'failure'),
    expect: {
      kind: 'gate',
      reason: /the latest deployment of dev \(7, commit cccccccccccc\) is failure \(2026-12-07T11:00:00Z\)/,
    },
  },
  {
    name: 'the latest deployment has no status yet',
    evidence: { gate: 'deployment', latest: { id: 7, sha: SHA, status: undefined, images: [] } },
    expect: { kind: 'gate', reason: /has no status yet/ },
  },
  {
    name: 'the latest deployment ran an older image',
    evidence: deployed([`ghcr.io/acme/web:${OLD}`, 'ghcr.io/acme/api:1.0']),
    expect: { kind: 'gate', reason: /succeeded with ghcr\.io\/acme\/web:dev-1111111-1700000000; needs/ },
  },
  {
    name: 'the latest deployment has no image of the app',
    evidence: deployed(['ghcr.io/acme/api:1.0', 'not a reference']),
    expect: { kind: 'gate', reason: /succeeded with no image of web/ },
  },
  {
    name: 'stg already runs it',
    targetRuns: [{ tag: NEW }],
    expect: { kind: 'up-to-date', reason: /^stg already runs ghcr\.io\/acme\/web:dev-2222222-1700000100$/ },
  },
  {
    name: 'stg runs a newer build',
    targetRuns: [{ tag: NEWER }],
    expect: { kind: 'up-to-date', reason: /^stg runs dev-3333333-1700000200, which is not older than dev-2222222/ },
  },
  {
    name: 'stg runs the tag with another digest: a rebuild moves on',
    sourceRuns: [{ tag: NEW, digest: DIGEST }],
    targetRuns: [{ tag: NEW, digest: OTHER_DIGEST }],
    evidence: deployed([`ghcr.io/acme/web:${NEW}@${DIGEST}`]),
    expect: { kind: 'promote', reason: /healthy/, image: `ghcr.io/acme/web:${NEW}@${DIGEST}` },
  },
  {
    name: 'dev does not run the app',
    sourceRuns: [],
    expect: { kind: 'source', reason: /^dev does not run web/ },
  },
  {
    name: 'dev runs two tags',
    sourceRuns: [{ tag: OLD }, { tag: NEW }],
    expect: { kind: 'source', reason: /dev runs web at 2 tags \(dev-1111111-1700000000, dev-2222222-1700000100\)/ },
  },
  {
    name: 'prod refuses a dev build, naming the rule',
    to: 'prod',
    expect: {
      kind: 'policy',
      reason: /^policy: prod admits semver:~0\.4; dev-2222222-1700000100 is not a semver version$/,
    },
  },
  {
    name: 'prod refuses a version outside its range',
    to: 'prod',
    sourceRuns: [{ tag: '0.5.0' }],
    expect: { kind: 'policy', reason: /prod admits semver:~0\.4; 0\.5\.0 is a version outside the range ~0\.4/ },
  },
  {
    name: 'prod admits a release with gate none',
    to: 'prod',
    sourceRuns: [{ tag: '0.4.11' }],
    targetRuns: [{ tag: '0.4.10' }],
    evidence: { gate: 'none' },
    expect: { kind: 'promote', reason: /^healthy in dev: no gate$/, image: 'ghcr.io/acme/web:0.4.11' },
  },
  {
    name: 'prod runs a higher version',
    to: 'prod',
    sourceRuns: [{ tag: '0.4.9' }],
    targetRuns: [{ tag: '0.4.10' }],
    evidence: { gate: 'none' },
    expect: { kind: 'up-to-date', reason: /prod runs 0\.4\.10, which is not older than 0\.4\.9/ },
  },
  {
    name: 'commit status success, soaked',
    to: 'qa',
    evidence: {
      gate: 'commit-status',
      context: 'smoke',
      commit: SHA,
      status: { state: 'success', at: '2026-12-07T10:59:59Z' },
    },
    expect: { kind: 'promote', reason: /status smoke success/ },
  },
  {
    name: 'commit status success, soaking: time left',
    to: 'qa',
    evidence: {
      gate: 'commit-status',
      context: 'smoke',
      commit: SHA,
      status: { state: 'success', at: '2026-12-07T11:30:00Z' },
    },
    expect: {
      kind: 'soak',
      reason: /^soak: qa waits 1h after dev's success \(status smoke success \(2026-12-07T11:30:00Z\)\): 30m left$/,
    },
  },
  {
    name: 'commit status pending',
    to: 'qa',
    evidence: {
      gate: 'commit-status',
      context: 'smoke',
      commit: SHA,
      status: { state: 'pending', at: '2026-12-07T11:30:00Z' },
    },
    expect: {
      kind: 'gate',
      reason:
        /^gate commit-status: status smoke is pending .*; needs commit status smoke success on dev's commit cccccccccccc/,
    },
  },
  {
    name: 'commit status missing',
    to: 'qa',
    evidence: { gate: 'commit-status', context: 'smoke', commit: SHA, status: undefined },
    expect: { kind: 'gate', reason: /no status smoke on cccccccccccc/ },
  },
];

describe('decidePromotion', () => {
  for (const row of rows) {
    test(row.name, () => {
      const decision = decidePromotion({
        app: web,
        source: findEnvironment(config, 'dev'),
        target: findEnvironment(config, row.to ?? 'stg'),
        sourceRuns: row.sourceRuns ?? [{ tag: NEW }],
        targetRuns: row.targetRuns ?? [{ tag: OLD }],
        evidence: row.evidence ?? deployed([`ghcr.io/acme/web:${NEW}`]),
        ...(row.sourceRecord && { sourceRecord: row.sourceRecord }),
        now: row.now ?? NOW,
      });
      const kind = decision.kind === 'blocked' ? decision.blocker.kind : decision.kind;
      assert.equal(kind, row.expect.kind, decision.reason);
      assert.match(decision.reason, row.expect.reason);
      if (row.expect.image !== undefined) assert.equal(decision.image, row.expect.image);
      assert.deepEqual([decision.app, decision.from, decision.to], ['web', 'dev', row.to ?? 'stg']);
    });
  }

  test('the request is a promotion from dev, carrying the source record of that very tag', () => {
    const decide = (sourceRecord: PromotionRecord) =>
      decidePromotion({
        app: web,
        source: findEnvironment(config, 'dev'),
        target: findEnvironment(config, 'stg'),
        sourceRuns: [{ tag: NEW }],
        targetRuns: [{ tag: OLD }],
        evidence: deployed([`ghcr.io/acme/web:${NEW}@${DIGEST}`]),
        sourceRecord,
        now: NOW,
      });
    const carried = decide(record(NEW));
    assert.equal(carried.kind, 'promote');
    assert.deepEqual(carried.kind === 'promote' && carried.request, {
      app: 'web',
      image: 'ghcr.io/acme/web',
      tag: NEW,
      digest: DIGEST,
      environment: 'stg',
      intent: 'forward',
      buildTimestamp: 1_700_000_100,
      provenance: { kind: 'promotion', fromEnvironment: 'dev', dispatchId: 'd-42', source: record(NEW).source },
    });
    // A record of another tag says nothing about this image: no dispatch id is borrowed from it.
    const other = decide(record(OLD));
    assert.deepEqual(other.kind === 'promote' && other.request.provenance, {
      kind: 'promotion',
      fromEnvironment: 'dev',
    });
    assert.equal(other.kind === 'promote' && other.request.buildTimestamp, undefined);
  });

  test('the soak counts down to the second and then lets it through', () => {
    const at = (now: number) =>
      decidePromotion({
        app: web,
        source: findEnvironment(config, 'dev'),
        target: findEnvironment(config, 'qa'),
        sourceRuns: [{ tag: NEW }],
        targetRuns: [],
        evidence: {
          gate: 'commit-status',
          context: 'smoke',
          commit: SHA,
          status: { state: 'success', at: '2026-12-07T11:00:00Z' },
        },
        now,
      });
    const success = Date.parse('2026-12-07T11:00:00Z');
    const soaking = at(success + 3_599_000);
    assert.equal(soaking.kind === 'blocked' && soaking.blocker.kind === 'soak' && soaking.blocker.secondsLeft, 1);
    assert.equal(at(success + 3_600_000).kind, 'promote');
  });
});

describe('readRunningImages', () => {
  const files = (text: string) => [{ path: 'releases/dev/web.yaml', text }];
  const deployment = (image: string, annotations = '') =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n${annotations}spec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n`;
  test('a tag, a digest, several tags, none', () => {
    assert.deepEqual(readRunningImages(web, files(deployment(`ghcr.io/acme/web:${NEW}`))).images, [{ tag: NEW }]);
    assert.deepEqual(readRunningImages(web, files(deployment(`ghcr.io/acme/web:${NEW}@${DIGEST}`))).images, [
      { tag: NEW, digest: DIGEST },
    ]);
    const two = `${deployment(`ghcr.io/acme/web:${NEW}`)}---\n${deployment(`ghcr.io/acme/web:${OLD}`)}`;
    assert.deepEqual(readRunningImages(web, files(two)).images, [{ tag: NEW }, { tag: OLD }]);
    const none = readRunningImages(web, files(deployment('ghcr.io/acme/api:1.0')));
    assert.deepEqual([none.images, none.references], [[], 0]);
  });
  test('a Flux tag-policy annotation that would refuse the probe does not hide what runs', () => {
    const annotated = deployment(`ghcr.io/acme/web:${NEW}`, '  annotations:\n    fluxcd.io/tag.web: "glob:dev-*"\n');
    const read = readRunningImages(web, files(annotated));
    assert.deepEqual(read.images, [{ tag: NEW }]);
    assert.deepEqual(read.warnings, []);
  });
  test('a Helm values image with repository, tag and digest', () => {
    const values = `image:\n  repository: ghcr.io/acme/web\n  tag: ${NEW}\n  digest: ${DIGEST}\n`;
    assert.deepEqual(readRunningImages(web, [{ path: 'releases/dev/web/values.yaml', text: values }]).images, [
      { tag: NEW, digest: DIGEST },
    ]);
  });
});

test('explainRefusal names what the tag lacks', () => {
  const cases: [string, string, string | undefined][] = [
    ['glob:dev-*', 'dev-1', undefined],
    ['glob:dev-*', 'stg-1', 'stg-1 does not match the glob dev-*'],
    ['regexp:^0\\.6', '0.7.1', '0.7.1 does not match the regular expression ^0\\.6'],
    ['semver:~0.4', 'dev-abc', 'dev-abc is not a semver version'],
    ['semver:~0.4', '1.0.0', '1.0.0 is a version outside the range ~0.4'],
    ['numerical:asc', 'abc', 'abc is not a number'],
  ];
  for (const [spec, tag, expected] of cases) assert.equal(explainRefusal(parseTagPolicy(spec), tag), expected, spec);
  const filtered = parseTagPolicy('numerical:asc', { pattern: '^main-(?P<ts>[0-9]+)$', extract: '$ts' });
  assert.equal(explainRefusal(filtered, 'dev-1'), 'dev-1 does not match the filter pattern "^main-(?P<ts>[0-9]+)$"');
});
