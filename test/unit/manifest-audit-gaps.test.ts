import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { planBump, type BumpTarget } from '../../src/core/manifest/index.js';

function refused(run: () => unknown, message: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof UserError, `not a UserError: ${String(error)}`);
    assert.match(error.message, message);
    return true;
  });
}

const workload = (annotations: string, containers: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  annotations:
${annotations}
spec:
  template:
    spec:
      containers:
${containers}`;

describe('a malformed Flux tag annotation names its file and annotation', () => {
  const cases: { name: string; annotations: string; message: RegExp }[] = [
    {
      name: 'a bad semver range on another container',
      annotations: '    fluxcd.io/tag.sidecar: "semver:not a range"',
      message:
        /^apps\/web\/deploy\.yaml: metadata\.annotations\["fluxcd\.io\/tag\.sidecar"\]: got "semver:not a range"/,
    },
    {
      name: 'a bad regexp on another container',
      annotations: '    filter.fluxcd.io/sidecar: "regexp:^(unclosed"',
      message: /^apps\/web\/deploy\.yaml: metadata\.annotations\["filter\.fluxcd\.io\/sidecar"\]: /,
    },
    {
      name: 'a bad policy on the bumped container itself',
      annotations: '    flux.weave.works/tag.app: "semver:~~1"',
      message: /^apps\/web\/deploy\.yaml: metadata\.annotations\["flux\.weave\.works\/tag\.app"\]: /,
    },
  ];
  for (const { name, annotations, message } of cases) {
    test(name, () => {
      const text = workload(annotations, '      - name: app\n        image: acme/app:1\n');
      refused(() => planBump([{ path: 'apps/web/deploy.yaml', text }], { image: 'acme/app', tag: '2' }), message);
    });
  }

  test('on a HelmRelease', () => {
    const text = `apiVersion: helm.fluxcd.io/v1
kind: HelmRelease
metadata:
  annotations:
    fluxcd.io/tag.worker: "semver:>>1"
spec:
  values:
    image: acme/app:1
    worker:
      image: acme/worker:1
`;
    refused(
      () => planBump([{ path: 'releases/app.yaml', text }], { image: 'acme/app', tag: '2' }),
      /^releases\/app\.yaml: metadata\.annotations\["fluxcd\.io\/tag\.worker"\]: got "semver:>>1"/,
    );
  });
});

describe('kustomize images: an entry deploys newName when it has one, name otherwise', () => {
  const entry = (name: string, newName?: string) =>
    `images:\n- name: ${name}\n${newName === undefined ? '' : `  newName: ${newName}\n`}  newTag: v1\n`;
  const cases: { name: string; input: string; image: string; bumps: boolean }[] = [
    {
      name: 'name X, newName Y: a bump of X leaves it',
      input: entry('acme/x', 'acme/y'),
      image: 'acme/x',
      bumps: false,
    },
    { name: 'name X, newName Y: a bump of Y sets it', input: entry('acme/x', 'acme/y'), image: 'acme/y', bumps: true },
    { name: 'name Y, newName X: a bump of X sets it', input: entry('acme/y', 'acme/x'), image: 'acme/x', bumps: true },
    {
      name: 'name Y, newName X: a bump of Y leaves it',
      input: entry('acme/y', 'acme/x'),
      image: 'acme/y',
      bumps: false,
    },
    {
      name: 'name X, newName X on another registry: a bump of X leaves it',
      input: entry('acme/x', 'ghcr.io/acme/x'),
      image: 'acme/x',
      bumps: false,
    },
    {
      name: 'name X, newName the same repository spelled out: a bump of X sets it',
      input: entry('acme/x', 'docker.io/acme/x'),
      image: 'acme/x',
      bumps: true,
    },
    { name: 'name X alone: a bump of X sets it', input: entry('acme/x'), image: 'acme/x', bumps: true },
  ];
  for (const { name, input, image, bumps } of cases) {
    test(name, () => {
      const plan = planBump([{ path: 'kustomization.yaml', text: input }], { image, tag: 'v2' });
      const expected = bumps ? input.replace('newTag: v1', 'newTag: v2') : input;
      assert.equal(plan.files[0]?.newText ?? input, expected);
      assert.equal(plan.references, bumps ? 1 : 0);
      const renamed = !bumps && input.includes(`name: ${image}\n`);
      assert.deepEqual(
        plan.warnings.map((warning) => /renames .* so its newTag is .*; left alone$/.test(warning)),
        renamed ? [true] : [],
      );
    });
  }
});

describe('a :digest setter marker follows its policy: set with a digest, cleared when the tag moves without one', () => {
  const OLD = `sha256:${'a'.repeat(64)}`;
  const NEW = `sha256:${'b'.repeat(64)}`;
  const values = (tag: string, digest: string) => `image:
  name: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}
  tag: ${tag} # {"$imagepolicy": "flux-system:app:tag"}
  sha: ${digest} # {"$imagepolicy": "flux-system:app:digest"}
`;
  const cases: {
    name: string;
    files: Record<string, string>;
    target: BumpTarget;
    expected: Record<string, string>;
    note?: RegExp;
    warning?: RegExp;
  }[] = [
    {
      name: 'a new tag without a digest clears the stale digest',
      files: { 'values.yaml': values('v1', OLD) },
      target: { image: 'ghcr.io/acme/app', tag: 'v2' },
      expected: { 'values.yaml': values('v2', '""') },
      note: /stale digest sha256:a+ removed/,
    },
    {
      name: 'a quoted stale digest keeps its quotes',
      files: { 'values.yaml': values('v1', `'${OLD}'`) },
      target: { image: 'ghcr.io/acme/app', tag: 'v2' },
      expected: { 'values.yaml': values('v2', "''") },
      note: /stale digest sha256:a+ removed/,
    },
    {
      name: 'a new tag with a digest sets it',
      files: { 'values.yaml': values('v1', OLD) },
      target: { image: 'ghcr.io/acme/app', tag: 'v2', digest: NEW },
      expected: { 'values.yaml': values('v2', NEW) },
    },
    {
      name: 'the tag already current keeps its digest',
      files: { 'values.yaml': values('v2', OLD) },
      target: { image: 'ghcr.io/acme/app', tag: 'v2' },
      expected: { 'values.yaml': values('v2', OLD) },
    },
    {
      name: 'the tag held by a full marker in another file counts too',
      files: {
        'policy.yaml': 'image: ghcr.io/acme/app:v1 # {"$imagepolicy": "flux-system:app"}\n',
        'values.yaml': `sha: ${OLD} # {"$imagepolicy": "flux-system:app:digest"}\n`,
      },
      target: { image: 'ghcr.io/acme/app', tag: 'v2' },
      expected: {
        'policy.yaml': 'image: ghcr.io/acme/app:v2 # {"$imagepolicy": "flux-system:app"}\n',
        'values.yaml': 'sha: "" # {"$imagepolicy": "flux-system:app:digest"}\n',
      },
      note: /stale digest sha256:a+ removed/,
    },
    {
      name: 'no marker holds the tag: the digest is kept, with a warning',
      files: {
        'values.yaml': `name: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}\nsha: ${OLD} # {"$imagepolicy": "flux-system:app:digest"}\n`,
      },
      target: { image: 'ghcr.io/acme/app', tag: 'v2' },
      expected: {
        'values.yaml': `name: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}\nsha: ${OLD} # {"$imagepolicy": "flux-system:app:digest"}\n`,
      },
      warning: /values\.yaml: sha: setter flux-system:app:digest kept; no marker of the policy holds a tag/,
    },
  ];
  for (const { name, files, target, expected, note, warning } of cases) {
    test(name, () => {
      const plan = planBump(
        Object.entries(files).map(([path, text]) => ({ path, text })),
        target,
      );
      for (const [path, text] of Object.entries(expected)) {
        assert.equal(plan.files.find((file) => file.path === path)?.newText ?? files[path], text, path);
      }
      if (note)
        assert.ok(
          plan.changes.some((change) => note.test(change.note ?? '')),
          JSON.stringify(plan.changes),
        );
      if (warning)
        assert.ok(
          plan.warnings.some((message) => warning.test(message)),
          plan.warnings.join('\n'),
        );
      else assert.deepEqual(plan.warnings, []);
    });
  }
});
