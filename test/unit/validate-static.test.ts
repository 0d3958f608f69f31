import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { commands } from '../../src/cli/registry.js';
import { runCli } from '../../src/cli/main.js';
import { parsePromotionConfig } from '../../src/core/config/index.js';
import { validateManifests, type Finding } from '../../src/core/validate/index.js';
import { runStaticStage } from '../../src/flows/validate-static.js';

const deployment = (
  overrides: { spec?: string; metadata?: string; image?: string; kind?: string } = {},
) => `apiVersion: apps/v1
kind: ${overrides.kind ?? 'Deployment'}
metadata:
  name: web
  namespace: shop
${overrides.metadata ?? ''}
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: ${overrides.image ?? 'ghcr.io/acme/web:1.2.3'}
${overrides.spec ?? ''}`;

async function check(text: string, path = 'm.yaml'): Promise<Finding[]> {
  return (await validateManifests([{ path, text }])).findings;
}

describe('static checks, one manifest at a time', () => {
  const cases: { name: string; text: string; rules: string[]; line?: number; message?: RegExp }[] = [
    { name: 'a good Deployment', text: deployment(), rules: [] },
    {
      name: 'a good multi-document file',
      text: `${deployment()}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n`,
      rules: [],
    },
    { name: 'a syntax error', text: 'apiVersion: v1\nkind: [\n', rules: ['parse'], line: 3 },
    {
      name: 'a duplicate key',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n',
      rules: ['duplicate-key'],
      line: 5,
    },
    {
      name: 'a wrong type',
      text: deployment({ spec: '  replicas: two' }),
      rules: ['schema'],
      message: /spec\.replicas must be integer/,
    },
    {
      name: 'a missing required field',
      text: deployment({ image: 'x:1' }).replace('        - name: web\n', '        - ports: []\n'),
      rules: ['schema'],
      message: /containers\[0\]\.name is required/,
    },
    {
      name: 'an unknown field with its line',
      text: deployment({ spec: '  replica: 2' }),
      rules: ['unknown-field'],
      line: 19,
      message: /spec\.replica is not a known field/,
    },
    {
      name: 'an unknown field deep in a container',
      text: deployment().replace('          image:', '          imagePullPolice: Always\n          image:'),
      rules: ['unknown-field'],
      message: /spec\.template\.spec\.containers\[0\]\.imagePullPolice/,
    },
    {
      name: 'labels and annotations are maps, never unknown fields',
      text: deployment({ metadata: '  labels: {anything: goes}\n  annotations: {"x.io/y": "z"}' }),
      rules: [],
    },
    {
      name: 'a removed apiVersion',
      text: deployment().replace('apps/v1', 'extensions/v1beta1'),
      rules: ['schema'],
      message: /not served by Kubernetes 1\.34: it was removed in 1\.16/,
    },
    {
      name: 'a misspelled kind',
      text: deployment({ kind: 'Deploymnet' }),
      rules: ['schema'],
      message: /not a kind of Kubernetes/,
    },
    {
      name: 'a custom kind is not checked, never passed',
      text: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {anything: 1}\n',
      rules: ['schema'],
      message: /no schema for the custom kind Widget/,
    },
    {
      name: 'a name that is not DNS-1123',
      text: deployment().replace('name: web\n  namespace', 'name: Web_1\n  namespace'),
      rules: ['name'],
      message: /DNS-1123 subdomain/,
    },
    {
      name: 'a Service name with a dot is not a DNS label',
      text: 'apiVersion: v1\nkind: Service\nmetadata: {name: a.b}\nspec: {ports: [{port: 80}]}\n',
      rules: ['name'],
      message: /DNS-1123 label/,
    },
    { name: 'a missing name', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n', rules: ['name'] },
    {
      name: 'a selector that does not match the template labels',
      text: deployment().replace('      app: web\n  template', '      app: api\n  template'),
      rules: ['selector'],
      message: /matchLabels app=api does not match the template's labels \(app=web\)/,
    },
    {
      name: 'a matchExpressions selector that does not match',
      text: deployment().replace(
        '    matchLabels:\n      app: web\n',
        '    matchExpressions: [{key: tier, operator: Exists}]\n',
      ),
      rules: ['selector'],
    },
    {
      name: 'an image without a tag',
      text: deployment({ image: 'ghcr.io/acme/web' }),
      rules: ['image'],
      message: /no tag or digest/,
    },
    {
      name: 'an image with latest',
      text: deployment({ image: 'ghcr.io/acme/web:latest' }),
      rules: ['image'],
      message: /latest/,
    },
    {
      name: 'latest pinned by digest is fine',
      text: deployment({ image: `ghcr.io/acme/web:latest@sha256:${'a'.repeat(64)}` }),
      rules: [],
    },
    { name: 'an image that does not parse', text: deployment({ image: 'ghcr.io/Acme/web:1' }), rules: ['image'] },
    {
      name: 'init containers and CronJobs are read',
      text: `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: "0 0 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          initContainers: [{name: i, image: busybox}]\n          containers: [{name: c, image: "registry.k8s.io/pause:3.10"}]\n`,
      rules: ['image'],
      message: /i: image busybox has no tag/,
    },
    {
      name: 'a Secret with plain data points to SealedSecrets',
      text: 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {token: aHVudGVyMg==}\n',
      rules: ['secret'],
      message: /SealedSecret/,
    },
    {
      name: 'an empty Secret is fine',
      text: 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\n',
      rules: [],
    },
    {
      name: 'a HelmRelease (helm.fluxcd.io/v1) with its chart from git',
      text: 'apiVersion: helm.fluxcd.io/v1\nkind: HelmRelease\nmetadata: {name: w}\nspec:\n  chart: {git: "https://x/y", path: charts/w}\n  values:\n    image: {repository: ghcr.io/acme/w, tag: "1.0.0"}\n',
      rules: [],
    },
    {
      name: 'a HelmRelease without the chart fields we read',
      text: 'apiVersion: flux.weave.works/v1beta1\nkind: HelmRelease\nmetadata: {name: w}\nspec:\n  chart: {repository: "https://x"}\n',
      rules: ['flux', 'flux'],
      message: /spec\.chart\.name is required/,
    },
    {
      name: 'a HelmRelease values image on latest',
      text: 'apiVersion: flux.weave.works/v1beta1\nkind: HelmRelease\nmetadata: {name: w}\nspec:\n  chart: {repository: "https://x", name: w, version: "1"}\n  values: {image: "ghcr.io/acme/w:latest"}\n',
      rules: ['image'],
    },
    {
      name: 'a Flux Kustomization missing its sourceRef',
      text: 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: k}\nspec: {interval: 5m, prune: true, path: ./x}\n',
      rules: ['flux', 'flux', 'flux'],
    },
    {
      name: 'an ImagePolicy with two policies',
      text: 'apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\nmetadata: {name: p}\nspec:\n  imageRepositoryRef: {name: r}\n  policy: {semver: {range: ">=1.0"}, alphabetical: {order: asc}}\n',
      rules: ['flux'],
      message: /exactly one of/,
    },
    {
      name: 'an ImagePolicy with a bad semver range',
      text: 'apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\nmetadata: {name: p}\nspec:\n  imageRepositoryRef: {name: r}\n  policy: {semver: {range: "not a range"}}\n',
      rules: ['flux'],
    },
    {
      name: 'a kustomize build file is not an object',
      text: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n',
      rules: [],
    },
    { name: 'a values file is not an object', text: 'image:\n  repository: x\n  tag: latest\n', rules: [] },
    {
      name: 'half an object',
      text: 'kind: ConfigMap\nmetadata: {name: a}\n',
      rules: ['schema'],
      message: /apiVersion and kind/,
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const findings = await check(c.text);
      assert.deepEqual(
        findings.map((f) => f.rule),
        c.rules,
        findings.map((f) => `${f.rule}: ${f.message}`).join('\n'),
      );
      if (c.line !== undefined) assert.equal(findings[0]?.line, c.line);
      if (c.message) assert.match(findings.map((f) => f.message).join('\n'), c.message);
    });
  }

  test('the Kubernetes version decides which apiVersions are served', async () => {
    const cronJob =
      'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: n}\nspec:\n  schedule: "0 0 * * *"\n  jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: "a:1"}]}}}}\n';
    assert.deepEqual(
      (await validateManifests([{ path: 'c.yaml', text: cronJob }], { kubernetesVersion: 'v1.24.3' })).findings,
      [],
    );
    assert.match(
      (await validateManifests([{ path: 'c.yaml', text: cronJob }], { kubernetesVersion: '1.25' })).findings[0]!
        .message,
      /removed in 1\.25/,
    );
    await assert.rejects(validateManifests([], { kubernetesVersion: 'latest' }), /kubernetes-version: got "latest"/);
  });

  test('the custom kind is reported as not checked, the object as not-checked', async () => {
    const report = await validateManifests([
      { path: 'w.yaml', text: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n' },
    ]);
    assert.equal(report.findings[0]?.severity, 'not-checked');
    assert.equal(report.objects[0]?.result, 'not-checked');
  });

  test('no finding repeats a Secret value', async () => {
    const text =
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s, bogus: x}\nstringData: {token: hunter2-value}\ndata: {k: 12}\n';
    const report = await validateManifests([{ path: 's.yaml', text }]);
    assert.ok(report.findings.length > 0);
    assert.doesNotMatch(JSON.stringify({ objects: report.objects, findings: report.findings }), /hunter2/);
  });
});

describe('checks across an environment', () => {
  const config = parsePromotionConfig(
    'environments:\n  - {name: dev, path: releases/dev, tags: "glob:dev-*"}\n  - {name: prod, path: releases/prod, tags: "semver:~1.2"}\napps:\n  web: {image: ghcr.io/acme/web}\n',
  );

  test('the same object twice in one environment is a finding; in two environments it is not', async () => {
    const report = await validateManifests(
      [
        { path: 'releases/dev/a.yaml', text: deployment({ image: 'ghcr.io/acme/web:dev-1' }) },
        { path: 'releases/dev/b.yaml', text: deployment({ image: 'ghcr.io/acme/web:dev-1' }) },
        { path: 'releases/prod/a.yaml', text: deployment({ image: 'ghcr.io/acme/web:1.2.3' }) },
      ],
      { config },
    );
    assert.deepEqual(
      report.findings.map((f) => [f.rule, f.file]),
      [['duplicate', 'releases/dev/b.yaml']],
    );
    assert.match(report.findings[0]!.message, /also defined at releases\/dev\/a\.yaml:1 in environment dev/);
  });

  test("an app's tag outside the environment's policy is a finding; other images are not held to it", async () => {
    const report = await validateManifests(
      [
        { path: 'releases/prod/a.yaml', text: deployment({ image: 'ghcr.io/acme/web:dev-1' }) },
        {
          path: 'releases/prod/b.yaml',
          text: deployment({ image: 'ghcr.io/other/thing:dev-1' }).replace(
            'name: web\n  namespace',
            'name: b\n  namespace',
          ),
        },
      ],
      { config },
    );
    assert.deepEqual(
      report.findings.map((f) => [f.rule, f.file]),
      [['policy', 'releases/prod/a.yaml']],
    );
    assert.match(report.findings[0]!.message, /tag dev-1 of ghcr\.io\/acme\/web is not allowed in environment prod/);
  });

  test('--environment keeps only that folder', async () => {
    const report = await validateManifests(
      [
        { path: 'releases/dev/a.yaml', text: deployment({ image: 'ghcr.io/acme/web:latest' }) },
        { path: 'releases/prod/a.yaml', text: deployment({ image: 'ghcr.io/acme/web:1.2.0' }) },
      ],
      { config, environment: 'prod' },
    );
    assert.deepEqual(report.findings, []);
    assert.equal(report.objects.length, 1);
  });
});

describe('the static stage over a folder, and the CLI', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'validate-static-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['validate', ...args], commands, {
      stdout: (text) => (stdout += `${text}\n`),
      stderr: (text) => (stderr += `${text}\n`),
      cwd: process.cwd(),
    });
    return { code, stdout, stderr };
  }

  test('examples/environment-repo validates clean, kustomizations rendered', async () => {
    const result = await cli(['--dir', 'examples/environment-repo', '--json']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const json = JSON.parse(result.stdout) as { valid: boolean; objects: { file: string; result: string }[] };
    assert.equal(json.valid, true);
    assert.ok(json.objects.length >= 15);
    assert.ok(json.objects.every((o) => o.result === 'passed'));
    assert.ok(json.objects.some((o) => o.file === 'releases/dev/web (kustomize)'));
  });

  test('findings exit 1 with one line on stderr; text names file, line and rule', async () => {
    const dir = join(scratch, 'bad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'd.yaml'), deployment({ image: 'ghcr.io/acme/web:latest' }));
    const result = await cli(['--dir', dir]);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /^d\.yaml:18: Deployment shop\/web image: web: image ghcr\.io\/acme\/web uses the tag latest/m,
    );
    assert.match(result.stderr, /^gitops-promote validate: 1 findings in /);
  });

  test('an unknown --environment is a user error naming the config environments', async () => {
    const result = await cli(['--dir', 'examples/environment-repo', '--environment', 'qa']);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /environment: got "qa", expected one of the environments in \.github\/promotion\.yml: dev, stg, prod/,
    );
  });

  test('a missing --dir is a usage error', async () => {
    assert.equal((await cli([])).code, 2);
  });

  test('a kustomization that does not render is a finding', async (t) => {
    const dir = join(scratch, 'kbad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources: [missing.yaml]\n');
    const report = await runStaticStage({ dir });
    const render = report.findings.find((f) => f.rule === 'render');
    if (render?.severity === 'not-checked') return t.skip('kubectl is not on PATH');
    assert.equal(render?.severity, 'error');
    assert.match(render!.message, /kubectl kustomize failed/);
  });

  test('without kubectl, kustomizations are checked file by file and the render is noted', async () => {
    const dir = join(scratch, 'nokubectl');
    cpSync('examples/environment-repo/releases/dev/web', dir, { recursive: true });
    const report = await runStaticStage({ dir, kubectl: '/nonexistent/kubectl' });
    assert.deepEqual(
      report.findings.map((f) => [f.severity, f.rule]),
      [['not-checked', 'render']],
    );
    assert.deepEqual(
      report.objects.map((o) => [o.kind, o.file]),
      [['Deployment', 'deployment.yaml']],
    );
  });

  test('an in-repository chart is rendered with helm template and its output validated; no helm is noted', async () => {
    const dir = join(scratch, 'chart');
    mkdirSync(join(dir, 'charts', 'w'), { recursive: true });
    writeFileSync(join(dir, 'charts', 'w', 'Chart.yaml'), 'apiVersion: v2\nname: w\nversion: 0.1.0\n');
    writeFileSync(
      join(dir, 'release.yaml'),
      'apiVersion: helm.fluxcd.io/v1\nkind: HelmRelease\nmetadata: {name: w, namespace: dev}\nspec:\n  chart: {git: "git@github.com:acme/env", path: charts/w}\n  values: {image: {repository: ghcr.io/acme/w, tag: "1.0.0"}}\n',
    );
    const fakeHelm = join(scratch, 'helm');
    writeFileSync(
      fakeHelm,
      `#!/bin/sh\necho "$@" > ${join(scratch, 'helm-args')}\nprintf 'apiVersion: v1\\nkind: Pod\\nmetadata: {name: w}\\nspec:\\n  containers: [{name: c, image: "ghcr.io/acme/w"}]\\n'\n`,
    );
    chmodSync(fakeHelm, 0o755);
    const rendered = await runStaticStage({ dir, helm: fakeHelm });
    assert.deepEqual(
      rendered.findings.map((f) => [f.rule, f.file]),
      [['image', 'release.yaml (helm template charts/w)']],
    );
    const missing = await runStaticStage({ dir, helm: '/nonexistent/helm' });
    assert.deepEqual(
      missing.findings.map((f) => [f.severity, f.rule]),
      [['not-checked', 'render']],
    );
  });
});
