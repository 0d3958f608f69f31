// One planning function for the action and the command line: the same tree, read through the API
// (GitHubSnapshot over the local GitHub) and from a folder (FolderSnapshot), with the same request,
// gives the same candidates, the same plan, the same verdict and the same warnings.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parsePromotionConfig } from '../../src/core/config/index.js';
import { requestFromPayload } from '../../src/core/payload/index.js';
import { resolvePromotion } from '../../src/core/promotion/index.js';
import { planOnSnapshot } from '../../src/flows/plan.js';
import { FolderSnapshot } from '../../src/fs/snapshot.js';
import { findBranchHead, GitHubSnapshot } from '../../src/github/repository.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { CONFIG, exampleFiles, fastClient, OWNER, payload } from './bump-fixtures.js';

// `frontend` is named by no file: every YAML file of dev is read, and a warning says so.
// `big` is named by one file only, over the size limit: a bump of it fails and says why the file was skipped.
const SNAPSHOT_CONFIG = `${CONFIG}  frontend:\n    image: ghcr.io/acme/web\n  big:\n    image: ghcr.io/acme/big\n`;
const REPO = 'snapshots';
let github: LocalGitHub;
let folder: string;

before(async () => {
  github = await startLocalGitHub();
  const files = exampleFiles(SNAPSHOT_CONFIG);
  // A large file among the candidates: both readers skip it with a warning.
  files['releases/dev/web/huge.yaml'] = `# ${'x'.repeat(1024 * 1024)}\nimage: ghcr.io/acme/web:dev-0\n`;
  files['releases/dev/big.yaml'] = `# ${'x'.repeat(1024 * 1024)}\nimage: ghcr.io/acme/big:dev-0\n`;
  await github.createRepository(OWNER, REPO, files);
  folder = mkdtempSync(join(tmpdir(), 'snapshot-plan-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
});
after(async () => {
  await github.stop();
  rmSync(folder, { recursive: true, force: true });
});

const requests = [
  { name: 'a change, files named after the app', fields: { app: 'podinfo', tag: 'dev-abcdef12-1763900000' } },
  { name: 'a kustomize app', fields: { app: 'web', tag: 'dev-abcdef12-1763900000' } },
  { name: 'an older tag: skipped', fields: { app: 'podinfo', tag: 'dev-abcdef12-1700000000' } },
  {
    name: 'nothing named after the app: every file read, with a warning',
    fields: { app: 'frontend', tag: 'dev-abcdef12-1763900000' },
  },
];

describe('the API reader and the folder reader plan alike', () => {
  for (const { name, fields } of requests) {
    test(name, async () => {
      const config = parsePromotionConfig(SNAPSHOT_CONFIG);
      const sent = payload(fields);
      const promotion = resolvePromotion(
        config,
        requestFromPayload({ ...sent, image: `ghcr.io/acme/${fields.app === 'frontend' ? 'web' : fields.app}` }),
      );
      const client = fastClient(github);
      const repository = { owner: OWNER, repo: REPO };
      const head = await findBranchHead(client, repository, 'main');
      assert.ok(head);
      const overApi = await planOnSnapshot(promotion, await GitHubSnapshot.at(client, repository, head));
      const overFolder = await planOnSnapshot(promotion, new FolderSnapshot(folder));
      assert.deepEqual(overFolder.selection, overApi.selection);
      assert.deepEqual(overFolder.decision, overApi.decision);
      assert.deepEqual(overFolder.planned.running, overApi.planned.running);
      assert.deepEqual(overFolder.warnings, overApi.warnings);
      if (fields.app === 'frontend') {
        assert.ok(overApi.selection.broad);
        assert.match(
          overApi.warnings[0] ?? '',
          /no file under releases\/dev is named after frontend; read all \d+ YAML files/,
        );
      }
    });
  }
});

test('a promotion whose only manifest was skipped fails naming the file and why, over both readers', async () => {
  const config = parsePromotionConfig(SNAPSHOT_CONFIG);
  const promotion = resolvePromotion(
    config,
    requestFromPayload({ ...payload({ app: 'big', tag: 'dev-abcdef12-1763900000' }), image: 'ghcr.io/acme/big' }),
  );
  const client = fastClient(github);
  const repository = { owner: OWNER, repo: REPO };
  const head = await findBranchHead(client, repository, 'main');
  assert.ok(head);
  const expected =
    /no manifest of dev references ghcr\.io\/acme\/big .*skipped: releases\/dev\/big\.yaml: \d+ bytes is over the \d+-byte limit/;
  await assert.rejects(planOnSnapshot(promotion, await GitHubSnapshot.at(client, repository, head)), expected);
  await assert.rejects(planOnSnapshot(promotion, new FolderSnapshot(folder)), expected);
});
