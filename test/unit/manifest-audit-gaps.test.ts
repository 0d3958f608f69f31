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

describe('a file that does not parse blocks the bump only when it may reference the image', () => {
  const BROKEN = 'spec: [\n'; // an unclosed flow sequence: not valid YAML, whatever follows
  const good = {
    path: 'ok/deploy.yaml',
    text: 'kind: Pod\nspec:\n  containers:\n  - name: a\n    image: acme/app:1\n',
  };
  const cases: { name: string; text: string; image?: string; blocks: boolean }[] = [
    { name: 'the image only in a comment line', text: `# deploys acme/app:1\n${BROKEN}`, blocks: false },
    { name: 'the image only in a comment after a value', text: `kind: Pod # acme/app\n${BROKEN}`, blocks: false },
    {
      name: 'a similar-prefix image, with an app label',
      text: `metadata:\n  labels: {app: app-worker}\n${BROKEN}  image: acme/app-worker:1\n`,
      blocks: false,
    },
    { name: 'the name inside a longer one', text: `${BROKEN}  image: acme/myapp:1\n`, blocks: false },
    { name: 'the same last component of another repository', text: `${BROKEN}  image: other/app:1\n`, blocks: false },
    { name: 'an app: mapping key', text: `app: web\n${BROKEN}`, blocks: false },
    { name: 'the image as a value', text: `${BROKEN}  image: acme/app:1\n`, blocks: true },
    { name: 'the image quoted', text: `${BROKEN}  - "acme/app:1"\n`, blocks: true },
    { name: 'the image as a repository', text: `${BROKEN}repository: acme/app\n`, blocks: true },
    {
      name: 'the path of an image whose registry may sit in another key',
      text: `registry: ghcr.io\n${BROKEN}repository: acme/app\n`,
      image: 'ghcr.io/acme/app',
      blocks: true,
    },
    { name: 'a bare last component (it may be a kustomize name)', text: `${BROKEN}- name: app\n`, blocks: true },
    { name: 'a # inside quotes is no comment', text: `${BROKEN}args: ["x # y", "acme/app:1"]\n`, blocks: true },
    { name: 'an apostrophe opens no quote', text: `${BROKEN}note: it's acme/app:1\n`, blocks: true },
    {
      name: 'a file with a setter marker naming the image in a comment',
      text: `${BROKEN}tag: v1 # {"$imagepolicy": "flux-system:app:tag"}\n`,
      blocks: true,
    },
  ];
  for (const { name, text, image = 'acme/app', blocks } of cases) {
    test(`${name}: ${blocks ? 'blocks' : 'skipped with a warning'}`, () => {
      const files = [good, { path: 'bad/broken.yaml', text }];
      const target = { image, tag: '2' };
      if (blocks) {
        refused(() => planBump(files, target), /^bad\/broken\.yaml:\d+: not valid YAML/);
        return;
      }
      const plan = planBump(files, target);
      assert.deepEqual(
        plan.files.map((file) => file.path),
        ['ok/deploy.yaml'],
      );
      // A file that never names the image as a word is not even parsed, so it has nothing to warn about.
      for (const warning of plan.warnings)
        assert.match(warning, /^bad\/broken\.yaml:\d+: not valid YAML: .*; skipped$/);
    });
  }
});

describe('a file that is not valid UTF-8 is never written, and its warning says whether it would be edited', () => {
  // What a reader makes of the bytes `0xff 0xfe` in a comment: two replacement characters.
  const LOSSY = '# caf\uFFFD\uFFFD\n';
  const deployment = `${LOSSY}kind: Pod\nspec:\n  containers:\n  - name: a\n    image: acme/app:1\n`;
  const cases: { name: string; text: string; warning: RegExp; references: number }[] = [
    {
      name: 'one the bump would edit',
      text: deployment,
      warning:
        /^latin1\.yaml: not valid UTF-8, so it cannot be edited byte for byte; the bump would edit spec\.containers\[0\]\.image \(line 6\), left alone/,
      references: 1,
    },
    {
      name: 'one already at the tag',
      text: deployment.replace('acme/app:1', 'acme/app:2'),
      warning: /^latin1\.yaml: not valid UTF-8, so it cannot be edited byte for byte; skipped$/,
      references: 1,
    },
    {
      name: 'one that does not mention the image',
      text: `${LOSSY}kind: ConfigMap\n`,
      warning: /^latin1\.yaml: not valid UTF-8, skipped$/,
      references: 0,
    },
    {
      name: 'one that may reference the image and does not parse',
      text: `${LOSSY}spec: [\n  image: acme/app:1\n`,
      warning: /^latin1\.yaml: not valid UTF-8, skipped \(nor can it be read: latin1\.yaml:\d+: not valid YAML/,
      references: 0,
    },
    {
      name: "one with a setter marker of the image's policy",
      text: `${LOSSY}tag: v1 # {"$imagepolicy": "flux-system:app:tag"}\n`,
      warning: /^latin1\.yaml: not valid UTF-8, .*; the bump would edit tag \(line 2\), left alone/,
      references: 1,
    },
  ];
  const policy = { path: 'policy.yaml', text: 'image: acme/app:2 # {"$imagepolicy": "flux-system:app"}\n' };
  for (const { name, text, warning, references } of cases) {
    test(name, () => {
      const plan = planBump([policy, { path: 'latin1.yaml', text, invalidUtf8: true }], {
        image: 'acme/app',
        tag: '2',
      });
      assert.deepEqual(plan.files, []);
      assert.deepEqual(plan.changes, []);
      assert.equal(plan.warnings.length, 1, plan.warnings.join('\n'));
      assert.match(plan.warnings[0] ?? '', warning);
      assert.equal(plan.references, references + 1);
    });
  }
});

/** The file's text after the bump (the input itself when nothing changes). */
function bumped(path: string, text: string, target: BumpTarget): string {
  const plan = planBump([{ path, text }], target);
  return plan.files.find((file) => file.path === path)?.newText ?? text;
}

const pod = (containers: string, annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: app
${annotations}spec:
  containers:
${containers}`;

interface SharedCase {
  name: string;
  path: string;
  text: string;
  target: BumpTarget;
  /** The error (file and line first), or the text after the bump. */
  refused?: RegExp;
  expected?: string;
}

function runShared(cases: readonly SharedCase[]): void {
  for (const { name, path, text, target, refused: message, expected } of cases) {
    test(name, () => {
      if (message) refused(() => planBump([{ path, text }], target), message);
      else assert.equal(bumped(path, text, target), expected);
    });
  }
}

describe('an anchored image shared with a container the bump leaves alone is not edited', () => {
  const shared = pod('  - name: a\n    image: &img acme/app:1\n  - name: b\n    image: *img\n');
  runShared([
    {
      name: '--container a, the alias in container b',
      path: 'pod.yaml',
      text: shared,
      target: { image: 'acme/app', tag: '2', container: 'a' },
      refused:
        /^pod\.yaml:10: spec\.containers\[1\]\.image shares the anchored value &img \(line 8\) with spec\.containers\[0\]\.image, which the bump of acme\/app edits; container b is not one the bump is for \(a\), and editing the anchor would change it too\. Nothing was written/,
    },
    {
      name: '--container b, the anchor in container a',
      path: 'pod.yaml',
      text: shared,
      target: { image: 'acme/app', tag: '2', container: 'b' },
      refused:
        /^pod\.yaml:8: spec\.containers\[0\]\.image shares the anchored value &img \(line 8\).*container a is not one/,
    },
    {
      name: 'a merge key bringing the image into an excluded container',
      path: 'pod.yaml',
      text: pod('  - &base\n    name: a\n    image: acme/app:1\n  - <<: *base\n    name: b\n'),
      target: { image: 'acme/app', tag: '2', container: 'a' },
      refused: /^pod\.yaml:10: spec\.containers\[1\]\.image shares the anchored value &base \(line 7\).*container b/,
    },
    {
      name: 'an anchor in an annotation read by an excluded container',
      path: 'pod.yaml',
      text: pod(
        '  - name: a\n    image: *img\n  - name: b\n    image: *img\n',
        '  annotations:\n    image: &img acme/app:1\n',
      ),
      target: { image: 'acme/app', tag: '2', container: 'a' },
      refused: /^pod\.yaml:12: spec\.containers\[1\]\.image shares the anchored value &img \(line 6\)/,
    },
    {
      name: 'a Flux tag policy refusing the tag for the other container',
      path: 'pod.yaml',
      text: pod(
        '  - name: a\n    image: &img acme/app:1.0.0\n  - name: b\n    image: *img\n',
        '  annotations:\n    fluxcd.io/tag.b: semver:~1.0\n',
      ),
      target: { image: 'acme/app', tag: 'dev-1' },
      refused:
        /^pod\.yaml:12: spec\.containers\[1\]\.image shares the anchored value &img \(line 10\).*; tag dev-1 is not allowed for container b \(policy semver:~1\.0\), and editing/,
    },
    {
      name: 'Helm values: one anchored image map, --container web',
      path: 'values.yaml',
      text: 'base: &img\n  repository: acme/app\n  tag: v1\nweb:\n  image: *img\nworker:\n  image: *img\n',
      target: { image: 'acme/app', tag: 'v2', container: 'web' },
      refused:
        /^values\.yaml:7: worker\.image\.tag shares the anchored value &img \(line 1\) with base\.tag, web\.image\.tag,.*container worker is not one/,
    },
    {
      name: 'Helm values: an image map anchored inside one component, aliased by another',
      path: 'values.yaml',
      text: 'a: &x\n  image: acme/app:1\nb: *x\n',
      target: { image: 'acme/app', tag: '2', container: 'a' },
      refused: /^values\.yaml:3: b\.image shares the anchored value &x \(line 1\).*container b is not one/,
    },
    {
      name: 'a kustomize entry (left alone when a container is named) reads the anchor',
      path: 'kustomization.yaml',
      text: 'images:\n- name: acme/app\n  newName: &n acme/app\n',
      target: { image: 'acme/app', tag: '2' },
      expected: 'images:\n- name: acme/app\n  newName: &n acme/app\n  newTag: "2"\n',
    },
    {
      name: 'no container named: the anchor is edited once',
      path: 'pod.yaml',
      text: shared,
      target: { image: 'acme/app', tag: '2' },
      expected: shared.replace('&img acme/app:1', '&img acme/app:2'),
    },
    {
      name: 'both containers named (as a promotion names them): the anchor is edited',
      path: 'pod.yaml',
      text: shared,
      target: { image: 'acme/app', tag: '2', containers: ['a', 'b'] },
      expected: shared.replace('&img acme/app:1', '&img acme/app:2'),
    },
    {
      name: 'a whole container aliased is the same container',
      path: 'pod.yaml',
      text: pod('  - &c\n    name: a\n    image: acme/app:1\n  - *c\n'),
      target: { image: 'acme/app', tag: '2', container: 'a' },
      expected: pod('  - &c\n    name: a\n    image: acme/app:2\n  - *c\n'),
    },
    {
      name: 'an anchor read only by the named container',
      path: 'pod.yaml',
      text: pod('  - name: a\n    image: &img acme/app:1\n  - name: b\n    image: acme/app:1\n'),
      target: { image: 'acme/app', tag: '2', container: 'a' },
      expected: pod('  - name: a\n    image: &img acme/app:2\n  - name: b\n    image: acme/app:1\n'),
    },
  ]);
});

describe('an anchored tag read by another image, or by a place that is no image, is not edited', () => {
  const values =
    'api:\n  image:\n    repository: acme/api\n    tag: &t 1.2.3\nworker:\n  image:\n    repository: acme/worker\n    tag: *t\n';
  runShared([
    {
      name: 'the anchor at the bumped image, the alias at another',
      path: 'values.yaml',
      text: values,
      target: { image: 'acme/api', tag: '2.0.0' },
      refused:
        /^values\.yaml:8: worker\.image\.tag shares the anchored value &t \(line 4\) with api\.image\.tag, which the bump of acme\/api edits; it belongs to acme\/worker, and editing the anchor would change it too/,
    },
    {
      name: 'the alias at the bumped image, the anchor at another',
      path: 'values.yaml',
      text: values,
      target: { image: 'acme/worker', tag: '2.0.0' },
      refused:
        /^values\.yaml:4: api\.image\.tag shares the anchored value &t \(line 4\) with worker\.image\.tag, .*; it belongs to acme\/api,/,
    },
    {
      name: 'kustomize entries of two images sharing a newTag',
      path: 'kustomization.yaml',
      text: 'images:\n- name: acme/app\n  newTag: &t v1\n- name: acme/web\n  newTag: *t\n',
      target: { image: 'acme/app', tag: 'v2' },
      refused:
        /^kustomization\.yaml:5: images\[1\]\.newTag shares the anchored value &t \(line 3\).*it belongs to acme\/web/,
    },
    {
      name: 'a HelmRelease with a registry beside the repository',
      path: 'release.yaml',
      text: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  values:\n    image: {registry: ghcr.io, repository: acme/app, tag: &t v1}\n    proxy: {image: {registry: ghcr.io, repository: acme/proxy, tag: *t}}\n',
      target: { image: 'ghcr.io/acme/app', tag: 'v2' },
      refused: /^release\.yaml:6: spec\.values\.proxy\.image\.tag shares .*it belongs to ghcr\.io\/acme\/proxy/,
    },
    {
      name: 'an alias in a place that is no image',
      path: 'values.yaml',
      text: 'image:\n  repository: acme/app\n  tag: &t v1\nenv:\n  VERSION: *t\n',
      target: { image: 'acme/app', tag: 'v2' },
      refused:
        /^values\.yaml:5: env\.VERSION shares the anchored value &t \(line 3\) with image\.tag, .*; it is not one of the places the bump of acme\/app changes,/,
    },
    {
      name: 'a tag setter marker whose anchor another image reads',
      path: 'values.yaml',
      text: 'app:\n  name: acme/app # {"$imagepolicy": "flux-system:app:name"}\n  version: &t v1 # {"$imagepolicy": "flux-system:app:tag"}\nweb:\n  image: {repository: acme/web, tag: *t}\n',
      target: { image: 'acme/app', tag: 'v2' },
      refused: /^values\.yaml:5: web\.image\.tag shares the anchored value &t \(line 3\).*it belongs to acme\/web/,
    },
    {
      name: 'an anchor in a map that names no image, read by the bumped image only',
      path: 'values.yaml',
      text: 'defaults:\n  tag: &t v1\nimage:\n  repository: acme/app\n  tag: *t\n',
      target: { image: 'acme/app', tag: 'v2' },
      expected: 'defaults:\n  tag: &t v2\nimage:\n  repository: acme/app\n  tag: *t\n',
    },
    {
      name: 'two entries of the same image sharing a newTag',
      path: 'kustomization.yaml',
      text: 'images:\n- name: acme/app\n  newTag: &t v1\n- name: docker.io/acme/app\n  newTag: *t\n',
      target: { image: 'acme/app', tag: 'v2' },
      expected: 'images:\n- name: acme/app\n  newTag: &t v2\n- name: docker.io/acme/app\n  newTag: *t\n',
    },
    {
      name: 'an anchored stale digest is emptied, not removed with its anchor',
      path: 'kustomization.yaml',
      text: `images:\n- name: acme/app\n  newTag: v1\n  digest: &d sha256:${'a'.repeat(64)}\n- name: acme/app\n  newTag: v1\n  digest: *d\n`,
      target: { image: 'acme/app', tag: 'v2' },
      expected:
        'images:\n- name: acme/app\n  newTag: v2\n  digest: &d ""\n- name: acme/app\n  newTag: v2\n  digest: *d\n',
    },
  ]);
});

describe('containers named that no place of the image belongs to are reported', () => {
  const twoContainers = pod(
    '  - name: a\n    image: acme/app:1\n  - name: migrate\n    image: acme/app:1\n  - image: acme/app:1\n',
  );
  const cases: { name: string; files: Record<string, string>; target: BumpTarget; warning?: RegExp }[] = [
    {
      name: 'a name that matches nothing lists the containers found',
      files: { 'pod.yaml': twoContainers },
      target: { image: 'acme/app', tag: '2', container: 'nope' },
      warning: /^no container named nope uses acme\/app; the containers that use it: \(unnamed\), a, migrate$/,
    },
    {
      name: 'several names that match nothing',
      files: { 'pod.yaml': twoContainers },
      target: { image: 'acme/app', tag: '2', containers: ['x', 'y'] },
      warning: /^no container named x or y uses acme\/app; the containers that use it: /,
    },
    {
      name: 'only a kustomize entry uses the image',
      files: { 'kustomization.yaml': 'images:\n- name: acme/app\n  newTag: v1\n' },
      target: { image: 'acme/app', tag: '2', container: 'nope' },
      warning: /^no container named nope uses acme\/app; nothing that uses it belongs to a container$/,
    },
    {
      name: 'a name that matches says nothing',
      files: { 'pod.yaml': twoContainers },
      target: { image: 'acme/app', tag: '2', container: 'migrate' },
    },
    {
      name: 'no place uses the image at all: the plan says so by its references',
      files: { 'pod.yaml': twoContainers },
      target: { image: 'acme/other', tag: '2', container: 'nope' },
    },
  ];
  for (const { name, files, target, warning } of cases) {
    test(name, () => {
      const plan = planBump(
        Object.entries(files).map(([path, text]) => ({ path, text })),
        target,
      );
      const reported = plan.warnings.filter((message) => message.startsWith('no container named'));
      if (warning) {
        assert.equal(reported.length, 1, plan.warnings.join('\n'));
        assert.match(reported[0] ?? '', warning);
      } else assert.deepEqual(reported, []);
    });
  }
});
