// Every image reference is found or explained: sha512 pins, values that name the image but do not
// parse, pod specs of any kind found by shape, and Helm values strings under any image key.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planBump, type BumpTarget } from '../../src/core/manifest/index.js';

const SHA256 = `sha256:${'a'.repeat(64)}`;
const SHA512_OLD = `sha512:${'c'.repeat(128)}`;
const SHA512_NEW = `sha512:${'d'.repeat(128)}`;
const APP = 'ghcr.io/acme/app';

function plan(files: Record<string, string>, target: BumpTarget) {
  return planBump(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    target,
  );
}

function after(path: string, text: string, target: BumpTarget): string {
  return plan({ [path]: text }, target).files.find((file) => file.path === path)?.newText ?? text;
}

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: ${image}
`;

describe('sha512 digests are read wherever a digest is', () => {
  const cases: { name: string; path: string; input: string; target: BumpTarget; expected: string }[] = [
    {
      name: 'a workload pinned by sha512 moves to the new tag and loses the stale digest',
      path: 'pod.yaml',
      input: pod(`${APP}:1@${SHA512_OLD}`),
      target: { image: APP, tag: '2' },
      expected: pod(`${APP}:2`),
    },
    {
      name: 'a workload pinned by sha512 only (no tag) is a reference',
      path: 'pod.yaml',
      input: pod(`${APP}@${SHA512_OLD}`),
      target: { image: APP, tag: '2', digest: SHA512_NEW },
      expected: pod(`${APP}:2@${SHA512_NEW}`),
    },
    {
      name: 'a sha256 pin replaced by a sha512 one',
      path: 'pod.yaml',
      input: pod(`${APP}:1@${SHA256}`),
      target: { image: APP, tag: '2', digest: SHA512_NEW },
      expected: pod(`${APP}:2@${SHA512_NEW}`),
    },
    {
      name: 'kustomize images: digest',
      path: 'kustomization.yaml',
      input: `images:\n  - name: ${APP}\n    newTag: "1"\n    digest: ${SHA512_OLD}\n`,
      target: { image: APP, tag: '2', digest: SHA512_NEW },
      expected: `images:\n  - name: ${APP}\n    newTag: "2"\n    digest: ${SHA512_NEW}\n`,
    },
    {
      name: 'kustomize newTag carrying a sha512 digest',
      path: 'kustomization.yaml',
      input: `images:\n  - name: ${APP}\n    newTag: 1@${SHA512_OLD}\n`,
      target: { image: APP, tag: '2', digest: SHA512_NEW },
      expected: `images:\n  - name: ${APP}\n    newTag: 2@${SHA512_NEW}\n`,
    },
    {
      name: 'Helm values digest',
      path: 'values.yaml',
      input: `image:\n  repository: ${APP}\n  tag: "1"\n  digest: ${SHA512_OLD}\n`,
      target: { image: APP, tag: '2' },
      expected: `image:\n  repository: ${APP}\n  tag: "2"\n  digest: ""\n`,
    },
    {
      name: 'Helm values string',
      path: 'values.yaml',
      input: `image: ${APP}:1@${SHA512_OLD}\n`,
      target: { image: APP, tag: '1', digest: SHA512_NEW },
      expected: `image: ${APP}:1@${SHA512_NEW}\n`,
    },
    {
      name: 'a setter marker of the policy holding a sha512 reference; its :digest marker follows',
      path: 'deploy.yaml',
      input: `kind: Pod\nspec:\n  containers:\n    - name: app\n      image: ${APP}:1@${SHA512_OLD} # {"$imagepolicy": "flux:app"}\nx:\n  digest: ${SHA512_OLD} # {"$imagepolicy": "flux:app:digest"}\n`,
      target: { image: APP, tag: '2', digest: SHA512_NEW },
      expected: `kind: Pod\nspec:\n  containers:\n    - name: app\n      image: ${APP}:2@${SHA512_NEW} # {"$imagepolicy": "flux:app"}\nx:\n  digest: ${SHA512_NEW} # {"$imagepolicy": "flux:app:digest"}\n`,
    },
  ];
  for (const { name, path, input, target, expected } of cases) {
    test(name, () => {
      assert.equal(after(path, input, target), expected);
    });
  }

  test('--digest sha512 of the wrong length is refused', () => {
    assert.throws(
      () => plan({ 'pod.yaml': pod(`${APP}:1`) }, { image: APP, tag: '2', digest: `sha512:${'d'.repeat(64)}` }),
      /digest: got .*, expected sha256:<64 lowercase hex digits> or sha512:<128 lowercase hex digits>/,
    );
  });
});

describe('a value that names the image but is not a reference is a warning with file, line and why', () => {
  const cases: { name: string; path: string; input: string; line: number; why: RegExp }[] = [
    {
      name: 'a short digest',
      path: 'pod.yaml',
      input: pod(`${APP}@sha256:abcde`),
      line: 8,
      why: /digest "sha256:abcde" is not <algorithm>:<at least 32 hex digits>/,
    },
    {
      name: 'a template placeholder for the tag',
      path: 'pod.yaml',
      input: pod(`${APP}:{GENERATED_TAG}`),
      line: 8,
      why: /tag "\{GENERATED_TAG\}" is not valid/,
    },
    {
      name: 'a typo: two tags',
      path: 'pod.yaml',
      input: pod(`${APP}:1.0:2`),
      line: 8,
      why: /tag "1.0:2" is not valid|invalid reference format/,
    },
    {
      name: 'a sha512 digest of the wrong length',
      path: 'pod.yaml',
      input: pod(`${APP}:1@sha512:${'c'.repeat(64)}`),
      line: 8,
      why: /invalid digest length: sha512 needs 128 hex digits, got 64/,
    },
    {
      name: 'a Helm values string',
      path: 'values.yaml',
      input: `web:\n  image: "${APP}:{{ .Values.tag }}"\n`,
      line: 2,
      why: /tag .* is not valid|invalid reference format/,
    },
    {
      name: 'a Helm values repository with a placeholder',
      path: 'values.yaml',
      input: `web:\n  image:\n    repository: ${APP}@sha256:1234\n    tag: "1"\n`,
      line: 3,
      why: /digest "sha256:1234"/,
    },
    {
      name: 'a full setter marker',
      path: 'deploy.yaml',
      input: `kind: Thing\nspec:\n  ref: ${APP}:{TAG} # {"$imagepolicy": "flux:app"}\n`,
      line: 3,
      why: /setter flux:app.*tag "\{TAG\}" is not valid/,
    },
  ];
  for (const { name, path, input, line, why } of cases) {
    test(name, () => {
      const result = plan({ [path]: input }, { image: APP, tag: '2' });
      assert.deepEqual(result.files, [], 'nothing is edited');
      const warning = result.warnings.find((message) => message.startsWith(`${path}:${line}: `));
      assert.ok(warning, `a warning for ${path}:${line}, got: ${result.warnings.join(' | ')}`);
      assert.match(warning, /names ghcr\.io\/acme\/app but is not an image reference/);
      assert.match(warning, why);
    });
  }

  test('a value of another repository that does not parse says nothing', () => {
    const result = plan({ 'pod.yaml': pod('ghcr.io/acme/other:{TAG}') }, { image: APP, tag: '2' });
    assert.deepEqual(result.warnings, []);
  });
  test('a longer name that merely contains the image name says nothing', () => {
    const result = plan({ 'pod.yaml': pod(`${APP}-worker:{TAG}`) }, { image: APP, tag: '2' });
    assert.deepEqual(result.warnings, []);
  });
});

describe('pod specs are found by shape, whatever the kind', () => {
  const container = (indent: string) =>
    `${indent}containers:\n${indent}  - name: app\n${indent}    image: ${APP}:1\n${indent}initContainers:\n${indent}  - name: init\n${indent}    image: ${APP}:1\n`;
  const cases: { kind: string; text: string; paths: string[] }[] = [
    {
      kind: 'Argo Rollouts Rollout',
      text: `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: app\nspec:\n  strategy:\n    canary: {}\n  template:\n    spec:\n${container('      ')}`,
      paths: ['spec.template.spec.containers[0].image', 'spec.template.spec.initContainers[0].image'],
    },
    {
      kind: 'Knative Service',
      text: `apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n${container('      ')}`,
      paths: ['spec.template.spec.containers[0].image', 'spec.template.spec.initContainers[0].image'],
    },
    {
      kind: 'KEDA ScaledJob',
      text: `apiVersion: keda.sh/v1alpha1\nkind: ScaledJob\nmetadata:\n  name: app\nspec:\n  jobTargetRef:\n    template:\n      spec:\n${container('        ')}`,
      paths: [
        'spec.jobTargetRef.template.spec.containers[0].image',
        'spec.jobTargetRef.template.spec.initContainers[0].image',
      ],
    },
    {
      kind: 'OpenShift DeploymentConfig',
      text: `apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata:\n  name: app\nspec:\n  replicas: 1\n  template:\n    spec:\n${container('      ')}`,
      paths: ['spec.template.spec.containers[0].image', 'spec.template.spec.initContainers[0].image'],
    },
    {
      kind: 'an unknown custom kind',
      text: `apiVersion: example.com/v1\nkind: Whatever\nmetadata:\n  name: app\nspec:\n  workers:\n    - role: a\n      podTemplate:\n${container('        ')}`,
      paths: ['spec.workers[0].podTemplate.containers[0].image', 'spec.workers[0].podTemplate.initContainers[0].image'],
    },
  ];
  for (const { kind, text, paths } of cases) {
    test(kind, () => {
      const result = plan({ 'app.yaml': text }, { image: APP, tag: '2' });
      assert.deepEqual(
        result.changes.map((change) => change.path),
        paths,
      );
      assert.equal(result.files[0]?.newText, text.replaceAll(`${APP}:1`, `${APP}:2`));
    });
  }

  test("a Flux tag-policy annotation on the custom object's metadata still decides", () => {
    const text = `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  annotations:\n    fluxcd.io/tag.app: semver:~1.0\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${APP}:1.0.0\n`;
    const result = plan({ 'app.yaml': text }, { image: APP, tag: '2.0.0' });
    assert.deepEqual(result.changes, []);
    assert.match(result.warnings.join('\n'), /tag 2\.0\.0 not allowed for container app/);
  });

  const leftAlone: { name: string; text: string }[] = [
    {
      name: "a ConfigMap's data holding a manifest as text",
      text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  pod.yaml: |\n    containers:\n      - name: app\n        image: ${APP}:1\n`,
    },
    {
      name: "a ConfigMap's data written as a map (opaque data, never a pod spec)",
      text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  containers:\n    - name: app\n      image: ${APP}:1\n`,
    },
    {
      name: 'a custom field named containers that lists strings',
      text: `apiVersion: example.com/v1\nkind: Report\nspec:\n  containers: [app, "${APP}:1"]\n`,
    },
  ];
  for (const { name, text } of leftAlone) {
    test(`left alone: ${name}`, () => {
      const result = plan({ 'cfg.yaml': text }, { image: APP, tag: '2' });
      assert.deepEqual(result.files, []);
      assert.equal(result.references, 0);
    });
  }
});

describe('Helm values: a string image under any image key', () => {
  const cases: { name: string; path: string; input: string; expected: string }[] = [
    {
      name: 'nested components and lists',
      path: 'values.yaml',
      input: `api:\n  image: ${APP}:1\nsidecars:\n  - name: x\n    image: ${APP}:1\n`,
      expected: `api:\n  image: ${APP}:2\nsidecars:\n  - name: x\n    image: ${APP}:2\n`,
    },
    {
      // Only values files are read as values: a CLI bump at a repository's root must not rewrite them.
      name: 'the promotion config, which names the image, is no values file: left alone',
      path: '.github/promotion.yml',
      input: `apps:\n  web:\n    image: ${APP}\n`,
      expected: `apps:\n  web:\n    image: ${APP}\n`,
    },
    {
      name: "a workflow's container image is no values file: left alone",
      path: '.github/workflows/test.yml',
      input: `jobs:\n  test:\n    container:\n      image: ${APP}:1\n`,
      expected: `jobs:\n  test:\n    container:\n      image: ${APP}:1\n`,
    },
    {
      name: 'an anchored string read by another image key',
      path: 'values.yaml',
      input: `a:\n  image: &img ${APP}:1\nb:\n  image: *img\n`,
      expected: `a:\n  image: &img ${APP}:2\nb:\n  image: *img\n`,
    },
    {
      name: 'an anchor defined outside any image key',
      path: 'values.yaml',
      input: `shared: &img ${APP}:1\na:\n  image: *img\n`,
      expected: `shared: &img ${APP}:2\na:\n  image: *img\n`,
    },
  ];
  for (const { name, path, input, expected } of cases) {
    test(name, () => {
      assert.equal(after(path, input, { image: APP, tag: '2' }), expected);
    });
  }

  test('an anchored string also read by a container the bump leaves alone is an error naming file and line', () => {
    const input = `a:\n  image: &img ${APP}:1\nb:\n  image: *img\n`;
    assert.throws(
      () => plan({ 'values.yaml': input }, { image: APP, tag: '2', container: 'a' }),
      /values\.yaml:4: b\.image shares the anchored value &img \(line 2\)/,
    );
  });

  test('a repository that carries its own tag is explained, not edited', () => {
    const result = plan({ 'values.yaml': `image:\n  repository: ${APP}:1\n  tag: "1"\n` }, { image: APP, tag: '2' });
    assert.deepEqual(result.files, []);
    assert.match(result.warnings.join('\n'), /values\.yaml:2: image\.repository: .* carries its tag or digest/);
  });
});
