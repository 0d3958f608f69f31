import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planBump, type BumpTarget } from '../../src/core/manifest/index.js';

const OLD = `sha256:${'a'.repeat(64)}`;
const NEW = `sha256:${'b'.repeat(64)}`;

/** The file's text after the bump (the input itself when nothing changes). */
function bumped(text: string, target: BumpTarget, path = 'deploy.yaml'): string {
  const plan = planBump([{ path, text }], target);
  return plan.files.find((file) => file.path === path)?.newText ?? text;
}

const deployment = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${image}
${extra}`;

interface Case {
  name: string;
  target: BumpTarget;
  input: string;
  expected: string;
}

const imageCases: Case[] = [
  { name: 'plain tag', target: { image: 'nginx', tag: '1.27' }, input: 'nginx:1.25', expected: 'nginx:1.27' },
  { name: 'no tag yet', target: { image: 'nginx', tag: '1.27' }, input: 'nginx', expected: 'nginx:1.27' },
  {
    name: 'docker.io form in file, short target',
    target: { image: 'nginx', tag: '2' },
    input: 'docker.io/library/nginx:1',
    expected: 'docker.io/library/nginx:2',
  },
  {
    name: 'short form in file, docker.io target',
    target: { image: 'docker.io/library/nginx', tag: '2' },
    input: 'nginx:1',
    expected: 'nginx:2',
  },
  {
    name: 'index.docker.io is docker.io',
    target: { image: 'nginx', tag: '2' },
    input: 'index.docker.io/library/nginx:1',
    expected: 'index.docker.io/library/nginx:2',
  },
  {
    name: 'similar prefix is another image',
    target: { image: 'acme/app', tag: '2' },
    input: 'acme/app-worker:1',
    expected: 'acme/app-worker:1',
  },
  {
    name: 'longer path is another image',
    target: { image: 'acme/app', tag: '2' },
    input: 'acme/app/sub:1',
    expected: 'acme/app/sub:1',
  },
  {
    name: 'other registry is another image',
    target: { image: 'ghcr.io/acme/app', tag: '2' },
    input: 'acme/app:1',
    expected: 'acme/app:1',
  },
  {
    name: 'registry port kept',
    target: { image: 'localhost:5000/app', tag: '2' },
    input: 'localhost:5000/app:1',
    expected: 'localhost:5000/app:2',
  },
  {
    name: 'port makes another registry',
    target: { image: 'registry.example.com/team/app', tag: '2' },
    input: 'registry.example.com:5000/team/app:1',
    expected: 'registry.example.com:5000/team/app:1',
  },
  {
    name: 'stale digest removed',
    target: { image: 'acme/app', tag: '2' },
    input: `acme/app:1@${OLD}`,
    expected: 'acme/app:2',
  },
  {
    name: 'digest-only reference gets a tag',
    target: { image: 'acme/app', tag: '2' },
    input: `acme/app@${OLD}`,
    expected: 'acme/app:2',
  },
  {
    name: 'new digest pinned',
    target: { image: 'acme/app', tag: '2', digest: NEW },
    input: `acme/app:1@${OLD}`,
    expected: `acme/app:2@${NEW}`,
  },
  {
    name: 'digest added',
    target: { image: 'acme/app', tag: '2', digest: NEW },
    input: 'acme/app:1',
    expected: `acme/app:2@${NEW}`,
  },
  {
    name: 'same tag keeps its digest',
    target: { image: 'acme/app', tag: '1' },
    input: `acme/app:1@${OLD}`,
    expected: `acme/app:1@${OLD}`,
  },
  {
    name: 'numeric-looking tag stays in the string',
    target: { image: 'nginx', tag: '1.20' },
    input: 'nginx:1.19',
    expected: 'nginx:1.20',
  },
  { name: 'double quotes kept', target: { image: 'nginx', tag: '2' }, input: '"nginx:1"', expected: '"nginx:2"' },
  { name: 'single quotes kept', target: { image: 'nginx', tag: '2' }, input: "'nginx:1'", expected: "'nginx:2'" },
  {
    name: 'trailing comment kept',
    target: { image: 'nginx', tag: '2' },
    input: 'nginx:1   # pinned by ops',
    expected: 'nginx:2   # pinned by ops',
  },
  {
    name: 'anchor on the value kept',
    target: { image: 'nginx', tag: '2' },
    input: '&img nginx:1',
    expected: '&img nginx:2',
  },
];

describe('container image strings', () => {
  for (const { name, target, input, expected } of imageCases) {
    test(name, () => assert.equal(bumped(deployment(input), target), deployment(expected)));
  }
});

const stale = planBump([{ path: 'd.yaml', text: deployment(`acme/app:1@${OLD}`) }], { image: 'acme/app', tag: '2' });

describe('plan values', () => {
  test('a removed stale digest is noted', () => {
    assert.equal(stale.changes.length, 1);
    assert.match(stale.changes[0]?.note ?? '', /stale digest sha256:a+ removed/);
  });
  test('a change has file, line, path, old and new', () => {
    const { file, line, path, old, new: value } = stale.changes[0] ?? {};
    assert.deepEqual(
      { file, line, path, old, new: value },
      {
        file: 'd.yaml',
        line: 10,
        path: 'spec.template.spec.containers[0].image',
        old: `acme/app:1@${OLD}`,
        new: 'acme/app:2',
      },
    );
  });
  test('already at the target: no change, but the reference is counted', () => {
    const plan = planBump([{ path: 'd.yaml', text: deployment('nginx:2') }], { image: 'nginx', tag: '2' });
    assert.deepEqual([plan.changes, plan.files, plan.references], [[], [], 1]);
  });
  test('no reference at all', () => {
    const plan = planBump([{ path: 'd.yaml', text: deployment('redis:7') }], { image: 'nginx', tag: '2' });
    assert.equal(plan.references, 0);
  });
});

const workloadCases: { name: string; target: BumpTarget; input: string; expected: string; paths?: string[] }[] = [
  {
    name: 'initContainers and containers, other containers untouched',
    target: { image: 'acme/api', tag: '2' },
    input: `kind: Deployment
spec:
  template:
    spec:
      initContainers:
      - name: migrate
        image: acme/api:1
      containers:
      - name: api
        image: acme/api:1
      - name: proxy
        image: envoyproxy/envoy:v1
`,
    expected: `kind: Deployment
spec:
  template:
    spec:
      initContainers:
      - name: migrate
        image: acme/api:2
      containers:
      - name: api
        image: acme/api:2
      - name: proxy
        image: envoyproxy/envoy:v1
`,
    paths: ['spec.template.spec.initContainers[0].image', 'spec.template.spec.containers[0].image'],
  },
  {
    name: '--container limits to one container',
    target: { image: 'acme/api', tag: '2', container: 'api' },
    input: `kind: StatefulSet
spec:
  template:
    spec:
      initContainers:
      - {name: migrate, image: acme/api:1}
      containers:
      - {name: api, image: acme/api:1}
`,
    expected: `kind: StatefulSet
spec:
  template:
    spec:
      initContainers:
      - {name: migrate, image: acme/api:1}
      containers:
      - {name: api, image: acme/api:2}
`,
  },
  {
    name: 'CronJob jobTemplate, any apiVersion',
    target: { image: 'acme/job', tag: '2' },
    input: `apiVersion: batch/v1beta1
kind: CronJob
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: acme/job:1
`,
    expected: `apiVersion: batch/v1beta1
kind: CronJob
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: acme/job:2
`,
  },
  {
    name: 'Pod with ephemeral containers, flow sequence',
    target: { image: 'busybox', tag: '1.37' },
    input: `kind: Pod
spec:
  containers: [{name: main, image: "busybox:1.36"}]
  ephemeralContainers: [ {name: debug, image: busybox:1.36} ]
`,
    expected: `kind: Pod
spec:
  containers: [{name: main, image: "busybox:1.37"}]
  ephemeralContainers: [ {name: debug, image: busybox:1.37} ]
`,
  },
  {
    name: 'multi-document with ---, ..., empty documents and comments',
    target: { image: 'acme/app', tag: '2' },
    input: `# leading comment
---
---
kind: Job # a job
spec:
  template:
    spec:
      containers:
      # the worker
      - name: w   # name
        image: acme/app:1 # image
...
---
# only a comment
---
kind: DaemonSet
spec: {template: {spec: {containers: [{name: d, image: acme/app:1}]}}}
...
`,
    expected: `# leading comment
---
---
kind: Job # a job
spec:
  template:
    spec:
      containers:
      # the worker
      - name: w   # name
        image: acme/app:2 # image
...
---
# only a comment
---
kind: DaemonSet
spec: {template: {spec: {containers: [{name: d, image: acme/app:2}]}}}
...
`,
  },
  {
    name: 'a kind: List of workloads',
    target: { image: 'acme/app', tag: '2' },
    input: `kind: List
items:
- kind: ReplicaSet
  spec:
    template:
      spec:
        containers:
        - name: a
          image: acme/app:1
`,
    expected: `kind: List
items:
- kind: ReplicaSet
  spec:
    template:
      spec:
        containers:
        - name: a
          image: acme/app:2
`,
  },
  {
    name: 'an alias edits the anchor definition once, never the alias',
    target: { image: 'acme/app', tag: '2' },
    input: `kind: Deployment
metadata:
  annotations:
    image: &img acme/app:1
spec:
  template:
    spec:
      containers:
      - name: a
        image: *img
      - name: b
        image: *img
`,
    expected: `kind: Deployment
metadata:
  annotations:
    image: &img acme/app:2
spec:
  template:
    spec:
      containers:
      - name: a
        image: *img
      - name: b
        image: *img
`,
    paths: ['spec.template.spec.containers[0].image'],
  },
  {
    name: 'a merge key brings the image from a shared anchor, edited there',
    target: { image: 'acme/app', tag: '2' },
    input: `kind: Deployment
spec:
  template:
    spec:
      containers:
      - &base
        name: a
        image: acme/app:1
      - <<: *base
        name: b
`,
    expected: `kind: Deployment
spec:
  template:
    spec:
      containers:
      - &base
        name: a
        image: acme/app:2
      - <<: *base
        name: b
`,
    paths: ['spec.template.spec.containers[0].image'],
  },
  {
    name: 'block scalars keep their header',
    target: { image: 'acme/app', tag: '2' },
    input: `kind: Pod
spec:
  containers:
  - name: a
    image: >-
      acme/app:1
  - name: b
    image: |-
      acme/app:1
`,
    expected: `kind: Pod
spec:
  containers:
  - name: a
    image: >-
      acme/app:2
  - name: b
    image: |-
      acme/app:2
`,
  },
  {
    name: 'a Service or a ConfigMap mentioning the image is not a workload',
    target: { image: 'acme/app', tag: '2' },
    input: `kind: ConfigMap
data:
  image: acme/app:1
`,
    expected: `kind: ConfigMap
data:
  image: acme/app:1
`,
  },
  {
    name: 'Flux v1 workload annotation refusing the tag leaves the container alone',
    target: { image: 'acme/app', tag: 'dev-1' },
    input: `kind: Deployment
metadata:
  annotations:
    fluxcd.io/tag.app: semver:~1.0
spec:
  template:
    spec:
      containers:
      - name: app
        image: acme/app:1.0.0
      - name: other
        image: acme/app:1.0.0
`,
    expected: `kind: Deployment
metadata:
  annotations:
    fluxcd.io/tag.app: semver:~1.0
spec:
  template:
    spec:
      containers:
      - name: app
        image: acme/app:1.0.0
      - name: other
        image: acme/app:dev-1
`,
  },
];

describe('workload kinds', () => {
  for (const { name, target, input, expected, paths } of workloadCases) {
    test(name, () => {
      const plan = planBump([{ path: 'w.yaml', text: input }], target);
      assert.equal(plan.files[0]?.newText ?? input, expected);
      if (paths)
        assert.deepEqual(
          plan.changes.map((change) => change.path),
          paths,
        );
    });
  }
});

describe('bytes that must survive', () => {
  test('CRLF line endings', () => {
    const input = deployment('nginx:1').replaceAll('\n', '\r\n');
    assert.equal(bumped(input, { image: 'nginx', tag: '2' }), deployment('nginx:2').replaceAll('\n', '\r\n'));
  });
  test('a BOM', () => {
    const input = `\uFEFF${deployment('nginx:1')}`;
    assert.equal(bumped(input, { image: 'nginx', tag: '2' }), `\uFEFF${deployment('nginx:2')}`);
  });
  test('no final newline', () => {
    assert.equal(
      bumped('kind: Pod\nspec:\n  containers:\n  - image: nginx:1', { image: 'nginx', tag: '2' }),
      'kind: Pod\nspec:\n  containers:\n  - image: nginx:2',
    );
  });
});
