import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { UserError } from '../../src/core/errors.js';
import {
  describeTagPolicy,
  formatTagPolicy,
  policiesFromAnnotations,
  policyFromImagePolicy,
  selectLatest,
} from '../../src/core/policy/index.js';

describe('policiesFromAnnotations (Flux v1)', () => {
  // [label, annotations, expected container -> printed policy]
  const table: [string, Record<string, string>, Record<string, string>][] = [
    ['fluxcd.io/tag.<container>', { 'fluxcd.io/tag.app': 'semver:~0.4' }, { app: 'semver:~0.4' }],
    [
      'flux.weave.works/tag.<container>',
      { 'flux.weave.works/tag.chart-image': 'glob:1.21.*' },
      { 'chart-image': 'glob:1.21.*' },
    ],
    ['filter.fluxcd.io/<container>', { 'filter.fluxcd.io/worker': 'regexp:^0.6.*' }, { worker: 'regexp:^0.6.*' }],
    ['a bare value is a glob', { 'fluxcd.io/tag.app': 'dev-*' }, { app: 'glob:dev-*' }],
    ['regex: is regexp', { 'fluxcd.io/tag.app': 'regex:^v' }, { app: 'regexp:^v' }],
    ['our extensions are read too', { 'fluxcd.io/tag.app': 'numerical:desc' }, { app: 'numerical:desc' }],
    [
      'several containers, other annotations ignored',
      {
        'fluxcd.io/automated': 'true',
        'fluxcd.io/tag.app': 'semver:^1.0',
        'fluxcd.io/tag.sidecar': 'glob:stable-*',
        'helm.fluxcd.io/antecedent': 'x',
      },
      { app: 'semver:^1.0', sidecar: 'glob:stable-*' },
    ],
    [
      'the newest annotation form wins for one container',
      {
        'flux.weave.works/tag.app': 'glob:old-*',
        'filter.fluxcd.io/app': 'semver:~2.0',
        'fluxcd.io/tag.app': 'glob:mid-*',
      },
      { app: 'semver:~2.0' },
    ],
    [
      'fluxcd.io beats flux.weave.works',
      { 'fluxcd.io/tag.app': 'glob:new-*', 'flux.weave.works/tag.app': 'glob:old-*' },
      { app: 'glob:new-*' },
    ],
    ['a prefix without a container is ignored', { 'fluxcd.io/tag.': 'glob:*' }, {}],
  ];
  for (const [label, annotations, expected] of table) {
    test(label, () => {
      const policies = policiesFromAnnotations(annotations);
      assert.deepEqual(
        Object.fromEntries([...policies].map(([container, policy]) => [container, formatTagPolicy(policy)])),
        expected,
      );
    });
  }

  test('a malformed policy names its annotation', () => {
    assert.throws(
      () => policiesFromAnnotations({ 'fluxcd.io/tag.app': 'semver:~~1' }),
      (error: unknown) =>
        error instanceof UserError &&
        error.message.startsWith('metadata.annotations["fluxcd.io/tag.app"]: got "semver:~~1"'),
    );
  });

  test('annotation policies select like Flux v1', () => {
    const policy = policiesFromAnnotations({ 'fluxcd.io/tag.app': 'semver:~0.4' }).get('app');
    assert.ok(policy);
    assert.equal(selectLatest(policy, ['0.4.9', '0.5.0', '0.4.10', 'dev-abc']), '0.4.10');
  });
});

function imagePolicy(spec: string, apiVersion = 'image.toolkit.fluxcd.io/v1beta2'): unknown {
  return parse(`apiVersion: ${apiVersion}
kind: ImagePolicy
metadata:
  name: app
  namespace: flux-system
spec:
${spec
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}
`);
}

describe('policyFromImagePolicy (Flux v2)', () => {
  // [label, spec, printed policy with filter]
  const table: [string, string, string][] = [
    [
      'semver range',
      'imageRepositoryRef: {name: app}\npolicy:\n  semver:\n    range: ">=1.0.0 <2.0.0"',
      'semver:>=1.0.0 <2.0.0',
    ],
    [
      'alphabetical with order',
      'imageRepositoryRef: {name: app}\npolicy:\n  alphabetical:\n    order: desc',
      'alphabetical:desc',
    ],
    ['alphabetical default order', 'imageRepositoryRef: {name: app}\npolicy:\n  alphabetical: {}', 'alphabetical:asc'],
    ['numerical default order', 'imageRepositoryRef: {name: app}\npolicy:\n  numerical: {}', 'numerical:asc'],
    [
      'filterTags pattern and extract',
      "imageRepositoryRef: {name: app}\nfilterTags:\n  pattern: '^main-[a-f0-9]+-(?P<ts>[0-9]+)'\n  extract: '$ts'\npolicy:\n  numerical:\n    order: asc",
      'numerical:asc (filter "^main-[a-f0-9]+-(?P<ts>[0-9]+)", extract "$ts")',
    ],
  ];
  for (const [label, spec, printed] of table) {
    test(label, () => {
      const read = policyFromImagePolicy(imagePolicy(spec));
      assert.equal(read.name, 'app');
      assert.equal(read.namespace, 'flux-system');
      assert.deepEqual(read.imageRepositoryRef, { name: 'app', namespace: 'flux-system' });
      assert.equal(describeTagPolicy(read.policy), printed);
    });
  }

  test('the repository reference keeps its own namespace and v1 is read', () => {
    const read = policyFromImagePolicy(
      imagePolicy(
        'imageRepositoryRef: {name: repo, namespace: images}\npolicy:\n  semver: {range: 1.x}',
        'image.toolkit.fluxcd.io/v1',
      ),
    );
    assert.deepEqual(read.imageRepositoryRef, { name: 'repo', namespace: 'images' });
  });

  test('the filter is applied when selecting', () => {
    const read = policyFromImagePolicy(
      imagePolicy(
        "imageRepositoryRef: {name: app}\nfilterTags:\n  pattern: '^main-[a-f0-9]+-(?P<ts>[0-9]+)'\n  extract: '$ts'\npolicy:\n  numerical: {order: asc}",
      ),
    );
    assert.equal(
      selectLatest(read.policy, ['main-abc-1700000000', 'main-def-1700000100', 'latest']),
      'main-def-1700000100',
    );
  });

  // [label, document, message]
  const failures: [string, unknown, RegExp][] = [
    ['not an object', 'text', /ImagePolicy: got "text"/],
    [
      'another kind',
      { apiVersion: 'image.toolkit.fluxcd.io/v1', kind: 'ImageRepository' },
      /kind: got "ImageRepository"/,
    ],
    ['another API group', { apiVersion: 'v1', kind: 'ImagePolicy' }, /apiVersion: got "v1"/],
    [
      'no name',
      { apiVersion: 'image.toolkit.fluxcd.io/v1', kind: 'ImagePolicy', metadata: {} },
      /metadata.name: got nothing/,
    ],
    [
      'no policy',
      imagePolicy('imageRepositoryRef: {name: app}'),
      /ImagePolicy flux-system\/app: spec.policy: got nothing/,
    ],
    [
      'two policies',
      imagePolicy('imageRepositoryRef: {name: app}\npolicy: {semver: {range: "1.x"}, numerical: {}}'),
      /exactly one of semver, alphabetical, numerical/,
    ],
    [
      'bad order',
      imagePolicy('imageRepositoryRef: {name: app}\npolicy: {numerical: {order: up}}'),
      /spec.policy.numerical.order: got "up"/,
    ],
    [
      'no range',
      imagePolicy('imageRepositoryRef: {name: app}\npolicy: {semver: {}}'),
      /spec.policy.semver.range: got nothing/,
    ],
    [
      'bad range',
      imagePolicy('imageRepositoryRef: {name: app}\npolicy: {semver: {range: "*-*"}}'),
      /spec.policy: got "semver:\*-\*"/,
    ],
    [
      'bad filter',
      imagePolicy("imageRepositoryRef: {name: app}\nfilterTags: {pattern: '[='}\npolicy: {alphabetical: {}}"),
      /filter pattern: got "\[="/,
    ],
    ['no repository', imagePolicy('policy: {alphabetical: {}}'), /spec.imageRepositoryRef: got nothing/],
  ];
  for (const [label, doc, message] of failures) {
    test(`refuses: ${label}`, () => {
      assert.throws(
        () => policyFromImagePolicy(doc),
        (error: unknown) => error instanceof UserError && message.test(error.message),
      );
    });
  }
});
