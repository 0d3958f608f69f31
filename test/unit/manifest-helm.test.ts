import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planBump, type BumpTarget } from '../../src/core/manifest/index.js';

const OLD = `sha256:${'a'.repeat(64)}`;
const NEW = `sha256:${'b'.repeat(64)}`;

const release = (apiVersion: string, values: string, annotations = '') => `apiVersion: ${apiVersion}
kind: HelmRelease
metadata:
  name: app
${annotations ? `  annotations:\n${annotations}` : ''}spec:
  values:
${values}`;

interface Case {
  name: string;
  path: string;
  target: BumpTarget;
  input: string;
  expected: string;
  paths?: string[];
  warning?: RegExp;
}

const cases: Case[] = [
  {
    name: 'Flux v1 image: repo:tag string',
    path: 'releases/dev/app.yaml',
    target: { image: 'ghcr.io/acme/podinfo', tag: '0.5.0' },
    input: release('flux.weave.works/v1beta1', '    image: ghcr.io/acme/podinfo:0.4.9\n'),
    expected: release('flux.weave.works/v1beta1', '    image: ghcr.io/acme/podinfo:0.5.0\n'),
    paths: ['spec.values.image'],
  },
  {
    name: 'helm.fluxcd.io/v1 image.repository + image.tag, several images, only ours',
    path: 'releases/dev/app.yaml',
    target: { image: 'ghcr.io/acme/worker', tag: '0.5.0' },
    input: release(
      'helm.fluxcd.io/v1',
      '    worker:\n      image:\n        repository: ghcr.io/acme/worker\n        tag: "0.4.9"\n    metrics:\n      image:\n        repository: quay.io/prometheus/statsd-exporter\n        tag: v0.26.0\n',
    ),
    expected: release(
      'helm.fluxcd.io/v1',
      '    worker:\n      image:\n        repository: ghcr.io/acme/worker\n        tag: "0.5.0"\n    metrics:\n      image:\n        repository: quay.io/prometheus/statsd-exporter\n        tag: v0.26.0\n',
    ),
    paths: ['spec.values.worker.image.tag'],
  },
  {
    name: 'helm.toolkit.fluxcd.io registry + repository, deep, tag added when missing',
    path: 'app.yaml',
    target: { image: 'ghcr.io/acme/api', tag: '1.20' },
    input: release(
      'helm.toolkit.fluxcd.io/v2',
      '    backend:\n      api:\n        image:\n          registry: ghcr.io\n          repository: acme/api\n          pullPolicy: Always\n',
    ),
    expected: release(
      'helm.toolkit.fluxcd.io/v2',
      '    backend:\n      api:\n        image:\n          registry: ghcr.io\n          repository: acme/api\n          tag: "1.20"\n          pullPolicy: Always\n',
    ),
  },
  {
    name: 'image strings inside values lists and sidecar keys',
    path: 'app.yaml',
    target: { image: 'acme/app', tag: '2' },
    input: release(
      'helm.toolkit.fluxcd.io/v2beta1',
      '    extraContainers:\n    - name: side\n      image: acme/app:1\n    initImage: acme/app:1\n',
    ),
    expected: release(
      'helm.toolkit.fluxcd.io/v2beta1',
      '    extraContainers:\n    - name: side\n      image: acme/app:2\n    initImage: acme/app:2\n',
    ),
  },
  {
    name: 'image: repo with the tag in a sibling tag key',
    path: 'app.yaml',
    target: { image: 'acme/app', tag: '2' },
    input: release('helm.fluxcd.io/v1', '    image: acme/app\n    tag: "1"\n'),
    expected: release('helm.fluxcd.io/v1', '    image: acme/app\n    tag: "2"\n'),
  },
  {
    name: 'tag policy of the component refuses the tag: left alone with a warning',
    path: 'app.yaml',
    target: { image: 'acme/app', tag: 'dev-1' },
    input: release('helm.fluxcd.io/v1', '    image: acme/app:0.4.9\n', '    fluxcd.io/tag.chart-image: semver:~0.4\n'),
    expected: release(
      'helm.fluxcd.io/v1',
      '    image: acme/app:0.4.9\n',
      '    fluxcd.io/tag.chart-image: semver:~0.4\n',
    ),
    warning: /not allowed for container chart-image \(policy semver:~0\.4\)/,
  },
  {
    name: 'tag policy per component: the allowed one moves, the other stays',
    path: 'app.yaml',
    target: { image: 'acme/app', tag: '0.4.10' },
    input: release(
      'helm.fluxcd.io/v1',
      '    web:\n      image: acme/app:0.4.9\n    jobs:\n      image: acme/app:0.4.9\n',
      '    filter.fluxcd.io/web: semver:~0.4\n    flux.weave.works/tag.jobs: glob:dev-*\n',
    ),
    expected: release(
      'helm.fluxcd.io/v1',
      '    web:\n      image: acme/app:0.4.10\n    jobs:\n      image: acme/app:0.4.9\n',
      '    filter.fluxcd.io/web: semver:~0.4\n    flux.weave.works/tag.jobs: glob:dev-*\n',
    ),
    warning: /container jobs/,
  },
  {
    name: '--container picks the component',
    path: 'app.yaml',
    target: { image: 'acme/app', tag: '2', container: 'jobs' },
    input: release('helm.fluxcd.io/v1', '    web:\n      image: acme/app:1\n    jobs:\n      image: acme/app:1\n'),
    expected: release('helm.fluxcd.io/v1', '    web:\n      image: acme/app:1\n    jobs:\n      image: acme/app:2\n'),
  },
  {
    name: 'a HelmRelease of another API group is not read',
    path: 'app.yaml',
    target: { image: 'acme/app', tag: '2' },
    input: release('example.com/v1', '    image: acme/app:1\n'),
    expected: release('example.com/v1', '    image: acme/app:1\n'),
  },
  {
    name: 'values.yaml {registry, repository, tag, digest}: stale digest emptied',
    path: 'charts/app/values.yaml',
    target: { image: 'ghcr.io/acme/worker', tag: '0.5.0' },
    input: `image:\n  registry: ghcr.io\n  repository: acme/worker\n  tag: "0.4.9"\n  digest: "${OLD}"\n  pullPolicy: IfNotPresent\n`,
    expected:
      'image:\n  registry: ghcr.io\n  repository: acme/worker\n  tag: "0.5.0"\n  digest: ""\n  pullPolicy: IfNotPresent\n',
  },
  {
    name: 'values-prod.yaml: digest set in its empty key',
    path: 'values-prod.yaml',
    target: { image: 'ghcr.io/acme/worker', tag: '0.5.0', digest: NEW },
    input: 'image:\n  repository: ghcr.io/acme/worker\n  tag: 0.4.9\n  digest: ""\n',
    expected: `image:\n  repository: ghcr.io/acme/worker\n  tag: 0.5.0\n  digest: "${NEW}"\n`,
  },
  {
    name: 'values.yml: digest key added after tag, flow map',
    path: 'values.yml',
    target: { image: 'acme/app', tag: 'v2', digest: NEW },
    input: 'app:\n  image: {repository: acme/app, tag: v1}\n',
    expected: `app:\n  image: {repository: acme/app, tag: v2, digest: ${NEW}}\n`,
  },
  {
    name: 'values: an anchored image map reached through an alias is edited once',
    path: 'values.yaml',
    target: { image: 'acme/app', tag: 'v2' },
    input: 'base: &img\n  repository: acme/app\n  tag: v1\nweb:\n  image: *img\nworker:\n  image: *img\n',
    expected: 'base: &img\n  repository: acme/app\n  tag: v2\nweb:\n  image: *img\nworker:\n  image: *img\n',
    paths: ['web.image.tag'],
  },
  {
    name: 'values: repository naming another image untouched',
    path: 'values.yaml',
    target: { image: 'acme/app', tag: 'v2' },
    input: 'image:\n  repository: acme/app-worker\n  tag: v1\n',
    expected: 'image:\n  repository: acme/app-worker\n  tag: v1\n',
  },
];

describe('HelmRelease and Helm values', () => {
  for (const { name, path, target, input, expected, paths, warning } of cases) {
    test(name, () => {
      const plan = planBump([{ path, text: input }], target);
      assert.equal(plan.files[0]?.newText ?? input, expected);
      if (paths)
        assert.deepEqual(
          plan.changes.map((change) => change.path),
          paths,
        );
      if (warning)
        assert.ok(
          plan.warnings.some((message) => warning.test(message)),
          plan.warnings.join('\n'),
        );
    });
  }
});

describe('Flux setter markers', () => {
  const deployment =
    'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: ghcr.io/acme/app:1.0 # {"$imagepolicy": "flux-system:app"}\n';
  const custom =
    'kind: Widget\nspec:\n  version: "1.0" # {"$imagepolicy": "flux-system:app:tag"}\n  other: "1.0" # {"$imagepolicy": "flux-system:other:tag"}\n';
  test("a :tag marker of the image's policy moves with it, in any file; other policies stay", () => {
    const plan = planBump(
      [
        { path: 'a/deploy.yaml', text: deployment },
        { path: 'b/widget.yaml', text: custom },
      ],
      { image: 'ghcr.io/acme/app', tag: '1.1' },
    );
    assert.equal(
      plan.files.find((file) => file.path === 'b/widget.yaml')?.newText,
      custom.replace('version: "1.0"', 'version: "1.1"'),
    );
    assert.deepEqual(
      plan.changes.map((change) => `${change.file} ${change.path} ${change.kind}`),
      ['a/deploy.yaml spec.template.spec.containers[0].image workload', 'b/widget.yaml spec.version setter'],
    );
  });
  test('without a marker naming the image, :tag markers are not touched', () => {
    const plan = planBump([{ path: 'b/widget.yaml', text: custom }], { image: 'ghcr.io/acme/app', tag: '1.1' });
    assert.deepEqual(plan.files, []);
  });
});
