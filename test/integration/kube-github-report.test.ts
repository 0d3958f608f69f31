// The report comment, commit status and deployments against the local GitHub (request bodies checked
// against GitHub's OpenAPI description by the server).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { MAX_COMMENT_LENGTH, splitReport, upsertReportComment } from '../../src/github/comments.js';
import { createDeployment, lastSuccessfulDeployment, setDeploymentStatus } from '../../src/github/deployments.js';
import { setCommitStatus } from '../../src/github/statuses.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';

let github: LocalGitHub;
let client: GitHubClient;
let head: string;
let pull: number;
const repo = { owner: 'acme', repo: 'env' };

before(async () => {
  github = await startLocalGitHub();
  await github.createRepository('acme', 'env', { 'README.md': '# env\n' });
  head = await github.pushCommit('acme', 'env', { branch: 'bump', files: { 'a.yaml': 'a: 1\n' } });
  client = createGitHubClient({
    token: 't',
    baseUrl: github.url,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    retries: 0,
  });
  pull = (await client.rest.pulls.create({ ...repo, head: 'bump', base: 'main', title: 'bump' })).data.number;
});
after(() => github.stop());

const comments = async () =>
  (await client.rest.issues.listComments({ ...repo, issue_number: pull, per_page: 100 })).data.map((c) => ({
    id: c.id,
    body: c.body ?? '',
  }));

describe('the report comment', () => {
  test('splits by whole sections below the limit, each part marked, with a continuation notice', () => {
    const sections = Array.from({ length: 5 }, (_, i) => `### section ${i}\n${'x'.repeat(30_000)}`);
    const bodies = splitReport({ key: 'validate:dev', header: '## Validate', sections });
    assert.equal(bodies.length, 3);
    for (const body of bodies) assert.ok(body.length < MAX_COMMENT_LENGTH);
    assert.ok(bodies[0]!.startsWith('<!-- gitops-promote:validate:dev part=1 -->\n## Validate'));
    assert.match(bodies[0]!, /continues in the next comment \(part 2 of 3\)/);
    assert.equal(bodies.join('').match(/### section \d/g)?.length, 5);
    const oversized = splitReport({ key: 'k', header: 'h', sections: ['y'.repeat(100_000)] });
    assert.equal(oversized.length, 1);
    assert.ok(oversized[0]!.length < MAX_COMMENT_LENGTH);
    assert.match(oversized[0]!, /cut at GitHub's comment limit/);
  });

  test('is created once, updated in place on the next run, and leftover parts are deleted', async () => {
    await client.rest.issues.createComment({ ...repo, issue_number: pull, body: 'a person writes' });
    const big = Array.from({ length: 3 }, (_, i) => `### r${i}\n${'z'.repeat(40_000)}`);
    const first = await upsertReportComment(client, repo, pull, {
      key: 'validate:dev',
      header: 'run 1',
      sections: big,
    });
    assert.deepEqual([first.created, first.updated, first.deleted], [3, 0, 0]);
    const second = await upsertReportComment(client, repo, pull, {
      key: 'validate:dev',
      header: 'run 2',
      sections: ['ok'],
    });
    assert.deepEqual([second.created, second.updated, second.deleted], [0, 1, 2]);
    assert.equal(second.ids[0], first.ids[0]);
    const left = await comments();
    assert.deepEqual(
      left.map((c) => c.body.split('\n')[0]),
      ['a person writes', '<!-- gitops-promote:validate:dev part=1 -->'],
    );
    assert.match(left[1]!.body, /run 2\n\nok$/);
    const other = await upsertReportComment(client, repo, pull, { key: 'validate:prod', header: 'p', sections: [] });
    assert.equal(other.created, 1);
    assert.equal((await comments()).length, 3);
  });

  test('a part GitHub posted but whose answer was lost is found by its marker, not posted twice', async () => {
    github.injectFault({
      kind: 'drop',
      route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      when: 'after',
    });
    const result = await upsertReportComment(client, repo, pull, { key: 'validate:qa', header: 'q', sections: ['s'] });
    github.clearFaults();
    assert.equal(github.requests().filter((request) => request.fault === 'drop').length, 1, 'the fault fired');
    assert.deepEqual([result.created, result.updated], [0, 1]);
    const parts = (await comments()).filter((c) => c.body.startsWith('<!-- gitops-promote:validate:qa part='));
    assert.deepEqual(
      parts.map((c) => c.id),
      result.ids,
    );
  });

  test('the local GitHub refuses a body over the limit with 422, as GitHub does', async () => {
    await assert.rejects(
      client.rest.issues.createComment({ ...repo, issue_number: pull, body: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }),
      (error: { status?: number }) => error.status === 422,
    );
  });
});

describe('commit status and deployments', () => {
  test('the commit status lands on the head commit, description cut to 140', async () => {
    await setCommitStatus(client, repo, {
      sha: head,
      state: 'failure',
      context: 'gitops-promote/validate',
      description: 'd'.repeat(200),
    });
    const combined = await client.rest.repos.getCombinedStatusForRef({ ...repo, ref: head });
    assert.equal(combined.data.state, 'failure');
    assert.equal(combined.data.statuses[0]?.context, 'gitops-promote/validate');
    assert.equal(combined.data.statuses[0]?.description?.length, 140);
  });

  test('deployments with in_progress then success/failure; the last successful one is found', async () => {
    const payload = { images: ['ghcr.io/acme/web:1.0.0'], commit: head };
    const good = await createDeployment(client, repo, {
      ref: head,
      environment: 'dev',
      description: 'apply dev',
      payload,
    });
    await setDeploymentStatus(client, repo, good, { state: 'in_progress', description: 'applying' });
    await setDeploymentStatus(client, repo, good, {
      state: 'success',
      description: 'applied',
      logUrl: 'https://github.com/acme/env/actions/runs/1',
      environmentUrl: 'https://dev.example.com',
    });
    const bad = await createDeployment(client, repo, {
      ref: head,
      environment: 'dev',
      description: 'apply dev',
      payload,
    });
    await setDeploymentStatus(client, repo, bad, { state: 'failure', description: 'rollout failed' });
    assert.deepEqual(await lastSuccessfulDeployment(client, repo, 'dev'), { id: good, sha: head });
    assert.equal(await lastSuccessfulDeployment(client, repo, 'prod'), undefined);
    const statuses = await client.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: good });
    assert.equal(statuses.data[0]?.state, 'success');
    assert.equal(statuses.data[0]?.environment_url, 'https://dev.example.com');
    const stored = await client.rest.repos.getDeployment({ ...repo, deployment_id: good });
    assert.deepEqual(stored.data.payload, JSON.stringify(payload));
  });
});
