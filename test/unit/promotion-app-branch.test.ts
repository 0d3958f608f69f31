// Model 3's pure core: which version the promotion PR suggests, and what its text says and refuses
// to let through (mentions, links, markup from commit messages and author names).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { findApp, findEnvironment, parsePromotionConfig } from '../../src/core/config/index.js';
import type { GateEvidence, RunningImage } from '../../src/core/promotion/index.js';
import {
  APP_BRANCH_MARKER,
  judgeAppBranchSource,
  planAppBranchPromotion,
  shellWord,
  type AppBranchCommit,
  type AppBranchPromotion,
} from '../../src/core/promotion/app-branch.js';
import { bumpOf, highestRelease, suggestVersion } from '../../src/core/promotion/app-branch-version.js';

describe('bumpOf: what one commit message asks of the version', () => {
  const cases: Array<[string, 'major' | 'minor' | 'patch']> = [
    ['feat: log in with passkeys', 'minor'],
    ['feat(auth): log in with passkeys', 'minor'],
    ['Feat: capitalised type', 'minor'],
    ['feat!: drop the v1 API', 'major'],
    ['fix(api)!: ids are strings now', 'major'],
    ['refactor!: rename everything', 'major'],
    ['fix: off by one\n\nBREAKING CHANGE: the limit is now exclusive', 'major'],
    ['chore: deps\n\nBREAKING-CHANGE: node 24 only', 'major'],
    ['fix: x\n\nbreaking change: lower case is no footer', 'patch'],
    ['fix: off by one', 'patch'],
    ['Merge pull request #12 from acme/feat-x', 'patch'],
    ['feature: not the feat type', 'patch'],
    ['feat without a colon', 'patch'],
    ['docs: mention feat!: in the guide', 'patch'],
    ['', 'patch'],
  ];
  for (const [message, expected] of cases) {
    test(`${JSON.stringify(message)} -> ${expected}`, () => assert.equal(bumpOf(message), expected));
  }
});

describe('highestRelease: the highest plain vX.Y.Z tag', () => {
  const cases: Array<[string[], string | undefined]> = [
    [[], undefined],
    [['v0.4.9', 'v0.4.10', 'v0.3.99'], 'v0.4.10'],
    [['v1.0.0-rc.1', 'v0.9.0'], 'v0.9.0'],
    [['1.2.3', 'release-2', 'dev-abc', 'v01.2.3', 'v1.2'], undefined],
    [['v2.0.0', 'v10.0.0', 'v9.9.9'], 'v10.0.0'],
  ];
  for (const [tags, expected] of cases) {
    test(`${tags.join(',') || '(none)'} -> ${expected ?? 'none'}`, () => assert.equal(highestRelease(tags), expected));
  }
});

describe('suggestVersion: the suggestions table', () => {
  const cases: Array<{ tags: string[]; messages: string[]; next: string; bump: string; because: number }> = [
    { tags: ['v0.4.10'], messages: ['fix: a', 'chore: b'], next: 'v0.4.11', bump: 'patch', because: 2 },
    { tags: ['v0.4.10'], messages: ['fix: a', 'feat: b'], next: 'v0.5.0', bump: 'minor', because: 1 },
    { tags: ['v0.4.10'], messages: ['feat: a', 'feat!: b', 'feat: c'], next: 'v1.0.0', bump: 'major', because: 1 },
    { tags: ['v1.9.3', 'v2.0.0-rc.1'], messages: ['feat: x'], next: 'v1.10.0', bump: 'minor', because: 1 },
    { tags: [], messages: ['fix: first'], next: 'v0.0.1', bump: 'patch', because: 1 },
    { tags: [], messages: ['feat: first'], next: 'v0.1.0', bump: 'minor', because: 1 },
    { tags: ['latest', 'dev-1'], messages: ['x\n\nBREAKING CHANGE: y'], next: 'v1.0.0', bump: 'major', because: 1 },
  ];
  for (const { tags, messages, next, bump, because } of cases) {
    test(`${tags.join(',') || '(no tags)'} + ${messages.length} commits -> ${next}`, () => {
      const suggestion = suggestVersion(tags, messages);
      assert.deepEqual(
        { next: suggestion.next, bump: suggestion.bump, because: suggestion.because },
        { next, bump, because },
      );
    });
  }
});

const PROMOTION: AppBranchPromotion = {
  app: 'web',
  repository: 'acme/web',
  from: { environment: 'stg', branch: 'stg' },
  to: { environment: 'prod', branch: 'master' },
};
const sha = (n: number) => n.toString(16).padStart(40, 'a');
const commit = (n: number, message: string, authorName = 'Alice Doe', authorLogin?: string): AppBranchCommit => ({
  sha: sha(n),
  message,
  authorName,
  authorLogin,
});

describe('planAppBranchPromotion', () => {
  test('nothing when the target has every commit of the source, with the reason', () => {
    const plan = planAppBranchPromotion(PROMOTION, { aheadBy: 0, commits: [] }, ['v0.4.10']);
    assert.deepEqual(plan, {
      kind: 'nothing',
      reason: 'master already has every commit of stg in acme/web: nothing to promote',
    });
  });

  test('the PR lists the commits, suggests the version and says how to cut it', () => {
    const plan = planAppBranchPromotion(
      PROMOTION,
      {
        aheadBy: 2,
        commits: [commit(1, 'fix: retry on 503\n\nlong text'), commit(2, 'feat(ui): dark mode', 'Bob', 'bob')],
      },
      ['v0.4.10', 'v0.4.9'],
      'https://github.com',
    );
    assert.equal(plan.kind, 'pull');
    if (plan.kind !== 'pull') return;
    assert.equal(plan.title, 'Promote stg into master (suggests v0.5.0)');
    assert.equal(plan.commits, 2);
    const body = plan.body;
    assert.match(body, /merges branch `stg` into `master`/);
    assert.match(
      body,
      /\*\*2 commits\*\* since the last promotion \(\[compare\]\(https:\/\/github\.com\/acme\/web\/compare\/master\.\.\.stg\)\)/,
    );
    assert.ok(body.includes(`| ${sha(1)} | fix: retry on 503 | Alice Doe |`), body);
    assert.ok(body.includes(`| ${sha(2)} | fix: retry on 503`) === false);
    assert.ok(body.includes(`| ${sha(2)} | feat\\(ui\\): dark mode | Bob (\`bob\`) |`), body);
    assert.match(body, /### Suggested version: `v0\.5\.0`/);
    assert.match(
      body,
      /A minor release: features \(`feat`\) in 1 of 2 commits; the highest release tag is `v0\.4\.10`\./,
    );
    assert.match(
      body,
      /```sh\ngit fetch origin master\ngit tag -a v0\.5\.0 -m v0\.5\.0 FETCH_HEAD\ngit push origin v0\.5\.0\n```/,
    );
    assert.ok(body.endsWith(APP_BRANCH_MARKER));
    assert.doesNotMatch(body, /long text/);
  });

  test('no tag yet: counted from 0.0.0, and said so', () => {
    const plan = planAppBranchPromotion(PROMOTION, { aheadBy: 1, commits: [commit(1, 'chore: init')] }, []);
    assert.equal(plan.kind === 'pull' && plan.suggestion.next, 'v0.0.1');
    assert.match(plan.kind === 'pull' ? plan.body : '', /no release tag `vX\.Y\.Z` yet, so it counts from 0\.0\.0/);
  });

  test('more commits than GitHub lists: the rest counted, and the suggestion says what it read', () => {
    const commits = Array.from({ length: 250 }, (_, n) => commit(n, `fix: change ${n}`));
    const plan = planAppBranchPromotion(PROMOTION, { aheadBy: 300, commits }, ['v1.0.0']);
    const body = plan.kind === 'pull' ? plan.body : '';
    assert.equal(body.split('\n').filter((line) => line.startsWith('| ' + 'a')).length, 100);
    assert.match(body, /\.\.\. and 200 more commits, not listed here\./);
    assert.match(body, /Counted over the 250 commits GitHub's compare lists/);
    assert.ok(body.length < 65_536);
  });

  test('commit messages and author names cannot mention, link, or add markup', () => {
    const hostile = commit(
      3,
      'fix: ping @acme/admins see #12 https://evil.example | <img src=x> **bold** [x](https://evil.example)',
      '@mallory <script>',
      'mal`lory',
    );
    const plan = planAppBranchPromotion(
      { ...PROMOTION, app: 'web @bob', to: { environment: 'prod', branch: "rel'$(id)" } },
      { aheadBy: 1, commits: [hostile] },
      [],
    );
    const body = plan.kind === 'pull' ? plan.body : '';
    const html = new MarkdownIt({ html: true, linkify: true }).render(body);
    assert.doesNotMatch(html, /<img|<script|<strong>bold|href="https:\/\/evil/);
    // GitHub's own autolinks (mentions, issue references) are broken by a word joiner.
    assert.doesNotMatch(body.replace(/`[^`]*`/g, ''), /@[A-Za-z]|#\d/);
    const row = body.split('\n').find((line) => line.startsWith(`| ${sha(3)}`)) ?? '';
    assert.equal(row.replace(/\\\|/g, '').split('|').length, 5, row);
    assert.match(body, /git fetch origin 'rel'\\''\$\(id\)'/);
  });

  test('shellWord quotes what the shell would read', () => {
    const cases: Array<[string, string]> = [
      ['master', 'master'],
      ['release/1.x', 'release/1.x'],
      ['a;b', "'a;b'"],
      ["it's", "'it'\\''s'"],
    ];
    for (const [word, quoted] of cases) assert.equal(shellWord(word), quoted);
  });
});

describe('judgeAppBranchSource: the gate and soak before a branch is merged forward', () => {
  const config = parsePromotionConfig(`
environments:
  - {name: dev, path: releases/dev, tags: "glob:dev-*", app-branch: dev}
  - {name: stg, path: releases/stg, tags: "glob:stg-*", from: dev, promote-by: app-branch, app-branch: stg}
  - {name: qa, path: releases/qa, tags: "glob:stg-*", from: dev, promote-by: app-branch, app-branch: qa, gate: commit-status, gate-context: smoke, soak: 1h}
  - {name: prod, path: releases/prod, tags: "semver:~0.4", from: stg, promote-by: app-branch, app-branch: master, gate: none}
apps:
  web: {image: ghcr.io/acme/web, repository: acme/web}
`);
  const app = findApp(config, 'web');
  const TAG = 'dev-1111111-1700000000';
  const NOW = Date.parse('2026-12-07T12:00:00Z');
  const SHA = 'c'.repeat(40);
  const deployed = (images: string[], state = 'success'): GateEvidence => ({
    gate: 'deployment',
    latest: { id: 7, sha: SHA, status: { state, at: '2026-12-07T11:00:00Z' }, images },
  });
  const rows: Array<{
    name: string;
    to: string;
    sourceRuns: RunningImage[];
    evidence: GateEvidence;
    expected: string;
  }> = [
    {
      name: 'deployment gate passed with the image dev pins',
      to: 'stg',
      sourceRuns: [{ tag: TAG }],
      evidence: deployed([`ghcr.io/acme/web:${TAG}`]),
      expected: 'healthy',
    },
    {
      name: 'deployment failed',
      to: 'stg',
      sourceRuns: [{ tag: TAG }],
      evidence: deployed([`ghcr.io/acme/web:${TAG}`], 'failure'),
      expected: 'gate',
    },
    {
      name: 'the deployment ran another image',
      to: 'stg',
      sourceRuns: [{ tag: TAG }],
      evidence: deployed(['ghcr.io/acme/web:dev-0000000-1600000000']),
      expected: 'gate',
    },
    {
      name: 'dev pins no image: nothing for the deployment gate to find',
      to: 'stg',
      sourceRuns: [],
      evidence: deployed([]),
      expected: 'source',
    },
    {
      name: 'commit status success 1 h ago meets a 1 h soak',
      to: 'qa',
      sourceRuns: [],
      evidence: {
        gate: 'commit-status',
        context: 'smoke',
        commit: SHA,
        status: { state: 'success', at: '2026-12-07T11:00:00Z' },
      },
      expected: 'healthy',
    },
    {
      name: 'commit status success 10 min ago: soak',
      to: 'qa',
      sourceRuns: [],
      evidence: {
        gate: 'commit-status',
        context: 'smoke',
        commit: SHA,
        status: { state: 'success', at: '2026-12-07T11:50:00Z' },
      },
      expected: 'soak',
    },
    { name: 'gate none', to: 'prod', sourceRuns: [], evidence: { gate: 'none' }, expected: 'healthy' },
  ];
  for (const row of rows) {
    test(`${row.name} -> ${row.expected}`, () => {
      const target = findEnvironment(config, row.to);
      const source = findEnvironment(config, target.from ?? '');
      const verdict = judgeAppBranchSource({
        app,
        source,
        target,
        sourceRuns: row.sourceRuns,
        evidence: row.evidence,
        now: NOW,
      });
      assert.equal(
        verdict.kind === 'healthy' ? 'healthy' : verdict.blocker.kind,
        row.expected,
        JSON.stringify(verdict),
      );
    });
  }
});
