import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { commands } from '../../src/cli/registry.js';
import { planBump } from '../../src/core/manifest/index.js';
import { readTree } from '../../src/fs/tree.js';

const scratch = mkdtempSync(join(tmpdir(), 'bump-cli-'));
writeFileSync(join(scratch, 'a-file.yaml'), 'a: 1\n');
after(() => rmSync(scratch, { recursive: true, force: true }));

const DEPLOYMENT =
  'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: ghcr.io/acme/app:1.0 # app\n';
const KUSTOMIZATION = 'images:\n- name: ghcr.io/acme/app\n  newTag: "1.0"\n';

let trees = 0;
function tree(files: Record<string, string>): string {
  const root = join(scratch, `tree-${trees++}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function bump(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['bump', ...args], commands, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd: scratch,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

describe('bump command line', () => {
  test('rewrites in place and prints one line per change', async () => {
    const root = tree({ 'app/deploy.yaml': DEPLOYMENT, 'app/kustomization.yaml': KUSTOMIZATION });
    const result = await bump(['--dir', root, '--image', 'ghcr.io/acme/app', '--tag', '1.1']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(read(root, 'app/deploy.yaml'), DEPLOYMENT.replace('app:1.0', 'app:1.1'));
    assert.equal(read(root, 'app/kustomization.yaml'), KUSTOMIZATION.replace('"1.0"', '"1.1"'));
    assert.deepEqual(result.stdout.split('\n'), [
      'app/deploy.yaml:7 spec.template.spec.containers[0].image: ghcr.io/acme/app:1.0 -> ghcr.io/acme/app:1.1',
      'app/kustomization.yaml:3 images[0].newTag: 1.0 -> 1.1',
      '2 value(s) in 2 file(s) changed',
    ]);
  });

  test('--json prints the changes; --dry-run writes nothing', async () => {
    const root = tree({ 'deploy.yaml': DEPLOYMENT });
    const result = await bump(['--dir', root, '--image', 'ghcr.io/acme/app', '--tag', '1.1', '--dry-run', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const output = JSON.parse(result.stdout) as { changes: Record<string, unknown>[]; dryRun: boolean };
    assert.deepEqual(output.changes, [
      {
        file: 'deploy.yaml',
        line: 7,
        path: 'spec.template.spec.containers[0].image',
        old: 'ghcr.io/acme/app:1.0',
        new: 'ghcr.io/acme/app:1.1',
        kind: 'workload',
      },
    ]);
    assert.equal(output.dryRun, true);
    assert.equal(read(root, 'deploy.yaml'), DEPLOYMENT);
  });

  test('a second run changes nothing', async () => {
    const root = tree({ 'deploy.yaml': DEPLOYMENT });
    await bump(['--dir', root, '--image', 'ghcr.io/acme/app', '--tag', '1.1']);
    const again = await bump(['--dir', root, '--image', 'ghcr.io/acme/app', '--tag', '1.1', '--json']);
    assert.equal(again.code, 0);
    assert.deepEqual((JSON.parse(again.stdout) as { changes: unknown[] }).changes, []);
  });

  test('no reference to the image: exit 1 with the one-line reason; --allow-nothing makes it 0', async () => {
    const root = tree({ 'deploy.yaml': DEPLOYMENT });
    const result = await bump(['--dir', root, '--image', 'ghcr.io/acme/other', '--tag', '1.1']);
    assert.deepEqual(
      [result.code, result.stdout, result.stderr],
      [
        1,
        '',
        'gitops-promote bump: no references to ghcr.io/acme/other found (0 file(s) mention it); nothing written (--allow-nothing makes this a success)',
      ],
    );
    const allowed = await bump(['--dir', root, '--image', 'ghcr.io/acme/other', '--tag', '1.1', '--allow-nothing']);
    assert.deepEqual([allowed.code, allowed.stdout], [0, 'no references to ghcr.io/acme/other found']);
  });

  const refusedTargets: [string, string[], RegExp][] = [
    [
      'the tag latest',
      ['--image', 'ghcr.io/acme/app', '--tag', 'latest'],
      /^gitops-promote bump: tag: got "latest", expected an immutable tag/,
    ],
    [
      'an uppercase repository',
      ['--image', 'ghcr.io/Acme/App', '--tag', '1.1'],
      /^gitops-promote bump: image: got "ghcr\.io\/Acme\/App", expected an image repository .*\(repository name "ghcr\.io\/Acme\/App" must be lowercase\)$/,
    ],
  ];
  for (const [name, args, message] of refusedTargets) {
    test(`${name}: exit 1 with the reason, nothing written`, async () => {
      const root = tree({ 'deploy.yaml': DEPLOYMENT });
      const result = await bump(['--dir', root, ...args]);
      assert.equal(result.code, 1);
      assert.match(result.stderr.trim(), message);
      assert.equal(read(root, 'deploy.yaml'), DEPLOYMENT);
    });
  }

  test('an unparseable referencing file: exit 1 naming file and line, nothing written', async () => {
    const root = tree({ 'a/deploy.yaml': DEPLOYMENT, 'b/broken.yaml': 'image: ghcr.io/acme/app:1.0\n  bad: [\n' });
    const result = await bump(['--dir', root, '--image', 'ghcr.io/acme/app', '--tag', '1.1']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^gitops-promote bump: b\/broken\.yaml:\d+: not valid YAML/);
    assert.equal(read(root, 'a/deploy.yaml'), DEPLOYMENT);
  });

  test('a symlink out of the tree is not followed; an oversized file is skipped with a warning', async () => {
    const outside = tree({ 'outside.yaml': DEPLOYMENT });
    const root = tree({ 'big.yaml': `${DEPLOYMENT}# ${'x'.repeat(5 * 1024 * 1024)}\n` });
    symlinkSync(join(outside, 'outside.yaml'), join(root, 'link.yaml'));
    const result = await bump(['--dir', root, '--image', 'ghcr.io/acme/app', '--tag', '1.1']);
    assert.equal(result.code, 1);
    assert.equal(read(outside, 'outside.yaml'), DEPLOYMENT);
    assert.match(result.stderr, /link\.yaml: symlink to outside the tree, not followed/);
    assert.match(result.stderr, /big\.yaml: \d+ bytes is over/);
    // The error itself says what was skipped, not only the warnings above it.
    const reason = result.stderr.trim().split('\n').at(-1) ?? '';
    assert.match(
      reason,
      /^gitops-promote bump: no references to ghcr\.io\/acme\/app found \(0 file\(s\) mention it; skipped: big\.yaml: \d+ bytes is over the 5242880-byte limit for manifests, skipped; link\.yaml: symlink to outside the tree, not followed\)/,
    );
  });

  test('--json warnings carry what reading the tree skipped, as stderr does', async () => {
    const outside = tree({ 'outside.yaml': DEPLOYMENT });
    const root = tree({ 'deploy.yaml': DEPLOYMENT, 'big.yaml': `${DEPLOYMENT}# ${'x'.repeat(5 * 1024 * 1024)}\n` });
    symlinkSync(join(outside, 'outside.yaml'), join(root, 'link.yaml'));
    const result = await bump(['--dir', root, '--image', 'ghcr.io/acme/app', '--tag', '1.1', '--json', '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    const output = JSON.parse(result.stdout) as { warnings: string[] };
    assert.deepEqual(
      output.warnings.map((warning) => warning.replace(/\d+ bytes/, 'N bytes')),
      [
        'big.yaml: N bytes is over the 5242880-byte limit for manifests, skipped',
        'link.yaml: symlink to outside the tree, not followed',
      ],
    );
    for (const warning of output.warnings) assert.ok(result.stderr.includes(`warning: ${warning}`), warning);
  });

  test('--container that matches no container says so, listing the containers found', async () => {
    const root = tree({ 'deploy.yaml': DEPLOYMENT });
    const result = await bump(['--dir', root, '--image', 'ghcr.io/acme/app', '--tag', '1.1', '--container', 'nope']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      /^warning: no container named nope uses ghcr\.io\/acme\/app; the containers that use it: app$/m,
    );
    assert.equal(read(root, 'deploy.yaml'), DEPLOYMENT);
  });

  test('a file that is not valid UTF-8 keeps its bytes; the warning says it would have been edited', async () => {
    const root = tree({ 'deploy.yaml': DEPLOYMENT });
    const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${DEPLOYMENT}`)]);
    writeFileSync(join(root, 'latin1.yaml'), latin1);
    const result = await bump(['--dir', root, '--image', 'ghcr.io/acme/app', '--tag', '1.1', '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readFileSync(join(root, 'latin1.yaml')), latin1);
    assert.equal(read(root, 'deploy.yaml'), DEPLOYMENT.replace('app:1.0', 'app:1.1'));
    const output = JSON.parse(result.stdout) as { files: string[]; warnings: string[] };
    assert.deepEqual(output.files, ['deploy.yaml']);
    assert.match(
      output.warnings.join('\n'),
      /^latin1\.yaml: not valid UTF-8, so it cannot be edited byte for byte; the bump would edit spec\.template\.spec\.containers\[0\]\.image \(line 8\), left alone/m,
    );
    assert.match(result.stderr, /warning: latin1\.yaml: not valid UTF-8/);
  });

  const failures: [string, string[], number, RegExp][] = [
    ['invalid tag', ['--image', 'acme/app', '--tag', 'bad tag'], 1, /tag: got "bad tag", expected an image tag/],
    ['invalid digest', ['--image', 'acme/app', '--tag', '1', '--digest', 'md5:00'], 1, /digest: got "md5:00"/],
    ['invalid image', ['--image', 'acme/App', '--tag', '1'], 1, /image: got "acme\/App"/],
    ['image with a tag', ['--image', 'acme/app:1', '--tag', '1'], 1, /without tag or digest/],
    ['missing --tag', ['--image', 'acme/app'], 2, /--tag is required/],
    [
      'missing directory',
      ['--image', 'acme/app', '--tag', '1', '--dir', 'does/not/exist'],
      2,
      /--dir: got "does\/not\/exist" \(no such directory: \/.*\/does\/not\/exist\), expected an existing directory/,
    ],
    [
      'a file given as the directory',
      ['--image', 'acme/app', '--tag', '1', '--dir', 'a-file.yaml'],
      2,
      /--dir: got "a-file\.yaml" \(not a directory: \/.*\/a-file\.yaml\), expected an existing directory/,
    ],
  ];
  for (const [name, args, code, message] of failures) {
    test(`${name}: exit ${code}`, async () => {
      const root = tree({ 'deploy.yaml': DEPLOYMENT });
      const result = await bump(args.includes('--dir') ? args : ['--dir', root, ...args]);
      assert.equal(result.code, code, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(read(root, 'deploy.yaml'), DEPLOYMENT);
    });
  }

  // The command screens raw bytes before decoding; the screen must never drop a file the engine
  // would read, so the command's changes must equal the engine's over every file of the tree.
  const screened: [string, Record<string, string>, string[]][] = [
    [
      'a kustomization naming the image only through newName',
      { 'kustomization.yaml': 'images:\n- name: web\n  newName: ghcr.io/acme/target\n  newTag: "1.0"\n' },
      ['kustomization.yaml'],
    ],
    [
      "a tag set only through a setter marker of the image's policy",
      {
        'policy/full.yaml': 'image: ghcr.io/acme/target:1.0 # {"$imagepolicy": "flux-system:web"}\n',
        'values/only-tag.yaml': 'web:\n  tag: "1.0" # {"$imagepolicy": "flux-system:web:tag"}\n',
      },
      ['policy/full.yaml', 'values/only-tag.yaml'],
    ],
    [
      'Helm values splitting registry and repository, beside unrelated and unparseable files',
      {
        'values.yaml': 'image:\n  registry: ghcr.io\n  repository: acme/target\n  tag: 1.0\n',
        'other.yaml': 'image: ghcr.io/acme/other:1.0\n',
        'broken.yaml': 'a: [\n# {"$imagepolicy": "flux-system:web"}\n',
      },
      ['values.yaml'],
    ],
  ];
  for (const [name, files, changed] of screened) {
    test(`the byte screen keeps ${name}`, async () => {
      const root = tree(files);
      const target = { image: 'ghcr.io/acme/target', tag: '1.1' };
      const engine = planBump(await readTree(root, { include: () => true }), target);
      const result = await bump(['--dir', root, '--image', target.image, '--tag', target.tag, '--json', '--dry-run']);
      assert.equal(result.code, 0, result.stderr);
      const output = JSON.parse(result.stdout) as { changes: { file: string }[]; warnings: string[] };
      assert.deepEqual(
        output.changes,
        engine.changes.map(({ file, line, path, old, new: value, kind, note }) => ({
          file,
          line,
          path,
          old,
          new: value,
          kind,
          ...(note !== undefined && { note }),
        })),
      );
      assert.deepEqual(output.warnings, engine.warnings);
      assert.deepEqual([...new Set(output.changes.map((change) => change.file))].sort(), changed);
    });
  }
});
