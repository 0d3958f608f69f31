// Every answer the local GitHub gives in a realistic promotion flow conforms to the response schema of
// GitHub's OpenAPI description, so code that works here reads the same fields on github.com.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Octokit } from '@octokit/rest';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { checkResponse } from '../../tools/local-github/openapi.js';

interface Seen {
  call: string;
  status: number;
  data: unknown;
}

let hub: LocalGitHub;
let octokit: Octokit;
const seen: Seen[] = [];

before(async () => {
  hub = await startLocalGitHub();
  octokit = new Octokit({ baseUrl: hub.url, auth: 'token', log: { debug() {}, info() {}, warn() {}, error() {} } });
  octokit.hook.after('request', (response, options) => {
    seen.push({ call: `${options.method} ${options.url}`, status: response.status, data: response.data });
  });
});
after(() => hub.stop());

test('responses of a whole promotion flow match the OpenAPI response schemas', async () => {
  const owner = 'acme';
  const repo = 'env';
  const { sha: initial = '' } = await hub.createRepository(
    owner,
    repo,
    { 'releases/dev/app.yaml': 'image: app:1\n' },
    { collaborators: ['alice'] },
  );
  await octokit.rest.repos.get({ owner, repo });
  const ref = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/main' });
  await octokit.rest.git.listMatchingRefs({ owner, repo, ref: 'heads/' });
  const commit = await octokit.rest.git.getCommit({ owner, repo, commit_sha: ref.data.object.sha });
  await octokit.rest.git.getTree({ owner, repo, tree_sha: commit.data.tree.sha, recursive: '1' });
  const content = await octokit.rest.repos.getContent({ owner, repo, path: 'releases/dev/app.yaml' });
  await octokit.rest.git.getBlob({ owner, repo, file_sha: (content.data as { sha: string }).sha });
  const blob = await octokit.rest.git.createBlob({ owner, repo, content: 'image: app:2\n' });
  const tree = await octokit.rest.git.createTree({
    owner,
    repo,
    base_tree: commit.data.tree.sha,
    tree: [{ path: 'releases/dev/app.yaml', mode: '100644', type: 'blob', sha: blob.data.sha }],
  });
  const created = await octokit.rest.git.createCommit({
    owner,
    repo,
    message: 'bump',
    tree: tree.data.sha,
    parents: [initial],
  });
  await octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/promote', sha: created.data.sha });
  await octokit.rest.git.updateRef({ owner, repo, ref: 'heads/promote', sha: created.data.sha });
  const pr = await octokit.rest.pulls.create({
    owner,
    repo,
    head: 'promote',
    base: 'main',
    title: 'Promote',
    body: 'x',
  });
  const pull_number = pr.data.number;
  await octokit.rest.pulls.list({ owner, repo, head: 'acme:promote' });
  await octokit.rest.pulls.update({ owner, repo, pull_number, body: 'y' });
  await octokit.rest.pulls.listFiles({ owner, repo, pull_number });
  await octokit.rest.issues.addLabels({ owner, repo, issue_number: pull_number, labels: ['gitops'] });
  await octokit.rest.issues.listLabelsOnIssue({ owner, repo, issue_number: pull_number });
  await octokit.rest.issues.createComment({ owner, repo, issue_number: pull_number, body: 'c' });
  await octokit.rest.issues.listComments({ owner, repo, issue_number: pull_number });
  await octokit.rest.pulls.requestReviewers({ owner, repo, pull_number, reviewers: ['alice'] });
  await octokit.rest.repos.getCommit({ owner, repo, ref: 'promote' });
  await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: 'main...promote' });
  await octokit.rest.git.createRef({ owner, repo, ref: 'refs/tags/v0.1.0', sha: created.data.sha });
  await octokit.rest.repos.listTags({ owner, repo });
  await octokit.rest.repos.createCommitStatus({
    owner,
    repo,
    sha: created.data.sha,
    state: 'success',
    context: 'validate',
  });
  await octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: 'promote' });
  await octokit.rest.pulls.merge({ owner, repo, pull_number });
  await octokit.rest.pulls.get({ owner, repo, pull_number });
  const deployment = await octokit.rest.repos.createDeployment({
    owner,
    repo,
    ref: 'main',
    environment: 'dev',
    required_contexts: [],
  });
  const deployment_id = (deployment.data as { id: number }).id;
  await octokit.rest.repos.listDeployments({ owner, repo });
  await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id, state: 'success' });
  await octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id });

  const checked = seen.map(({ call, status, data }) => {
    const [method = '', url = ''] = call.split(' ');
    return { call, problems: checkResponse(method, url, status, data) };
  });
  assert.equal(checked.length, hub.totalCalls());
  assert.deepEqual(
    checked.filter((entry) => entry.problems.length > 0),
    [],
  );
});
