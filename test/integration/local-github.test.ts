// The local GitHub, driven by a real octokit client, checked against the bare repositories with git itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Octokit } from '@octokit/rest';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';

let hub: LocalGitHub;
let octokit: Octokit;
let counter = 0;

/** A fresh repository per test, so tests do not depend on each other. */
async function freshRepo(
  files: Record<string, string> = { 'README.md': '# env\n', 'releases/dev/app.yaml': 'image: app:1\n' },
) {
  counter += 1;
  const repo = `env-${counter}`;
  const created = await hub.createRepository('acme', repo, files, {
    collaborators: ['alice'],
    teams: ['platform'],
    protectedBranches: { main: { requiredChecks: ['validate'] } },
  });
  return { owner: 'acme', repo, created };
}

/** One commit on top of `parent` changing `files`, made through the Git Data API. */
async function apiCommit(
  owner: string,
  repo: string,
  parent: string,
  files: Record<string, string>,
  message = 'change',
) {
  const base = await octokit.rest.git.getCommit({ owner, repo, commit_sha: parent });
  const tree = await octokit.rest.git.createTree({
    owner,
    repo,
    base_tree: base.data.tree.sha,
    tree: Object.entries(files).map(([path, content]) => ({
      path,
      mode: '100644' as const,
      type: 'blob' as const,
      content,
    })),
  });
  const commit = await octokit.rest.git.createCommit({ owner, repo, message, tree: tree.data.sha, parents: [parent] });
  return commit.data.sha;
}

async function rejection(promise: Promise<unknown>): Promise<{ status: number; message: string; data: unknown }> {
  try {
    await promise;
  } catch (error) {
    const { status, message, response } = error as { status: number; message: string; response?: { data: unknown } };
    return { status, message, data: response?.data };
  }
  throw new Error('expected the request to fail');
}

before(async () => {
  hub = await startLocalGitHub();
  octokit = new Octokit({ baseUrl: hub.url, auth: 'any-token', log: { debug() {}, info() {}, warn() {}, error() {} } });
});
after(() => hub.stop());

describe('git data API writes real git objects', () => {
  test('blob, nested tree with base_tree, commit and ref show up in git log and git show', async () => {
    const { owner, repo, created } = await freshRepo();
    const blob = await octokit.rest.git.createBlob({
      owner,
      repo,
      content: Buffer.from('binary\u0000ok').toString('base64'),
      encoding: 'base64',
    });
    const base = await octokit.rest.git.getCommit({ owner, repo, commit_sha: created.sha ?? '' });
    const tree = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: base.data.tree.sha,
      tree: [
        { path: 'releases/dev/app.yaml', mode: '100644', type: 'blob', content: 'image: app:2\n' },
        { path: 'deep/a/b/c.bin', mode: '100644', type: 'blob', sha: blob.data.sha },
      ],
    });
    const commit = await octokit.rest.git.createCommit({
      owner,
      repo,
      message: 'Promote app to 2',
      tree: tree.data.sha,
      parents: [created.sha ?? ''],
    });
    assert.equal(commit.data.verification?.verified, true);
    await octokit.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha: commit.data.sha });

    assert.equal(await hub.git(owner, repo, ['log', '--format=%s', 'main']), 'Promote app to 2\nInitial commit');
    assert.equal(await hub.git(owner, repo, ['show', 'main:releases/dev/app.yaml']), 'image: app:2');
    assert.equal(await hub.git(owner, repo, ['show', 'main:README.md']), '# env');
    assert.equal(await hub.git(owner, repo, ['cat-file', '-p', `main:deep/a/b/c.bin`]), 'binary\u0000ok');
    const listed = await octokit.rest.git.getTree({ owner, repo, tree_sha: tree.data.sha, recursive: '1' });
    assert.deepEqual(
      listed.data.tree.filter((entry) => entry.type === 'blob').map((entry) => entry.path),
      ['README.md', 'deep/a/b/c.bin', 'releases/dev/app.yaml'],
    );
  });

  test('a tree entry with sha null deletes the path; a tree without base_tree holds only its entries', async () => {
    const { owner, repo, created } = await freshRepo();
    const base = await octokit.rest.git.getCommit({ owner, repo, commit_sha: created.sha ?? '' });
    const pruned = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: base.data.tree.sha,
      tree: [{ path: 'releases/dev/app.yaml', mode: '100644', type: 'blob', sha: null }],
    });
    assert.deepEqual(
      pruned.data.tree.map((entry) => entry.path),
      ['README.md'],
    );
    const folderGone = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: base.data.tree.sha,
      tree: [
        { path: 'releases', mode: '040000', type: 'tree', sha: null },
        // A file where a folder was, and a folder where a file was, replace each other as in git.
        { path: 'README.md/inner.txt', mode: '100644', type: 'blob', content: 'inner' },
      ],
    });
    const listed = await octokit.rest.git.getTree({ owner, repo, tree_sha: folderGone.data.sha, recursive: '1' });
    assert.deepEqual(
      listed.data.tree.map((entry) => `${entry.type} ${entry.path}`),
      ['tree README.md', 'blob README.md/inner.txt'],
    );
    const only = await octokit.rest.git.createTree({
      owner,
      repo,
      tree: [{ path: 'x/y.txt', mode: '100644', type: 'blob', content: 'y' }],
    });
    const flat = await octokit.rest.git.getTree({ owner, repo, tree_sha: only.data.sha, recursive: 'true' });
    assert.deepEqual(
      flat.data.tree.map((entry) => `${entry.type} ${entry.path}`),
      ['tree x', 'blob x/y.txt'],
    );
  });

  test('blobs and contents round-trip utf-8 and base64 and agree with git', async () => {
    const { owner, repo } = await freshRepo({ 'a/é.yaml': 'kéy: välue\r\n' });
    const content = await octokit.rest.repos.getContent({ owner, repo, path: 'a/é.yaml' });
    assert.ok(!Array.isArray(content.data) && content.data.type === 'file');
    const file = content.data as { content: string; sha: string };
    assert.equal(Buffer.from(file.content, 'base64').toString('utf8'), 'kéy: välue\r\n');
    assert.equal(file.sha, await hub.git(owner, repo, ['rev-parse', 'main:a/é.yaml']));
    const blob = await octokit.rest.git.getBlob({ owner, repo, file_sha: file.sha });
    assert.equal(Buffer.from(blob.data.content, 'base64').toString('utf8'), 'kéy: välue\r\n');
    const created = await octokit.rest.git.createBlob({ owner, repo, content: 'plain text', encoding: 'utf-8' });
    assert.equal(await hub.git(owner, repo, ['cat-file', 'blob', created.data.sha]), 'plain text');
    const missing = await rejection(octokit.rest.repos.getContent({ owner, repo, path: 'nope.yaml' }));
    assert.equal(missing.status, 404);
    const listing = await octokit.rest.repos.getContent({ owner, repo, path: 'a' });
    assert.ok(Array.isArray(listing.data));
  });

  test('refs: create, duplicate 422, non-fast-forward 422 unless forced, matching-refs, delete', async () => {
    const { owner, repo, created } = await freshRepo();
    const main = created.sha ?? '';
    const next = await apiCommit(owner, repo, main, { 'releases/dev/app.yaml': 'image: app:2\n' });
    const sibling = await apiCommit(owner, repo, main, { 'releases/dev/app.yaml': 'image: app:3\n' });
    await octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/feature/one', sha: next });
    const duplicate = await rejection(
      octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/feature/one', sha: next }),
    );
    assert.deepEqual(
      [duplicate.status, (duplicate.data as { message: string }).message],
      [422, 'Reference already exists'],
    );

    const nonFastForward = await rejection(
      octokit.rest.git.updateRef({ owner, repo, ref: 'heads/feature/one', sha: sibling }),
    );
    assert.deepEqual(
      [nonFastForward.status, (nonFastForward.data as { message: string }).message],
      [422, 'Update is not a fast forward'],
    );
    assert.equal(await hub.git(owner, repo, ['rev-parse', 'feature/one']), next);
    await octokit.rest.git.updateRef({ owner, repo, ref: 'heads/feature/one', sha: sibling, force: true });
    assert.equal(await hub.git(owner, repo, ['rev-parse', 'feature/one']), sibling);

    const matching = await octokit.rest.git.listMatchingRefs({ owner, repo, ref: 'heads/feat' });
    assert.deepEqual(
      matching.data.map((ref) => ref.ref),
      ['refs/heads/feature/one'],
    );
    const got = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/feature/one' });
    assert.equal(got.data.object.sha, sibling);
    await octokit.rest.git.deleteRef({ owner, repo, ref: 'heads/feature/one' });
    assert.equal((await rejection(octokit.rest.git.getRef({ owner, repo, ref: 'heads/feature/one' }))).status, 404);
    assert.equal((await rejection(octokit.rest.git.deleteRef({ owner, repo, ref: 'heads/feature/one' }))).status, 422);
  });

  test('concurrent non-forced updates of one ref from the same base: exactly one wins', async () => {
    const { owner, repo, created } = await freshRepo();
    const candidates = await Promise.all(
      Array.from({ length: 8 }, (_, i) => apiCommit(owner, repo, created.sha ?? '', { 'n.txt': String(i) })),
    );
    const results = await Promise.allSettled(
      candidates.map((sha) => octokit.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha })),
    );
    const winners = results.filter((result) => result.status === 'fulfilled');
    assert.equal(winners.length, 1);
    const tip = await hub.git(owner, repo, ['rev-parse', 'main']);
    assert.ok(candidates.includes(tip));
  });

  test('an empty repository answers 409 "Git Repository is empty." like GitHub', async () => {
    counter += 1;
    await hub.createRepository('acme', `empty-${counter}`);
    const failure = await rejection(
      octokit.rest.git.getRef({ owner: 'acme', repo: `empty-${counter}`, ref: 'heads/main' }),
    );
    assert.deepEqual(
      [failure.status, (failure.data as { message: string }).message],
      [409, 'Git Repository is empty.'],
    );
    const blob = await rejection(
      octokit.rest.git.createBlob({ owner: 'acme', repo: `empty-${counter}`, content: 'x' }),
    );
    assert.equal(blob.status, 409);
  });

  test('commits/{ref} and compare list the changed files with their patch', async () => {
    const { owner, repo, created } = await freshRepo();
    const next = await apiCommit(owner, repo, created.sha ?? '', { 'releases/dev/app.yaml': 'image: app:2\n' });
    await octokit.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha: next });
    const commit = await octokit.rest.repos.getCommit({ owner, repo, ref: 'main' });
    assert.equal(commit.data.sha, next);
    assert.deepEqual(
      commit.data.files?.map((file) => [file.filename, file.status, file.patch]),
      [['releases/dev/app.yaml', 'modified', '@@ -1 +1 @@\n-image: app:1\n+image: app:2']],
    );
    const compare = await octokit.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${created.sha}...main`,
    });
    assert.deepEqual([compare.data.status, compare.data.ahead_by, compare.data.behind_by], ['ahead', 1, 0]);
  });
});

describe('pull requests', () => {
  async function branchWithChange(
    owner: string,
    repo: string,
    base: string,
    branch: string,
    files: Record<string, string>,
  ) {
    const sha = await apiCommit(owner, repo, base, files, `change on ${branch}`);
    await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha });
    return sha;
  }

  test("a second open PR for the same head and base is a 422 with GitHub's error", async () => {
    const { owner, repo, created } = await freshRepo();
    const head = await branchWithChange(owner, repo, created.sha ?? '', 'gitops-promote/dev/app', {
      'releases/dev/app.yaml': 'image: app:2\n',
    });
    const pr = await octokit.rest.pulls.create({
      owner,
      repo,
      head: 'gitops-promote/dev/app',
      base: 'main',
      title: 'Promote app to 2 in dev',
    });
    assert.deepEqual(
      [pr.data.number, pr.data.head.ref, pr.data.head.sha, pr.data.base.ref, pr.data.state],
      [1, 'gitops-promote/dev/app', head, 'main', 'open'],
    );
    assert.match(pr.data.node_id, /\S/);
    const duplicate = await rejection(
      octokit.rest.pulls.create({ owner, repo, head: 'acme:gitops-promote/dev/app', base: 'main', title: 'again' }),
    );
    assert.equal(duplicate.status, 422);
    assert.deepEqual((duplicate.data as { errors: unknown[] }).errors, [
      {
        resource: 'PullRequest',
        code: 'custom',
        message: 'A pull request already exists for acme:gitops-promote/dev/app.',
      },
    ]);
    const listed = await octokit.rest.pulls.list({ owner, repo, head: 'acme:gitops-promote/dev/app', base: 'main' });
    assert.deepEqual(
      listed.data.map((item) => item.number),
      [1],
    );
    assert.deepEqual((await octokit.rest.pulls.list({ owner, repo, head: 'acme:other' })).data, []);
    const files = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: 1 });
    assert.deepEqual(
      files.data.map((file) => [file.filename, file.patch]),
      [['releases/dev/app.yaml', '@@ -1 +1 @@\n-image: app:1\n+image: app:2']],
    );
    const closed = await octokit.rest.pulls.update({ owner, repo, pull_number: 1, state: 'closed', title: 'obsolete' });
    assert.deepEqual([closed.data.state, closed.data.title], ['closed', 'obsolete']);
    const reopened = await octokit.rest.pulls.create({
      owner,
      repo,
      head: 'gitops-promote/dev/app',
      base: 'main',
      title: 'new',
    });
    assert.equal(reopened.data.number, 2);
    assert.deepEqual(
      (await octokit.rest.pulls.list({ owner, repo, state: 'all' })).data.map((item) => item.number),
      [2, 1],
    );
  });

  test('a PR without commits or with a missing head is refused', async () => {
    const { owner, repo, created } = await freshRepo();
    await octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/same', sha: created.sha ?? '' });
    const empty = await rejection(octokit.rest.pulls.create({ owner, repo, head: 'same', base: 'main', title: 't' }));
    assert.equal(empty.status, 422);
    const missing = await rejection(octokit.rest.pulls.create({ owner, repo, head: 'nope', base: 'main', title: 't' }));
    assert.deepEqual((missing.data as { errors: unknown[] }).errors, [
      { resource: 'PullRequest', field: 'head', code: 'invalid' },
    ]);
  });

  test('merging makes a real merge commit; squash makes one commit on the base', async () => {
    const { owner, repo, created } = await freshRepo();
    const base = created.sha ?? '';
    const head = await branchWithChange(owner, repo, base, 'one', { 'releases/dev/app.yaml': 'image: app:2\n' });
    await branchWithChange(owner, repo, base, 'two', { 'other.txt': 'x\n' });
    // The base moves after the branch was cut, so the merge is a true three-way merge.
    const moved = await hub.pushCommit(owner, repo, { branch: 'main', files: { 'README.md': '# moved\n' } });
    const pr = await octokit.rest.pulls.create({ owner, repo, head: 'one', base: 'main', title: 'One' });
    const stale = await rejection(octokit.rest.pulls.merge({ owner, repo, pull_number: pr.data.number, sha: base }));
    assert.equal(stale.status, 409);
    const merged = await octokit.rest.pulls.merge({ owner, repo, pull_number: pr.data.number, sha: head });
    assert.equal(merged.data.merged, true);
    assert.equal(await hub.git(owner, repo, ['rev-parse', 'main']), merged.data.sha);
    assert.equal(await hub.git(owner, repo, ['log', '-1', '--format=%P', 'main']), `${moved} ${head}`);
    assert.equal(await hub.git(owner, repo, ['show', 'main:releases/dev/app.yaml']), 'image: app:2');
    assert.equal(await hub.git(owner, repo, ['show', 'main:README.md']), '# moved');
    const after = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.data.number });
    assert.deepEqual(
      [after.data.state, after.data.merged, after.data.merge_commit_sha],
      ['closed', true, merged.data.sha],
    );
    assert.equal((await rejection(octokit.rest.pulls.merge({ owner, repo, pull_number: pr.data.number }))).status, 405);

    const second = await octokit.rest.pulls.create({ owner, repo, head: 'two', base: 'main', title: 'Two' });
    const squashed = await octokit.rest.pulls.merge({
      owner,
      repo,
      pull_number: second.data.number,
      merge_method: 'squash',
    });
    assert.equal(
      await hub.git(owner, repo, ['log', '-1', '--format=%P%n%s', 'main']),
      `${merged.data.sha}\nTwo (#${second.data.number})`,
    );
    assert.equal(await hub.git(owner, repo, ['rev-parse', 'main']), squashed.data.sha);
  });

  test('labels, comments (paginated with Link), reviewers and auto-merge through GraphQL', async () => {
    const { owner, repo, created } = await freshRepo();
    await branchWithChange(owner, repo, created.sha ?? '', 'b', { 'f.txt': 'f' });
    const pr = await octokit.rest.pulls.create({ owner, repo, head: 'b', base: 'main', title: 'T' });
    const number = pr.data.number;
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels: ['gitops', 'env:dev'] });
    const labels = await octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels: ['gitops'] });
    assert.deepEqual(
      labels.data.map((label) => label.name),
      ['gitops', 'env:dev'],
    );
    for (const body of ['one', 'two', 'three'])
      await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
    const firstPage = await octokit.rest.issues.listComments({ owner, repo, issue_number: number, per_page: 2 });
    assert.match(firstPage.headers.link ?? '', /rel="next"/);
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: number,
      per_page: 2,
    });
    assert.deepEqual(
      all.map((comment) => comment.body),
      ['one', 'two', 'three'],
    );
    const reviewed = await octokit.rest.pulls.requestReviewers({
      owner,
      repo,
      pull_number: number,
      reviewers: ['alice'],
    });
    assert.deepEqual(
      reviewed.data.requested_reviewers?.map((user) => user.login),
      ['alice'],
    );
    const self = await rejection(
      octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: number, reviewers: ['local-user'] }),
    );
    assert.equal(self.status, 422);
    // Only collaborators (and teams with access) may be asked; GitHub then adds nobody from the request.
    const stranger = await rejection(
      octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: number, reviewers: ['Alice', 'mallory'] }),
    );
    assert.deepEqual(
      [stranger.status, (stranger.data as { message: string }).message],
      [
        422,
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the acme/${repo} repository.`,
      ],
    );
    const team = await rejection(
      octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: number, team_reviewers: ['platform', 'ops'] }),
    );
    assert.match(
      (team.data as { message: string }).message,
      /^Reviews may only be requested from collaborators\. One or more of the teams you/,
    );
    const withTeam = await octokit.rest.pulls.requestReviewers({
      owner,
      repo,
      pull_number: number,
      reviewers: ['ALICE'],
      team_reviewers: ['platform'],
    });
    assert.deepEqual(
      [withTeam.data.requested_reviewers?.length, withTeam.data.requested_teams?.map((entry) => entry.slug)],
      [1, ['platform']],
    );
    const result = await octokit.graphql<{ enablePullRequestAutoMerge: { pullRequest: { number: number } } }>(
      // A variable named like the argument: its declaration ($pullRequestId: ID!) is not the argument.
      `mutation($pullRequestId: ID!) { enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId, mergeMethod: SQUASH}) { pullRequest { id number } } }`,
      { pullRequestId: pr.data.node_id },
    );
    assert.equal(result.enablePullRequestAutoMerge.pullRequest.number, number);
    const withAutoMerge = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
    assert.equal(withAutoMerge.data.auto_merge?.merge_method, 'squash');
    await assert.rejects(
      octokit.graphql(`mutation { enablePullRequestAutoMerge(input: {pullRequestId: "nope"}) { clientMutationId } }`),
      /Could not resolve to a node/,
    );
  });
});

describe('deployments and statuses', () => {
  test('a deployment with statuses; commit statuses combine per context', async () => {
    const { owner, repo, created } = await freshRepo();
    const sha = created.sha ?? '';
    await octokit.rest.repos.createCommitStatus({ owner, repo, sha, state: 'pending', context: 'validate' });
    assert.equal(
      (await octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: 'main' })).data.state,
      'pending',
    );
    const blocked = await rejection(
      octokit.rest.repos.createDeployment({ owner, repo, ref: 'main', environment: 'dev' }),
    );
    assert.equal(blocked.status, 409);
    await octokit.rest.repos.createCommitStatus({ owner, repo, sha, state: 'success', context: 'validate' });
    const combined = await octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: sha });
    assert.deepEqual([combined.data.state, combined.data.total_count], ['success', 1]);
    const first = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: 'main',
      environment: 'dev',
      auto_merge: false,
    });
    assert.ok('id' in first.data);
    const firstId = first.data.id;
    await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: firstId,
      state: 'success',
      environment_url: 'http://dev',
    });
    const second = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: sha,
      environment: 'dev',
      required_contexts: [],
    });
    assert.ok('id' in second.data);
    await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: second.data.id, state: 'success' });
    const statuses = await octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: firstId });
    assert.deepEqual(
      statuses.data.map((status) => status.state),
      ['inactive', 'success'],
    );
    const listed = await octokit.rest.repos.listDeployments({ owner, repo, environment: 'dev' });
    assert.deepEqual(
      listed.data.map((deployment) => deployment.id),
      [second.data.id, firstId],
    );
  });
});
