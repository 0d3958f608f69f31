// The committed validate bundle, run as the runner runs it, against the local GitHub and the local
// cluster (KUBECONFIG, else the local cluster, else the cluster tests are skipped with the reason).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { clusterForTests } from '../../tools/local-cluster/for-tests.js';
import { CRASH_LOOP_LABEL } from '../../tools/local-cluster/cluster.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { runAction, type ActionRun } from '../../tools/runner/harness.js';

const TOKEN = 'ghs_validateTokenValue0123456789';
const KUBE_TOKEN = 'kubeconfig-token-9f8e7d6c5b4a39281706';
const SECRET_VALUE = 'hunter2-secret-value-should-never-appear';
const scratch = mkdtempSync(join(tmpdir(), 'validate-runner-'));
const got = await clusterForTests();
const cluster = 'cluster' in got ? got.cluster : undefined;
const clusterSkip = 'skip' in got ? got.skip : false;
let github: LocalGitHub;
let head: string;
let pull: number;

before(async () => {
  github = await startLocalGitHub();
  await github.createRepository('acme', 'env', { 'README.md': '# env\n' });
  head = await github.pushCommit('acme', 'env', { branch: 'bump', files: { 'a.yaml': 'a: 1\n' } });
  const response = await fetch(`${github.url}/repos/acme/env/pulls`, {
    method: 'POST',
    headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ head: 'bump', base: 'main', title: 'bump web' }),
  });
  pull = ((await response.json()) as { number: number }).number;
});
after(async () => {
  await github.stop();
  await cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const ns = `vr-${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
function workspace(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const deployment = (name: string, labels: Record<string, string> = {}) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata:
      labels: ${JSON.stringify({ app: name, ...labels })}
    spec:
      containers: [{name: app, image: "registry.k8s.io/pause:3.10"}]
`;

function validate(dir: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction('validate', {
    workspace: dir,
    inputs,
    env,
    token: TOKEN,
    apiUrl: github.url,
    repository: 'acme/env',
    eventName: 'pull_request',
    event: { pull_request: { number: pull, head: { sha: head } } },
    timeoutMs: 120_000,
  });
}

const reportComments = () =>
  github
    .repository('acme', 'env')!
    .comments.filter((c) => c.issueNumber === pull && c.body.startsWith('<!-- gitops-promote:validate:'));

/** Everything a person could read; `::add-mask::` lines are the runner's instructions to hide a value, never shown. */
function everything(run: ActionRun): string {
  return [
    run.stdout.replace(/^::add-mask::.*$/gm, ''),
    run.stderr,
    run.summary,
    JSON.stringify(run.outputs),
    ...reportComments().map((c) => c.body),
  ].join('\n');
}

describe('validate action, cluster none', () => {
  test('the example environment repository passes its static stage; status success on the head', async () => {
    const dir = join(scratch, 'example');
    cpSync('examples/environment-repo', dir, { recursive: true });
    const run = await validate(dir, { cluster: 'none', comment: 'false' });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.result, 'passed');
    assert.equal(run.outputs['failed-resources'], '[]');
    assert.match(run.summary, /<th>Kind<\/th>/);
    assert.match(run.summary, /<code>dev\/web<\/code>/);
    const statuses = github.repository('acme', 'env')!.statuses.filter((s) => s.sha === head);
    assert.equal(statuses.at(-1)?.state, 'success');
    assert.equal(statuses.at(-1)?.context, 'gitops-promote/validate');
  });

  test('findings fail the step, name the resource in the comment, and no secret value appears anywhere', async () => {
    const dir = workspace('secret', {
      'app.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {password: ${SECRET_VALUE}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: "@alice"}\ndata: {x: "::error::boom"}\n`,
    });
    const run = await validate(dir, { cluster: 'none' });
    assert.equal(run.exitCode, 1);
    assert.equal(run.outputs.result, 'failed');
    assert.deepEqual(JSON.parse(run.outputs['failed-resources']!), ['Secret creds', 'ConfigMap @alice']);
    const [comment] = reportComments();
    assert.ok(comment);
    assert.match(comment.body, /❌ failed: `Secret` `creds` \(static\)/);
    assert.match(comment.body, /SealedSecret/);
    const outsideCode = comment.body.replace(/```text\n[\s\S]*?\n```/g, '').replace(/`[^`]*`/g, '');
    assert.ok(!outsideCode.includes('@alice'), 'the mention is only inside code');
    const all = everything(run);
    assert.ok(!all.includes(SECRET_VALUE), 'the Secret value never appears');
    assert.ok(!all.includes(TOKEN), 'the token never appears');
    assert.doesNotMatch(run.stdout, /^::error::boom/m);
  });

  test('a Deployment and a Service are validated from the bundle alone; a rare kind reads the chunk of the others', async () => {
    // The loader writes a code cache for each file it compiled (none yet in a new cache folder).
    const compiled = async (name: string, manifests: string) => {
      const cache = join(scratch, `cache-${name}`);
      const run = await validate(
        workspace(name, { 'app.yaml': manifests }),
        { cluster: 'none', comment: 'false' },
        {
          NODE_COMPILE_CACHE: cache,
        },
      );
      assert.equal(run.exitCode, 0, run.stdout + run.stderr);
      return readdirSync(join(cache, 'gitops-promote')).map((file) => /^[0-9a-f]+-(.+?)-\d+\./.exec(file)![1]!);
    };
    const holds = (file: string, kind: string) =>
      readFileSync(join('dist/validate', file), 'latin1').includes(`kind="${kind}"`);
    const common = await compiled(
      'common',
      `${deployment('web')}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n`,
    );
    assert.ok(common.includes('bundle.js'));
    assert.ok(
      common.some((file) => holds(file, 'Deployment')),
      'the Deployment validator was compiled',
    );
    assert.ok(!common.some((file) => holds(file, 'MutatingWebhookConfiguration')), `read: ${common.join(', ')}`);
    const rare = await compiled(
      'rare',
      'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n',
    );
    assert.ok(
      rare.some((file) => holds(file, 'MutatingWebhookConfiguration')),
      `read: ${rare.join(', ')}`,
    );
  });
});

describe('validate action, cluster existing', { skip: clusterSkip }, () => {
  // The local cluster authenticates with certificate files; a second, unused user carries a token to look for.
  const kubeconfig = () => {
    const config = parse(readFileSync(cluster!.kubeconfig, 'utf8')) as { users?: unknown[] };
    config.users = [...(config.users ?? []), { name: 'unused', user: { token: KUBE_TOKEN } }];
    return stringify(config);
  };
  const env = () => ({ PATH: `${dirname(cluster!.kubectl)}:${process.env.PATH ?? ''}` });

  test('a good change passes dry run, apply and rollout; the comment is updated in place', async () => {
    const before = reportComments().map((c) => c.id);
    const dir = workspace('good', { 'web.yaml': deployment('web') });
    const run = await validate(dir, { cluster: 'existing', kubeconfig: kubeconfig(), timeout: '60' }, env());
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.result, 'passed');
    assert.match(run.summary, /<td>rollout<\/td><td>passed<\/td>/);
    const comments = reportComments();
    assert.equal(comments.length, 1);
    if (before.length > 0)
      assert.deepEqual(
        comments.map((c) => c.id),
        before,
      );
    assert.match(comments[0]!.body, /validate: ✅ passed/);
    for (const value of [KUBE_TOKEN, kubeconfig()]) {
      assert.ok(!everything(run).includes(value), 'no kubeconfig credential appears');
    }
    assert.match(run.stdout, /::add-mask::/);
  });

  test('on a pull request only the changed workload and what it needs reach the cluster; the static stage checks all', async () => {
    const dir = workspace('changed', {
      'ns.yaml': `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}-pr}\n`,
      'settings.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: ${ns}-pr}\ndata: {a: "1"}\n`,
      'web.yaml': deployment('web').replaceAll(ns, `${ns}-pr`),
      'db.yaml': deployment('db').replaceAll(ns, `${ns}-pr`),
    });
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        encoding: 'utf8',
      }).trim();
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    const baseSha = git('rev-parse', 'HEAD');
    // The change: web reads the ConfigMap; db is untouched (and would fail its rollout if it were applied).
    writeFileSync(
      join(dir, 'web.yaml'),
      deployment('web')
        .replaceAll(ns, `${ns}-pr`)
        .replace('containers:', 'volumes: [{name: s, configMap: {name: settings}}]\n      containers:'),
    );
    writeFileSync(join(dir, 'db.yaml'), `${deployment('db').replaceAll(ns, `${ns}-pr`)}  replicas: 1\n`);
    git('checkout', '-q', '-b', 'pr');
    git('commit', '-qam', 'web reads settings');
    git('checkout', '-q', baseSha, '--', 'db.yaml');
    git('commit', '-qm', 'db back as it was');
    const headSha = git('rev-parse', 'HEAD');
    const run = await runAction('validate', {
      workspace: dir,
      inputs: { cluster: 'existing', kubeconfig: kubeconfig(), timeout: '60', comment: 'false' },
      env: env(),
      // No token: the report is not the point here (the local GitHub does not know these commits).
      token: '',
      apiUrl: github.url,
      repository: 'acme/env',
      eventName: 'pull_request',
      event: { pull_request: { number: pull, head: { sha: headSha }, base: { sha: baseSha } } },
      timeoutMs: 120_000,
    });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /cluster stage: 3 of 4 objects \(1 from the 1 changed files, 2 they need\)/);
    const get = (what: string) =>
      spawnSync(cluster!.kubectl, [`--kubeconfig=${cluster!.kubeconfig}`, '-n', `${ns}-pr`, 'get', what], {
        encoding: 'utf8',
      }).status;
    assert.equal(get('deployment/web'), 0);
    assert.equal(get('configmap/settings'), 0);
    assert.notEqual(get('deployment/db'), 0, 'the unchanged workload was not applied');
    assert.match(run.summary, /<code>[^<]*\/web<\/code><\/td><td>rollout<\/td><td>passed/);
    assert.match(run.summary, /<code>[^<]*\/db<\/code><\/td><td>static<\/td><td>passed/);
  });

  test('a server-side rejection and a rollout that never becomes ready fail, with the resource and why', async (t) => {
    if (cluster?.source !== 'local') return t.skip("the crash-loop simulation is the local cluster's");
    const rejected = deployment('rejected').replace('name: app', 'name: Not_A_Name');
    const dir = workspace('bad', {
      'bad.yaml': `${rejected}---\n${deployment('crashing', { [CRASH_LOOP_LABEL.key]: CRASH_LOOP_LABEL.value })}`,
    });
    const run = await validate(dir, { cluster: 'existing', kubeconfig: kubeconfig(), timeout: '8' }, env());
    assert.equal(run.exitCode, 1, run.stdout + run.stderr);
    assert.equal(run.outputs.result, 'failed');
    assert.deepEqual(JSON.parse(run.outputs['failed-resources']!).sort(), [
      `Deployment ${ns}/crashing`,
      `Deployment ${ns}/rejected`,
    ]);
    assert.ok(run.outputs['report-path']);
    const body = reportComments()[0]!.body;
    assert.match(body, /`Deployment` `[^`]*\/rejected` \(dry-run\)[\s\S]*containers\[0\]\.name/);
    assert.match(body, /`Deployment` `[^`]*\/crashing` \(rollout\)[\s\S]*not ready within 8s/);
    const statuses = github.repository('acme', 'env')!.statuses.filter((s) => s.sha === head);
    assert.equal(statuses.at(-1)?.state, 'failure');
  });
});

describe('validate action, cluster kind (a recording fake kind and docker on PATH)', { skip: clusterSkip }, () => {
  test('creates the cluster, pre-pulls the images, exports logs on failure; the post step deletes it', async () => {
    const bin = join(scratch, 'fake-bin');
    const record = join(scratch, 'kind-calls');
    mkdirSync(bin, { recursive: true });
    writeFileSync(record, '');
    const fake = (name: string, body: string) => {
      writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> ${record}\n${body}\n`);
      chmodSync(join(bin, name), 0o755);
    };
    // kind create writes the kubeconfig it is given: here, the local cluster's.
    fake(
      'kind',
      `for a in "$@"; do case "$a" in --kubeconfig=*) cp ${cluster!.kubeconfig} "\${a#--kubeconfig=}";; esac; done; case "$1" in export) mkdir -p "$3"; echo log > "$3/kind.log";; esac`,
    );
    fake('docker', 'exit 0');
    const env = { PATH: `${bin}:${dirname(cluster!.kubectl)}:${process.env.PATH ?? ''}` };
    const dir = workspace('kind', { 'web.yaml': deployment('kindweb') });
    const run = await validate(
      dir,
      {
        cluster: 'kind',
        'kind-version': 'preinstalled',
        'kubectl-version': 'preinstalled',
        timeout: '60',
        'kind-node-image': 'kindest/node:v1.34.0@sha256:' + 'a'.repeat(64),
      },
      env,
    );
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.state['kind-cluster'], 'gitops-promote');
    const calls = readFileSync(record, 'utf8').split('\n').filter(Boolean);
    assert.match(
      calls[0]!,
      /^kind create cluster --name=gitops-promote --image=kindest\/node:v1\.34\.0@sha256:a{64} --wait=120s --kubeconfig=\S+/,
    );
    assert.deepEqual(calls.slice(1), [
      'docker exec gitops-promote-control-plane crictl pull registry.k8s.io/pause:3.10',
    ]);

    const post = await validate(
      dir,
      { cluster: 'kind', 'kind-version': 'preinstalled', 'kubectl-version': 'preinstalled' },
      {
        ...env,
        STATE_post: 'true',
        'STATE_kind-cluster': 'gitops-promote',
        'STATE_kind-binary': 'kind',
      },
    );
    assert.equal(post.exitCode, 0, post.stdout + post.stderr);
    assert.equal(
      readFileSync(record, 'utf8').split('\n').filter(Boolean).at(-1),
      'kind delete cluster --name=gitops-promote',
    );
  });

  test('a registry rate limit while pre-pulling is an infrastructure failure, not a manifest failure', async () => {
    const bin = join(scratch, 'fake-bin-429');
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      join(bin, 'kind'),
      `#!/bin/sh\nfor a in "$@"; do case "$a" in --kubeconfig=*) cp ${cluster!.kubeconfig} "\${a#--kubeconfig=}";; esac; done\n`,
    );
    writeFileSync(
      join(bin, 'docker'),
      '#!/bin/sh\necho "failed to pull: 429 Too Many Requests - toomanyrequests: You have reached your pull rate limit" >&2\nexit 1\n',
    );
    chmodSync(join(bin, 'kind'), 0o755);
    chmodSync(join(bin, 'docker'), 0o755);
    const dir = workspace('kind429', { 'web.yaml': deployment('ratelimited') });
    const run = await validate(
      dir,
      { cluster: 'kind', 'kind-version': 'preinstalled', 'kubectl-version': 'preinstalled', 'pull-retries': '1' },
      {
        PATH: `${bin}:${dirname(cluster!.kubectl)}:${process.env.PATH ?? ''}`,
      },
    );
    assert.equal(run.exitCode, 1);
    assert.equal(run.outputs.result, 'infrastructure-failure');
    assert.match(
      run.stdout,
      /infrastructure failure, not a manifest failure: pre-pull of registry\.k8s\.io\/pause:3\.10: the registry rate-limited the pull \(HTTP 429\) after 2 attempts/,
    );
  });
});
