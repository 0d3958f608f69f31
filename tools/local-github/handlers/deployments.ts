// Deployments, deployment statuses and commit statuses.
import { ApiError, bodyOf, notFound, ok, paginate, stringField, type Context, type Handler } from '../http.js';
import {
  newId,
  nodeId,
  now,
  withRepoLock,
  type CommitStatusRecord,
  type DeploymentRecord,
  type DeploymentStatusRecord,
} from '../state.js';
import { apiBase, repositoryView, userView } from '../views.js';
import { commitOr404 } from './common.js';

function deploymentView(context: Context, deployment: DeploymentRecord) {
  const url = `${apiBase(context.hub, context.repo)}/deployments/${deployment.id}`;
  return {
    url,
    id: deployment.id,
    node_id: deployment.nodeId,
    sha: deployment.sha,
    ref: deployment.ref,
    task: deployment.task,
    payload: deployment.payload,
    original_environment: deployment.originalEnvironment,
    environment: deployment.environment,
    description: deployment.description,
    creator: userView(context.hub, deployment.creator),
    created_at: deployment.createdAt,
    updated_at: deployment.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: apiBase(context.hub, context.repo),
    transient_environment: deployment.transientEnvironment,
    production_environment: deployment.productionEnvironment,
  };
}

function deploymentStatusView(context: Context, deployment: DeploymentRecord, status: DeploymentStatusRecord) {
  const deploymentUrl = `${apiBase(context.hub, context.repo)}/deployments/${deployment.id}`;
  return {
    url: `${deploymentUrl}/statuses/${status.id}`,
    id: status.id,
    node_id: status.nodeId,
    state: status.state,
    creator: userView(context.hub, status.creator),
    description: status.description,
    environment: status.environment,
    target_url: status.targetUrl,
    log_url: status.logUrl,
    environment_url: status.environmentUrl,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    deployment_url: deploymentUrl,
    repository_url: apiBase(context.hub, context.repo),
  };
}

/** The latest status per context, as GitHub combines them. */
function latestStatuses(statuses: CommitStatusRecord[], sha: string): CommitStatusRecord[] {
  const latest = new Map<string, CommitStatusRecord>();
  for (const status of statuses) if (status.sha === sha) latest.set(status.context, status);
  return [...latest.values()];
}

export const createDeployment: Handler = async (context) => {
  const body = bodyOf(context);
  const ref = stringField(body, 'ref') ?? '';
  const sha = await context.repo.git.resolveCommit(ref);
  if (!sha) throw new ApiError(422, `No ref found for: ${ref}`);
  const required = Array.isArray(body.required_contexts) ? (body.required_contexts as string[]) : undefined;
  const latest = latestStatuses(context.repo.statuses, sha);
  // Without required_contexts GitHub requires every status context of the commit to be successful.
  const failing = latest.filter(
    (status) => status.state !== 'success' && (required === undefined || required.includes(status.context)),
  );
  const missing = (required ?? []).filter((name) => !latest.some((status) => status.context === name));
  if (failing.length > 0 || missing.length > 0) {
    const names = [...failing.map((status) => status.context), ...missing].join(', ');
    throw new ApiError(409, `Conflict: Commit status checks failed for ${ref}.`, {
      errors: [{ contexts: names, resource: 'Deployment', field: 'required_contexts' }],
    });
  }
  const environment = stringField(body, 'environment') ?? 'production';
  const id = newId();
  const created = now();
  const deployment: DeploymentRecord = {
    id,
    nodeId: nodeId('Deployment', id),
    sha,
    ref,
    task: stringField(body, 'task') ?? 'deploy',
    payload: body.payload ?? {},
    environment,
    originalEnvironment: environment,
    description: stringField(body, 'description') ?? null,
    transientEnvironment: body.transient_environment === true,
    productionEnvironment:
      typeof body.production_environment === 'boolean' ? body.production_environment : environment === 'production',
    creator: context.login,
    createdAt: created,
    updatedAt: created,
    statuses: [],
  };
  context.repo.deployments.unshift(deployment);
  return ok(deploymentView(context, deployment), 201);
};

export const listDeployments: Handler = async (context) => {
  const filters = ['sha', 'ref', 'task', 'environment'] as const;
  const selected = context.repo.deployments.filter((deployment) =>
    filters.every((key) => {
      const wanted = context.query.get(key);
      return wanted === null || deployment[key] === wanted;
    }),
  );
  const page = paginate(context, selected);
  return { ...page, body: page.body.map((deployment) => deploymentView(context, deployment)) };
};

function deploymentOr404(context: Context): DeploymentRecord {
  const id = Number(context.params.deployment_id);
  const deployment = context.repo.deployments.find((candidate) => candidate.id === id);
  if (!deployment) throw notFound();
  return deployment;
}

export const getDeployment: Handler = async (context) => ok(deploymentView(context, deploymentOr404(context)));

export const createDeploymentStatus: Handler = async (context) => {
  const body = bodyOf(context);
  return withRepoLock(context.repo, async () => {
    const deployment = deploymentOr404(context);
    const state = stringField(body, 'state') ?? 'pending';
    const environment = stringField(body, 'environment') ?? deployment.environment;
    const targetUrl = stringField(body, 'target_url') ?? stringField(body, 'log_url') ?? '';
    const id = newId();
    const status: DeploymentStatusRecord = {
      id,
      nodeId: nodeId('DeploymentStatus', id),
      state,
      description: stringField(body, 'description') ?? '',
      environment,
      targetUrl,
      logUrl: stringField(body, 'log_url') ?? targetUrl,
      environmentUrl: stringField(body, 'environment_url') ?? '',
      creator: context.login,
      createdAt: now(),
    };
    deployment.statuses.unshift(status);
    deployment.environment = environment;
    deployment.updatedAt = status.createdAt;
    // auto_inactive (default true): a successful deployment retires the earlier ones of its environment.
    if (state === 'success' && body.auto_inactive !== false && !deployment.transientEnvironment) {
      for (const other of context.repo.deployments) {
        if (other === deployment || other.environment !== environment) continue;
        if (other.statuses[0]?.state !== 'success') continue;
        const inactiveId = newId();
        other.statuses.unshift({
          ...other.statuses[0],
          id: inactiveId,
          nodeId: nodeId('DeploymentStatus', inactiveId),
          state: 'inactive',
          createdAt: now(),
        });
      }
    }
    return ok(deploymentStatusView(context, deployment, status), 201);
  });
};

export const listDeploymentStatuses: Handler = async (context) => {
  const deployment = deploymentOr404(context);
  const page = paginate(context, deployment.statuses);
  return { ...page, body: page.body.map((status) => deploymentStatusView(context, deployment, status)) };
};

function commitStatusView(context: Context, status: CommitStatusRecord) {
  return {
    url: `${apiBase(context.hub, context.repo)}/statuses/${status.sha}`,
    id: status.id,
    node_id: status.nodeId,
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    avatar_url: null,
    creator: userView(context.hub, status.creator),
    created_at: status.createdAt,
    updated_at: status.createdAt,
  };
}

export const createCommitStatus: Handler = async (context) => {
  const body = bodyOf(context);
  const sha = context.params.sha ?? '';
  if (!/^[0-9a-f]{40}$/.test(sha) || (await context.repo.git.objectType(sha)) !== 'commit') {
    throw new ApiError(422, `No commit found for SHA: ${sha}`);
  }
  const id = newId();
  const status: CommitStatusRecord = {
    id,
    nodeId: nodeId('StatusContext', id),
    sha,
    state: (stringField(body, 'state') ?? 'pending') as CommitStatusRecord['state'],
    targetUrl: stringField(body, 'target_url') ?? null,
    description: stringField(body, 'description') ?? null,
    context: stringField(body, 'context') ?? 'default',
    creator: context.login,
    createdAt: now(),
  };
  context.repo.statuses.push(status);
  return ok(commitStatusView(context, status), 201);
};

export const getCombinedStatus: Handler = async (context) => {
  const sha = await commitOr404(context.repo, context.params.ref ?? '');
  const latest = latestStatuses(context.repo.statuses, sha).reverse();
  const states = new Set(latest.map((status) => status.state));
  const state =
    states.has('error') || states.has('failure')
      ? 'failure'
      : states.has('pending') || latest.length === 0
        ? 'pending'
        : 'success';
  return ok({
    state,
    statuses: latest.map((status) => commitStatusView(context, status)),
    sha,
    total_count: latest.length,
    repository: repositoryView(context.hub, context.repo, context.canPush),
    commit_url: `${apiBase(context.hub, context.repo)}/commits/${sha}`,
    url: `${apiBase(context.hub, context.repo)}/commits/${sha}/status`,
  });
};
