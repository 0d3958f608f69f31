// The release workflow moves the major tag (v1) only to the highest release of that major, at the
// release's commit (not its annotated tag object), one run at a time, with write access in that job
// only. The decision is tested as a function; the workflow's own steps run against real git repositories.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'yaml';
import { decideMajorTag, isReleaseTag } from '../../scripts/release-major-tag.js';

const root = new URL('../..', import.meta.url).pathname;
const script = join(root, 'scripts/release-major-tag.ts');
// The steps run in a repository with no node_modules, so tsx is named by its resolved location.
const tsx = import.meta.resolve('tsx');

describe('decideMajorTag', () => {
  const cases: [string, string, string[], { move: boolean; major: string; highest: string }][] = [
    ['the first release of a major', 'v1.0.0', ['v1.0.0'], { move: true, major: 'v1', highest: 'v1.0.0' }],
    ['a newer minor', 'v1.2.0', ['v1.0.0', 'v1.1.5', 'v1.2.0'], { move: true, major: 'v1', highest: 'v1.2.0' }],
    [
      'a backport after a newer minor',
      'v1.1.5',
      ['v1.1.4', 'v1.2.0', 'v1.1.5'],
      { move: false, major: 'v1', highest: 'v1.2.0' },
    ],
    [
      'versions compare as numbers, not text',
      'v1.10.0',
      ['v1.9.0', 'v1.10.0', 'v1.2.0'],
      { move: true, major: 'v1', highest: 'v1.10.0' },
    ],
    [
      'a patch of an older minor, numerically lower',
      'v1.9.9',
      ['v1.10.0', 'v1.9.9'],
      { move: false, major: 'v1', highest: 'v1.10.0' },
    ],
    [
      'other majors do not count',
      'v1.3.0',
      ['v0.9.0', 'v1.3.0', 'v2.0.0', 'v10.0.0'],
      { move: true, major: 'v1', highest: 'v1.3.0' },
    ],
    [
      'a major tag, prereleases and other names are not releases',
      'v1.3.0',
      ['v1', 'v1.4.0-rc.1', 'v1.9', 'v1.5.0+build', '1.7.0', 'v01.8.0', 'latest', 'v1.3.0'],
      { move: true, major: 'v1', highest: 'v1.3.0' },
    ],
    [
      'the release is counted even when not listed yet',
      'v2.1.0',
      ['v2.0.0'],
      { move: true, major: 'v2', highest: 'v2.1.0' },
    ],
    ['major zero', 'v0.4.10', ['v0.4.9', 'v0.4.10'], { move: true, major: 'v0', highest: 'v0.4.10' }],
  ];
  for (const [name, release, tags, expected] of cases) {
    test(name, () => {
      const { move, major, highest, reason } = decideMajorTag(release, tags);
      assert.deepEqual({ move, major, highest }, expected);
      assert.match(reason, new RegExp(`^${release.replace(/\./g, '\\.')} is `));
    });
  }

  for (const release of ['v1.2', '1.2.3', 'v1.2.3-rc.1', 'v1.2.3+b', 'v01.2.3', '', 'main']) {
    test(`${JSON.stringify(release)} is refused as a release`, () => {
      assert.equal(isReleaseTag(release), false);
      assert.throws(() => decideMajorTag(release, []), /^Error: not a release tag: /);
    });
  }
});

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  if?: string;
  outputs?: Record<string, string>;
  permissions?: Record<string, string>;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  steps: Step[];
}
const workflow = parse(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8')) as {
  on: { push: { tags: string[] } };
  permissions: unknown;
  jobs: Record<string, Job>;
};
const decideJob = workflow.jobs.decide;
const moveJob = workflow.jobs['move-major-tag'];
const moveStep = moveJob?.steps.find((step) => step.run?.includes('git push'));
const decideStep = decideJob?.steps.find((step) => step.id === 'decide');

describe('.github/workflows/release.yml', () => {
  test('runs for release tags vX.Y.Z only', () => {
    assert.deepEqual(workflow.on.push.tags, ['v[0-9]+.[0-9]+.[0-9]+']);
  });

  test('least privilege: nothing at the top, read to check and decide, write only where the tag moves', () => {
    assert.deepEqual(workflow.permissions, {});
    assert.deepEqual(workflow.jobs.check?.permissions, { contents: 'read' });
    assert.deepEqual(decideJob?.permissions, { contents: 'read' });
    assert.deepEqual(moveJob?.permissions, { contents: 'write' });
    for (const job of [workflow.jobs.check, decideJob]) {
      const checkout = job?.steps.find((step) => step.uses?.startsWith('actions/checkout@'));
      assert.equal(
        checkout?.with?.['persist-credentials'],
        false,
        'jobs that run our dependencies keep no credentials',
      );
    }
  });

  test('the job that can write runs none of our code or dependencies, and checks out nothing', () => {
    assert.deepEqual(moveJob?.steps.map((step) => step.uses).filter(Boolean), [], 'no action, no checkout');
    for (const step of moveJob?.steps ?? []) {
      assert.doesNotMatch(step.run ?? '', /\b(npm|npx|node|tsx|yarn|pnpm)\b/, 'no node, no package manager');
    }
    // The token reaches git through this step's environment, never a .git/config.
    assert.equal(moveStep?.env?.TOKEN, '${{ github.token }}');
    assert.match(moveStep?.run ?? '', /GIT_CONFIG_KEY_0=http\.extraheader/);
    assert.match(moveStep?.run ?? '', /::add-mask::\$basic/);
  });

  test('every action is pinned by full commit SHA', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) {
        if (step.uses) assert.match(step.uses, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, step.uses);
      }
    }
  });

  test('tags move after the check, one run at a time, never cancelled half-way', () => {
    assert.equal(decideJob?.needs, 'check');
    assert.equal(moveJob?.needs, 'decide');
    assert.ok(moveJob?.concurrency?.group, 'a concurrency group');
    assert.equal(moveJob?.concurrency?.['cancel-in-progress'], false);
  });

  test('the tag moves only when the decision says so, to the commit', () => {
    assert.match(decideStep?.run ?? '', /scripts\/release-major-tag\.ts/);
    assert.deepEqual(decideJob?.outputs, {
      move: '${{ steps.decide.outputs.move }}',
      major: '${{ steps.decide.outputs.major }}',
    });
    assert.equal(moveJob?.if, "needs.decide.outputs.move == 'true'");
    assert.equal(moveStep?.env?.MAJOR, '${{ needs.decide.outputs.major }}');
    assert.equal(moveStep?.env?.RELEASE, '${{ github.ref_name }}');
    assert.match(moveStep?.run ?? '', /git rev-parse "refs\/tags\/\$RELEASE\^\{commit\}"/);
    const checkout = decideJob?.steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    assert.equal(checkout?.with?.['fetch-depth'], 0, 'every tag is fetched');
  });
});

describe('release.yml steps against real git repositories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-major-tag-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const origin = join(dir, 'origin.git');
  const work = join(dir, 'work');
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    }).trim();
  git(dir, 'init', '--quiet', '--bare', origin);
  git(dir, 'init', '--quiet', work);
  git(work, 'remote', 'add', 'origin', origin);
  const commits: Record<string, string> = {};
  for (const version of ['v1.1.4', 'v1.2.0', 'v1.1.5']) {
    git(work, 'commit', '--quiet', '--allow-empty', '-m', version);
    commits[version] = git(work, 'rev-parse', 'HEAD');
    git(work, 'tag', '--annotate', '-m', `release ${version}`, version);
  }
  git(work, 'push', '--quiet', 'origin', '--tags');

  /** Runs the decide step, then the move step when the decision says so, as the job would. */
  function release(version: string): { move: string; output: string } {
    const outputFile = join(dir, `output-${version}`);
    writeFileSync(outputFile, '');
    const decided = spawnSync(process.execPath, ['--import', tsx, script], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, RELEASE: version, GITHUB_OUTPUT: outputFile },
    });
    assert.equal(decided.status, 0, decided.stderr);
    const outputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('=') as [string, string]),
    );
    if (outputs.move === 'true') {
      const moved = move(version, outputs.major ?? '');
      assert.equal(moved.status, 0, moved.stderr);
    }
    return { move: outputs.move ?? '', output: decided.stdout };
  }

  /** The move step as the job runs it: in an empty folder, with the remote and a token in its environment. */
  function move(version: string, major: string) {
    const jobDir = mkdtempSync(join(dir, 'job-'));
    return spawnSync('bash', ['--norc', '-euo', 'pipefail', '-c', moveStep?.run ?? 'false'], {
      cwd: jobDir,
      encoding: 'utf8',
      env: { ...process.env, RELEASE: version, MAJOR: major, REMOTE: origin, TOKEN: 'ghs_releaseToken' },
    });
  }

  test('v1.2.0 moves v1 to its commit, not to the annotated tag object', () => {
    assert.equal(release('v1.2.0').move, 'true');
    assert.equal(git(origin, 'cat-file', '-t', 'refs/tags/v1'), 'commit');
    assert.equal(git(origin, 'rev-parse', 'refs/tags/v1'), commits['v1.2.0']);
  });

  test('the backport v1.1.5 leaves v1 on v1.2.0', () => {
    const { move, output } = release('v1.1.5');
    assert.equal(move, 'false');
    assert.match(output, /v1\.1\.5 is not the highest v1 release \(v1\.2\.0 is\)/);
    assert.equal(git(origin, 'rev-parse', 'refs/tags/v1'), commits['v1.2.0']);
  });

  test('a decision the event does not confirm is refused: the major tag of another major, or a hostile one', () => {
    const before = git(origin, 'rev-parse', 'refs/tags/v1');
    for (const [release, major] of [
      ['v1.2.0', 'v2'],
      ['v1.2.0', 'main'],
      ['v1.2.0', 'v1\n::add-mask::x'],
      ['v1.2.0', 'v1:refs/heads/main'],
      ['v1.2.0; echo pwned', 'v1'],
    ] as const) {
      const moved = move(release, major);
      assert.equal(moved.status, 1, `${release} ${major}: ${moved.stdout}`);
      assert.match(moved.stderr, /^refusing: major tag /);
    }
    assert.equal(git(origin, 'rev-parse', 'refs/tags/v1'), before);
    assert.equal(git(origin, 'tag', '--list', 'v2'), '');
  });

  test('the token never reaches a .git/config', () => {
    const jobDir = mkdtempSync(join(dir, 'job-'));
    const moved = spawnSync('bash', ['--norc', '-euo', 'pipefail', '-c', moveStep?.run ?? 'false'], {
      cwd: jobDir,
      encoding: 'utf8',
      env: { ...process.env, RELEASE: 'v1.2.0', MAJOR: 'v1', REMOTE: origin, TOKEN: 'ghs_releaseToken' },
    });
    assert.equal(moved.status, 0, moved.stderr);
    assert.doesNotMatch(
      readFileSync(join(jobDir, 'tag-mover', '.git', 'config'), 'utf8'),
      /extraheader|ghs_|AUTHORIZATION/i,
    );
    assert.match(moved.stdout, /^::add-mask::[A-Za-z0-9+/=]+$/m);
  });

  test('a tag that is not a release fails the step', () => {
    const decided = spawnSync(process.execPath, ['--import', tsx, script], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, RELEASE: 'v1.2', GITHUB_OUTPUT: join(dir, 'unused') },
    });
    assert.equal(decided.status, 1);
    assert.match(decided.stderr, /^not a release tag: "v1\.2"/);
  });
});
