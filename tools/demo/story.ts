// The story `npm start` tells, as steps a test can drive: a dev build walks dev -> stg on its own
// image, production refuses it by policy, a release build goes to production with reviewers, a
// rollback is opened, and the status matrix ends the run. Each step runs the committed bundle of its
// action against the local GitHub (and the local cluster when there is one) and is printed as one line.
import type { DemoCluster } from './cluster.js';
import { NO_CLUSTER } from './cluster.js';
import * as act from './actions.js';
import { describePull, indent, stepLine, type StepRecord } from './report.js';
import { simulateDeployment, SIMULATED } from './simulate.js';
import { APP_REPO, createWorld, OWNER, REVIEWER, type World } from './world.js';

export type { StepRecord } from './report.js';

export interface StoryOptions {
  cluster: DemoCluster;
  /** Keep the repositories in this folder instead of a temporary one removed at the end. */
  keep?: string;
  print?: (text: string) => void;
  /** Called after every step with the world as the step left it (the end-to-end test asserts there). */
  afterStep?: (step: StepRecord, world: World) => void | Promise<void>;
}

export interface StoryResult {
  ok: boolean;
  steps: StepRecord[];
  ms: number;
  apiCalls: number;
  root: string;
}

interface Outcome {
  detail: string;
  skipped?: boolean;
  /** Shown under the step's line: a pull request and its diff, the status matrix. */
  show?: string;
}

const short = (sha: string) => sha.slice(0, 7);

export async function runStory(options: StoryOptions): Promise<StoryResult> {
  const print = options.print ?? ((text: string) => console.log(text));
  const started = Date.now();
  const world = await createWorld(options.keep ? { keep: options.keep } : {});
  const steps: StepRecord[] = [];
  const step = async (id: string, name: string, body: () => Promise<Outcome>): Promise<void> => {
    const began = Date.now();
    const callsBefore = world.github.totalCalls();
    let outcome: Outcome;
    let status: StepRecord['status'];
    try {
      outcome = await body();
      status = outcome.skipped ? 'skipped' : 'ok';
    } catch (error) {
      outcome = { detail: error instanceof act.StepFailed ? error.message : String((error as Error).stack) };
      status = 'failed';
    }
    const record: StepRecord = {
      index: steps.length + 1,
      id,
      name,
      status,
      detail: outcome.detail,
      ms: Date.now() - began,
      apiCalls: world.github.totalCalls() - callsBefore,
      ...(outcome.show !== undefined && { shown: outcome.show }),
    };
    steps.push(record);
    print(stepLine(record));
    if (record.shown) print(record.shown);
    if (status === 'failed') throw new StoryStopped();
    await options.afterStep?.(record, world);
  };

  try {
    print(
      `local GitHub at ${world.github.url}: ${OWNER}/${APP_REPO} (the application) and ${OWNER}/environments (examples/environment-repo)`,
    );
    print(
      'cluster' in options.cluster
        ? `cluster: the local cluster (${options.cluster.cluster.kubeconfig}); validate's cluster stage and apply run there`
        : `cluster steps: skipped: ${NO_CLUSTER}`,
    );
    await tell(world, options.cluster, step);
  } catch (error) {
    if (!(error instanceof StoryStopped)) throw error;
  } finally {
    await world.stop();
  }
  const ok = steps.every((s) => s.status !== 'failed');
  return { ok, steps, ms: Date.now() - started, apiCalls: world.github.totalCalls(), root: world.root };
}

class StoryStopped extends Error {}

type Step = (id: string, name: string, body: () => Promise<Outcome>) => Promise<void>;

async function tell(world: World, cluster: DemoCluster, step: Step): Promise<void> {
  let appSha = '';
  let pr = 0;
  let merged = '';
  const simulatedIds: number[] = [];
  await step('dev:push', 'push to dev', async () => {
    appSha = await world.github.pushCommit(OWNER, APP_REPO, {
      branch: 'dev',
      files: { 'main.go': 'package main // v2\n' },
      message: 'Faster start',
    });
    return { detail: `${OWNER}/${APP_REPO} dev @ ${short(appSha)}` };
  });
  const build = async (env: string, ref: string, timestamp: string) => {
    let dispatch: () => Promise<unknown> = async () => undefined;
    await step(`${env}:tag`, 'tag', async () => {
      const built = await act.appBuild(world, ref, appSha, timestamp);
      dispatch = built.dispatch;
      return {
        detail: `image ghcr.io/acme/web:${built.tag.outputs.tag} for environment ${built.tag.outputs.environment}`,
      };
    });
    await step(`${env}:dispatch`, 'dispatch', async () => {
      await dispatch();
      return { detail: `repository_dispatch to ${OWNER}/environments` };
    });
  };
  const review = async (env: string, method: 'merge' | 'squash') => {
    await step(`${env}:validate`, 'validate', async () => {
      const run = await act.validate(world, cluster, pr, env);
      const where =
        'cluster' in cluster
          ? 'static stage and cluster stage on the local cluster'
          : `static stage; cluster stage skipped: ${NO_CLUSTER}`;
      return { detail: `PR #${pr}: ${run.outputs.result} (${where}), commit status set` };
    });
    await step(`${env}:merge`, 'merge', async () => {
      merged = await world.merge(pr, method);
      // The local GitHub records auto-merge and review requests without acting on them: the demo merges as they would.
      const by =
        env === 'prod'
          ? `, as ${REVIEWER} (the requested reviewer) would`
          : method === 'squash'
            ? ', as auto-merge would once validate passed'
            : '';
      return { detail: `PR #${pr} ${method === 'squash' ? 'squashed' : 'merged'} into main @ ${short(merged)}${by}` };
    });
    await step(`${env}:apply`, 'apply', async () => {
      if ('cluster' in cluster) {
        const run = await act.apply(world, cluster, env, merged);
        const objects = (JSON.parse(run.outputs.applied ?? '[]') as unknown[]).length;
        return {
          detail: `${env} @ ${short(merged)}: ${objects} objects applied and ready, deployment ${run.outputs['deployment-id']} success`,
        };
      }
      const simulated = await simulateDeployment(world, env, merged);
      simulatedIds.push(simulated.id);
      return {
        detail: `skipped: ${NO_CLUSTER}; deployment ${simulated.id} of ${env} @ ${short(merged)} recorded as apply would, marked "${SIMULATED}"`,
        skipped: true,
      };
    });
  };
  const opened = async (run: { outputs: Record<string, string> }, verb: string): Promise<Outcome> => {
    pr = Number(run.outputs['pull-request-number']);
    if (!pr)
      throw new act.StepFailed(`${verb}: no pull request (${run.outputs.operation}: ${run.outputs.reason ?? ''})`);
    return {
      detail: `PR #${pr} ${run.outputs.operation}: ${world.pull(pr).title}`,
      show: await describePull(world, pr),
    };
  };

  await build('dev', 'refs/heads/dev', '1763800000');
  await step('dev:bump', 'bump', async () => opened(await act.bump(world), 'bump'));
  await review('dev', 'squash');
  await step('stg:promote', 'promote dev -> stg', async () => {
    const run = await act.promote(world, 'dev');
    const outcome = await opened(run, 'promote');
    // The gate says what it saw; without a cluster that is a simulated deployment, and the line says so.
    const saw = /healthy in .*/.exec(run.outputs.reason ?? '')?.[0] ?? run.outputs.reason ?? '';
    const simulated = simulatedIds.some((id) => saw.includes(`deployment ${id} `)) ? ' (the SIMULATED deployment)' : '';
    return { ...outcome, detail: `${outcome.detail}; gate: ${saw}${simulated}` };
  });
  await review('stg', 'merge');
  await step('prod:promote', 'promote stg -> prod', async () => {
    const run = await act.promote(world, 'stg');
    if (run.outputs['pull-request-number'] || !/^policy: prod admits /.test(run.outputs.reason ?? ''))
      throw new act.StepFailed(
        `promote stg -> prod should be refused by prod's policy and open nothing; it said ${run.outputs.operation}: ${run.outputs.reason}`,
      );
    return { detail: `${run.outputs.operation}: ${run.outputs.reason}; nothing opened` };
  });
  await step('release:push', 'release tag', async () => {
    await world.github.git(OWNER, APP_REPO, ['tag', 'v0.4.10', appSha]);
    return { detail: `${OWNER}/${APP_REPO} v0.4.10 @ ${short(appSha)}` };
  });
  await build('prod', 'refs/tags/v0.4.10', '1763807200');
  await step('prod:bump', 'bump', async () => opened(await act.bump(world), 'bump'));
  await review('prod', 'merge');
  await step('prod:rollback', 'rollback prod', async () =>
    opened(await act.rollback(world, 'prod', 'the demo: 0.4.10 is fine, this shows the way back'), 'rollback'),
  );
  await step('status', 'status', async () => {
    const { run, text } = await act.status(world);
    const behind = JSON.parse(run.outputs.behind ?? '[]') as unknown[];
    return {
      detail: `what runs where; ${behind.length} behind the environment they are promoted from`,
      show: indent(
        simulatedIds.length > 0
          ? `${text}\n(deployments: the ones recorded as SIMULATED in place of apply: ${NO_CLUSTER})`
          : text,
      ),
    };
  });
}
