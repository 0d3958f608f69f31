// The story's actions, each run from its committed bundle as the runner runs it (tools/runner/harness.ts),
// with the event and inputs its workflow gives it: the app's CI (tag, dispatch) and the environment
// repository's workflows (bump on repository_dispatch, validate on pull_request, apply on push,
// promote after a healthy apply, rollback and status by hand).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleNode, repoRoot, runAction, type ActionRun, type RunActionOptions } from '../runner/harness.js';
import type { DemoCluster } from './cluster.js';
import { APP, APP_REPO, ENV_REPO, IMAGE, OWNER, TOKEN, type World } from './world.js';

export class StepFailed extends Error {}

const execFileAsync = promisify(execFile);

/** Whether this checkout has the action (promote, rollback and status arrive on their own branches). */
export function hasAction(name: string): boolean {
  return existsSync(join(repoRoot, 'actions', name, 'action.yml'));
}

/** The run, or a StepFailed carrying the action's own error lines. */
export function succeeded(run: ActionRun, what: string): ActionRun {
  if (run.exitCode === 0) return run;
  const errors = run.annotations.filter((annotation) => annotation.level === 'error').map((a) => a.message);
  const said = errors.length > 0 ? errors.join('; ') : run.stderr.trim().split('\n').slice(-3).join(' ');
  throw new StepFailed(`${what} failed (exit ${run.exitCode}): ${said}`);
}

const ENVIRONMENT_REPO = `${OWNER}/${ENV_REPO}`;

function environmentRun(world: World, name: string, options: RunActionOptions): Promise<ActionRun> {
  if (!hasAction(name)) throw new StepFailed(`actions/${name} is not in this checkout yet`);
  return runAction(name, {
    repository: ENVIRONMENT_REPO,
    apiUrl: world.github.url,
    token: TOKEN,
    timeoutMs: 120_000,
    ...options,
  });
}

/** The app's CI on a push: the image's tag, then the repository_dispatch that carries it. */
export async function appBuild(world: World, ref: string, sha: string, timestamp: string) {
  const common: RunActionOptions = {
    repository: `${OWNER}/${APP_REPO}`,
    ref,
    sha,
    apiUrl: world.github.url,
    token: TOKEN,
  };
  const tag = succeeded(await runAction('tag', { ...common, inputs: { image: IMAGE, timestamp } }), 'tag');
  return {
    tag,
    dispatch: async () =>
      succeeded(
        await runAction('dispatch', {
          ...common,
          inputs: {
            token: TOKEN,
            repository: ENVIRONMENT_REPO,
            app: APP,
            image: IMAGE,
            tag: tag.outputs.tag ?? '',
            environment: tag.outputs.environment ?? '',
            'build-timestamp': tag.outputs.timestamp ?? '',
          },
        }),
        'dispatch',
      ),
  };
}

/** bump, on the repository_dispatch the environment repository received last. */
export async function bump(world: World): Promise<ActionRun> {
  const received = world.github.dispatches(OWNER, ENV_REPO).at(-1);
  if (!received) throw new StepFailed('bump: no repository_dispatch arrived');
  const event = {
    action: received.event_type,
    client_payload: received.client_payload,
    repository: { full_name: ENVIRONMENT_REPO, name: ENV_REPO, owner: { login: OWNER }, default_branch: 'main' },
  };
  return succeeded(
    await environmentRun(world, 'bump', { eventName: 'repository_dispatch', event, inputs: { token: TOKEN } }),
    'bump',
  );
}

/** validate on the pull request: the static stage always, the cluster stage on the local cluster when there is one. */
export async function validate(world: World, cluster: DemoCluster, number: number, environment: string) {
  const pull = world.pull(number);
  const inputs: Record<string, string> = { environment, cluster: 'none' };
  let env: Record<string, string> = {};
  if ('cluster' in cluster) {
    Object.assign(inputs, { cluster: 'existing', kubeconfig: readFileSync(cluster.cluster.kubeconfig, 'utf8') });
    Object.assign(inputs, { timeout: '60' });
    env = { PATH: cluster.path };
  }
  return succeeded(
    await environmentRun(world, 'validate', {
      workspace: world.checkoutAt(pull.headSha),
      eventName: 'pull_request',
      ref: `refs/pull/${number}/merge`,
      sha: pull.headSha,
      event: {
        number,
        pull_request: { number, head: { sha: pull.headSha, ref: pull.headRef }, base: { ref: 'main' } },
      },
      inputs,
      env,
    }),
    'validate',
  );
}

/** apply on the push of the merge commit to main. */
export async function apply(
  world: World,
  cluster: { cluster: { kubeconfig: string }; path: string },
  environment: string,
  sha: string,
) {
  return succeeded(
    await environmentRun(world, 'apply', {
      workspace: world.checkoutAt(sha),
      eventName: 'push',
      ref: 'refs/heads/main',
      sha,
      inputs: {
        kubeconfig: readFileSync(cluster.cluster.kubeconfig, 'utf8'),
        environment,
        namespace: environment,
        timeout: '60',
      },
      env: { PATH: cluster.path },
    }),
    'apply',
  );
}

/** promote after a healthy apply of `environment` (the source), as the apply workflow's next step runs it. */
export async function promote(world: World, environment: string): Promise<ActionRun> {
  return succeeded(
    await environmentRun(world, 'promote', {
      eventName: 'push',
      ref: 'refs/heads/main',
      inputs: { environment, app: APP },
    }),
    'promote',
  );
}

/** rollback, by hand (workflow_dispatch): the app in the environment back on the image it ran before. */
export async function rollback(world: World, environment: string, reason: string): Promise<ActionRun> {
  return succeeded(
    await environmentRun(world, 'rollback', {
      eventName: 'workflow_dispatch',
      ref: 'refs/heads/main',
      inputs: { environment, app: APP, reason },
    }),
    'rollback',
  );
}

/** status: the matrix of apps x environments (the action's outputs), and the command line's text of it to show. */
export async function status(world: World): Promise<{ run: ActionRun; text: string }> {
  // Both only read, so they run side by side; asynchronously, as the local GitHub lives in this process.
  const action = environmentRun(world, 'status', { eventName: 'workflow_dispatch', inputs: {} });
  const cli = execFileAsync(
    bundleNode().path,
    [join(repoRoot, 'dist/cli/index.js'), 'status', '--repository', `${OWNER}/${ENV_REPO}`],
    {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: world.github.url },
      timeout: 60_000,
    },
  ).catch((error: { code?: number; stderr?: string }) => {
    throw new StepFailed(`status --repository failed (exit ${error.code}): ${error.stderr?.trim() ?? ''}`);
  });
  const [run, text] = await Promise.all([action, cli]);
  return { run: succeeded(run, 'status'), text: text.stdout.trimEnd() };
}
