// Ordering two builds of an app by the same evidence on both sides, for every combination of a
// request's build timestamp (present or absent) and tag timestamps (present or absent), and what the
// decision makes of it. The case that motivated it: a bump by hand of dev-00000000-1700000000
// without build-timestamp, while dev runs dev-3f2a9c1e-1763600000, must not roll dev back.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePromotionConfig } from '../../src/core/config/index.js';
import { manualRequest, requestFromPayload, buildDispatchPayload } from '../../src/core/payload/index.js';
import { parseTagPolicy } from '../../src/core/policy/index.js';
import {
  buildRecord,
  decideAgainstEnvironment,
  decideAgainstPending,
  planPromotion,
  resolvePromotion,
} from '../../src/core/promotion/index.js';
import { compareBuilds, type Build, type BuildOrder } from '../../src/core/promotion/order.js';
import type { PromotionRequest } from '../../src/core/request.js';

const GLOB = parseTagPolicy('glob:dev-*');
const OLD = 1_700_000_000;
const RUNNING = 1_763_600_000;
const NEW = 1_763_700_000;

describe('compareBuilds: request timestamp x candidate tag timestamp x current tag timestamp (x record timestamp)', () => {
  const cases: Array<[string, Build, Build, BuildOrder]> = [
    // Both tags carry their build time: those decide, whatever the request says.
    [
      'tag ts / no request ts vs tag ts: older',
      { tag: `dev-00000000-${OLD}` },
      { tag: `dev-3f2a9c1e-${RUNNING}` },
      false,
    ],
    [
      'tag ts / no request ts vs tag ts: newer',
      { tag: `dev-00000000-${NEW}` },
      { tag: `dev-3f2a9c1e-${RUNNING}` },
      true,
    ],
    [
      'tag ts / request ts vs tag ts: the tags decide',
      { tag: `dev-00000000-${OLD}`, buildTimestamp: NEW },
      { tag: `dev-3f2a9c1e-${RUNNING}` },
      false,
    ],
    [
      'tag ts / request ts vs tag ts: newer',
      { tag: `dev-00000000-${NEW}`, buildTimestamp: NEW },
      { tag: `dev-3f2a9c1e-${RUNNING}` },
      true,
    ],
    ['same build time is not newer', { tag: `dev-00000000-${RUNNING}` }, { tag: `dev-3f2a9c1e-${RUNNING}` }, false],
    // The candidate's tag carries no time: the request's build timestamp against the current tag's.
    [
      'no tag ts / request ts vs tag ts: newer',
      { tag: 'dev-0000000a', buildTimestamp: NEW },
      { tag: `dev-3f2a9c1e-${RUNNING}` },
      true,
    ],
    [
      'no tag ts / request ts vs tag ts: older',
      { tag: 'dev-0000000a', buildTimestamp: OLD },
      { tag: `dev-3f2a9c1e-${RUNNING}` },
      false,
    ],
    // Nothing on the candidate's side: no guess, whatever runs.
    ['no tag ts / no request ts vs tag ts', { tag: 'dev-0000000a' }, { tag: `dev-3f2a9c1e-${RUNNING}` }, 'unordered'],
    ['no tag ts / no request ts vs no tag ts', { tag: 'dev-0000000a' }, { tag: 'dev-3f2a9c1e' }, 'unordered'],
    [
      'no tag ts / no request ts vs a record ts',
      { tag: 'dev-0000000a' },
      { tag: 'dev-3f2a9c1e', buildTimestamp: RUNNING },
      'unordered',
    ],
    // The current build's side is unknown: nothing tells (taken as newer by the caller, as before).
    ['tag ts / no request ts vs no tag ts', { tag: `dev-00000000-${NEW}` }, { tag: 'dev-3f2a9c1e' }, undefined],
    [
      'no tag ts / request ts vs no tag ts',
      { tag: 'dev-0000000a', buildTimestamp: NEW },
      { tag: 'dev-3f2a9c1e' },
      undefined,
    ],
    [
      'tag ts / request ts vs no tag ts',
      { tag: `dev-00000000-${NEW}`, buildTimestamp: NEW },
      { tag: 'dev-3f2a9c1e' },
      undefined,
    ],
    // The current side known from a record (a pending branch, a dispatch that said it).
    [
      'tag ts / no request ts vs record ts: older',
      { tag: `dev-00000000-${OLD}` },
      { tag: 'dev-3f2a9c1e', buildTimestamp: RUNNING },
      false,
    ],
    [
      'no tag ts / request ts vs record ts: newer',
      { tag: 'dev-0000000a', buildTimestamp: NEW },
      { tag: 'dev-3f2a9c1e', buildTimestamp: RUNNING },
      true,
    ],
  ];
  for (const [name, candidate, current, expected] of cases) {
    test(name, () => assert.equal(compareBuilds(GLOB, candidate, current), expected));
  }
  test('a policy with an order of its own ignores build times', () => {
    const semver = parseTagPolicy('semver:~0.4');
    assert.equal(
      compareBuilds(semver, { tag: '0.4.2', buildTimestamp: NEW }, { tag: '0.4.10', buildTimestamp: OLD }),
      false,
    );
    assert.equal(compareBuilds(semver, { tag: '0.4.10' }, { tag: '0.4.2' }), true);
  });
});

const CONFIG = parsePromotionConfig(`
environments:
  - {name: dev, path: releases/dev, tags: "glob:dev-*"}
apps:
  web: {image: ghcr.io/acme/web}
`);
const SOURCE = {
  repository: 'acme/web',
  sha: 'a'.repeat(40),
  ref: 'refs/heads/dev',
  runUrl: 'https://github.com/acme/web/actions/runs/1',
};
const manifest = (tag: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/web:${tag}
`;

function byHand(tag: string, buildTimestamp?: number): PromotionRequest {
  return manualRequest({
    app: 'web',
    image: 'ghcr.io/acme/web',
    tag,
    environment: 'dev',
    source: SOURCE,
    ...(buildTimestamp !== undefined && { buildTimestamp }),
    dispatchId: '00000000-0000-4000-8000-000000000001',
  });
}

function decide(request: PromotionRequest, running: string) {
  const promotion = resolvePromotion(CONFIG, request);
  return decideAgainstEnvironment(
    promotion,
    planPromotion(promotion, [{ path: 'releases/dev/web.yaml', text: manifest(running) }]),
  );
}

describe('the decision, by hand and by dispatch', () => {
  test('by hand, no build-timestamp, an older tag ID: skipped, not a rollback', () => {
    const request = byHand(`dev-00000000-${OLD}`);
    assert.equal(request.buildTimestamp, undefined, 'no build time is assumed');
    const decision = decide(request, `dev-3f2a9c1e-${RUNNING}`);
    assert.equal(decision.kind, 'skipped');
    assert.match('reason' in decision ? decision.reason : '', /runs dev-3f2a9c1e-1763600000, which is not older than/);
  });
  test('by hand, no build-timestamp, a newer tag ID: a change', () => {
    assert.equal(decide(byHand(`dev-00000000-${NEW}`), `dev-3f2a9c1e-${RUNNING}`).kind, 'change');
  });
  test('by hand, no build-timestamp, a tag without a time: refused with the fix', () => {
    const decision = decide(byHand('dev-0000000a'), `dev-3f2a9c1e-${RUNNING}`);
    assert.equal(decision.kind, 'skipped');
    assert.match(
      'reason' in decision ? decision.reason : '',
      /nothing says whether dev-0000000a is newer: glob:dev-\* orders tags by build time, .* Give build-timestamp/,
    );
  });
  test('by hand with build-timestamp, a tag without a time: the timestamp orders it', () => {
    assert.equal(decide(byHand('dev-0000000a', NEW), `dev-3f2a9c1e-${RUNNING}`).kind, 'change');
    assert.equal(decide(byHand('dev-0000000a', OLD), `dev-3f2a9c1e-${RUNNING}`).kind, 'skipped');
  });
  test('a dispatch always carries its build time', () => {
    const payload = buildDispatchPayload({
      app: 'web',
      image: 'ghcr.io/acme/web',
      tag: 'dev-0000000a',
      environment: 'dev',
      source: SOURCE,
      buildTimestamp: NEW,
      dispatchId: '00000000-0000-4000-8000-000000000002',
    });
    assert.equal(decide(requestFromPayload(payload), `dev-3f2a9c1e-${RUNNING}`).kind, 'change');
  });
  test('a rollback is not refused for being older', () => {
    const request: PromotionRequest = { ...byHand(`dev-00000000-${OLD}`), intent: 'rollback' };
    assert.equal(decide(request, `dev-3f2a9c1e-${RUNNING}`).kind, 'change');
  });
  test('against a pending branch: an unordered request never replaces it', () => {
    const promotion = resolvePromotion(CONFIG, byHand('dev-0000000a'));
    const pending = {
      v: 1 as const,
      app: 'web',
      environment: 'dev',
      image: 'ghcr.io/acme/web',
      tag: 'dev-3f2a9c1e',
      previousTags: [],
      changes: [],
      base: 'b'.repeat(40),
    };
    assert.equal(decideAgainstPending(promotion, pending), 'pending-is-newer');
    assert.equal(decideAgainstPending(resolvePromotion(CONFIG, byHand('dev-0000000a', NEW)), pending), 'replace');
  });
});

test('a promotion from the previous environment carries its record, and no dispatch id of its own', () => {
  const request: PromotionRequest = {
    app: 'web',
    image: 'ghcr.io/acme/web',
    tag: `dev-00000000-${NEW}`,
    environment: 'dev',
    intent: 'forward',
    provenance: { kind: 'promotion', fromEnvironment: 'stg', source: SOURCE },
  };
  const promotion = resolvePromotion(CONFIG, request);
  const decision = decideAgainstEnvironment(
    promotion,
    planPromotion(promotion, [{ path: 'releases/dev/web.yaml', text: manifest(`dev-3f2a9c1e-${RUNNING}`) }]),
  );
  assert.equal(decision.kind, 'change');
  const record = buildRecord(promotion, decision as Extract<typeof decision, { kind: 'change' }>, 'b'.repeat(40));
  assert.equal('dispatchId' in record, false);
  assert.deepEqual(record.source, SOURCE);
  assert.equal(record.buildTimestamp, undefined);
});
