// GitHub's secondary limit on content-creating requests (about 80 a minute; issue 9), enforced by the
// local GitHub at a small scale: 50 bumps of 50 apps at once, sharing one token, still end in 50 correct
// pull requests through the throttling plugin's waits; a run refused past its retries says when to retry.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { requestFromPayload } from '../../src/core/payload/index.js';
import { parseBodyRecord } from '../../src/core/promotion/index.js';
import { RetryLaterError } from '../../src/core/errors.js';
import { bumpEnvironment } from '../../src/flows/bump.js';
import { createGitHubClient } from '../../src/github/client.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { devTag, OWNER, payload } from './bump-fixtures.js';

const APPS = Array.from({ length: 50 }, (_, index) => `app-${String(index).padStart(2, '0')}`);
const REPO = 'many-apps';
let github: LocalGitHub;

before(async () => {
  github = await startLocalGitHub();
  const files: Record<string, string> = {
    '.github/promotion.yml': `environments:\n  - {name: dev, path: releases/dev, tags: "glob:dev-*"}\napps:\n${APPS.map((app) => `  ${app}: {image: ghcr.io/acme/${app}}\n`).join('')}`,
  };
  for (const app of APPS) {
    files[`releases/dev/${app}.yaml`] =
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${app}}\nspec:\n  template:\n    spec:\n      containers:\n        - name: ${app}\n          image: ghcr.io/acme/${app}:dev-00000000-1763600000\n`;
  }
  await github.createRepository(OWNER, REPO, files);
});
after(() => github.stop());

// retry-after is in real seconds here, as on GitHub; only the limit is small (8 writes a second).
function client(secondaryRateLimitRetries?: number) {
  return createGitHubClient({
    token: 'ghs_shared_by_every_run',
    baseUrl: github.url,
    retryDelayMs: 2,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    ...(secondaryRateLimitRetries !== undefined && { secondaryRateLimitRetries }),
    log: { warn: () => undefined, error: () => undefined },
  });
}

test('50 concurrent bumps of 50 apps under the content-creation limit: 50 correct pull requests', async (t) => {
  github.setContentLimit({ requests: 8, windowMs: 1000 });
  github.resetCalls();
  const started = Date.now();
  const results = await Promise.all(
    APPS.map((app) =>
      bumpEnvironment({
        // More retries than the default 8: this proves that contention never loses or doubles a pull
        // request; whether every one of 50 runs is lucky within 8 refusals depends on the machine's load
        // (seen both ways on a loaded 2-core machine), and the give-up path has its own test below.
        client: client(30),
        repository: { owner: OWNER, repo: REPO },
        request: requestFromPayload(payload({ app, tag: devTag(1763700100), buildTimestamp: 1763700100 })),
        defaultBranch: 'main',
      }),
    ),
  );
  github.setContentLimit(undefined);
  const limited = github.requests().filter((request) => request.limited).length;
  t.diagnostic(`${limited} writes refused by the limit, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.ok(limited > 0, 'the limit was met');
  assert.deepEqual(
    results.map((result) => result.operation),
    APPS.map(() => 'created'),
  );
  const pulls = github.pullRequests(OWNER, REPO);
  assert.equal(pulls.length, 50);
  for (const app of APPS) {
    const pull = pulls.find((candidate) => candidate.headRef === `gitops-promote/dev/${app}`);
    assert.ok(pull, app);
    assert.equal(pull.title, `Promote ${app} to ${devTag(1763700100)} in dev`);
    const head = await github.git(OWNER, REPO, ['rev-parse', `refs/heads/${pull.headRef}`]);
    assert.equal(parseBodyRecord(pull.body)?.commit, head, `${app}: the body describes the branch head`);
    const diff = await github.git(OWNER, REPO, ['diff', '--unified=0', `main...${head}`]);
    assert.match(diff, new RegExp(`\\+\\s+image: ghcr.io/acme/${app}:${devTag(1763700100)}`));
  }
});

test('a run the limit outlasts fails with "rate limited, retry after", not an unexpected error', async () => {
  github.setContentLimit({ requests: 1, windowMs: 60_000 });
  // Another run used the minute's only write.
  await fetch(`${github.url}/repos/${OWNER}/${REPO}/git/blobs`, {
    method: 'POST',
    headers: { authorization: 'token ghs_shared_by_every_run', 'content-type': 'application/json' },
    body: JSON.stringify({ content: 'x', encoding: 'utf-8' }),
  });
  const error = await bumpEnvironment({
    client: client(0),
    repository: { owner: OWNER, repo: REPO },
    request: requestFromPayload(payload({ app: 'app-00', tag: devTag(1763700200), buildTimestamp: 1763700200 })),
    defaultBranch: 'main',
  }).then(
    () => assert.fail('expected the run to fail'),
    (failure: Error) => failure,
  );
  github.setContentLimit(undefined);
  assert.ok(error instanceof RetryLaterError, `${error.name}: ${error.message}`);
  assert.match(error.message, /GitHub answered 403.*rate limited, retry after (59|60) s \(\d\d:\d\d:\d\d UTC\)/);
  assert.doesNotMatch(error.message, /unexpected/);
});
