import { resolve } from 'node:path';
import * as runner from '../shared/runner.js';
import { forLog } from '../../core/text/untrusted.js';
import { log } from '../shared/log.js';
import { runApply, runDiff, type AppliedObject } from '../../flows/apply.js';
import { reportingClient } from '../shared/github.js';
import type { Environment } from '../shared/inputs.js';
import { maskKubeconfig, writeKubeconfig } from '../shared/kubeconfig.js';
import { acceptSecretInputs } from '../shared/secrets.js';
import { InfrastructureError, resolveKubectl } from '../../kube/install.js';
import { setOutputs } from '../shared/run.js';
import { readApplyInputs, SECRET_INPUTS } from './inputs.js';

const name = (o: AppliedObject) => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;

/** The apply action: the environment onto its cluster (or, with mode diff, its drift). */
export async function runApplyAction(env: Environment = process.env): Promise<void> {
  acceptSecretInputs(env, SECRET_INPUTS);
  const given = env['INPUT_KUBECONFIG'];
  if (given && given.trim() !== '') maskKubeconfig(given);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const inputs = readApplyInputs(env, workspace);
  let kubectl: string;
  try {
    kubectl = await resolveKubectl(inputs.kubectlVersion, { env });
  } catch (error) {
    if (!(error instanceof InfrastructureError)) throw error;
    setOutputs({ 'deployment-id': '', applied: '[]', result: 'failure' });
    runner.setFailed(`apply: infrastructure failure, nothing was applied: ${forLog(error.message)}`);
    return;
  }
  const kubeconfig = writeKubeconfig(inputs.kubeconfig, env);
  try {
    const base = {
      repoDir: resolve(workspace, inputs.directory),
      environment: inputs.environment,
      config: inputs.config,
      target: {
        kubeconfig: kubeconfig.path,
        kubectl,
        ...(inputs.context ? { context: inputs.context } : {}),
        ...(inputs.namespace ? { namespace: inputs.namespace } : {}),
      },
      fieldManager: inputs.fieldManager,
      forceConflicts: inputs.forceConflicts,
      timeoutSeconds: inputs.timeoutSeconds,
      log: (message: string) => log.info(message),
    };
    if (inputs.mode === 'diff') {
      const drift = await runDiff(base);
      log.info(drift.drifted ? `drift in ${drift.objects.length} objects` : 'no drift');
      if (drift.diff) log.info(drift.diff);
      setOutputs({ drifted: String(drift.drifted), objects: JSON.stringify(drift.objects.map(name)) });
      await summary(
        `gitops-promote drift of ${inputs.environment}: ${drift.drifted ? 'drifted' : 'none'}`,
        drift.objects,
        env,
      );
      return;
    }
    const client = reportingClient(inputs);
    const result = await runApply({
      ...base,
      prune: inputs.prune,
      rollbackOnFailure: inputs.rollbackOnFailure,
      commit: inputs.commit,
      ...(inputs.sourceCommit ? { sourceCommit: inputs.sourceCommit } : {}),
      ...(client && inputs.repository
        ? {
            github: {
              client,
              repo: inputs.repository,
              ...(inputs.environmentUrl ? { environmentUrl: inputs.environmentUrl } : {}),
              ...(inputs.runUrl ? { logUrl: inputs.runUrl } : {}),
            },
          }
        : {}),
    });
    setOutputs({
      'deployment-id': result.deploymentId === undefined ? '' : String(result.deploymentId),
      applied: JSON.stringify(result.applied.map(name)),
      'source-commit': result.sourceCommit ?? '',
      result: result.result,
    });
    await summary(`gitops-promote apply of ${inputs.environment}: ${result.result}`, result.applied, env);
    if (result.failure) runner.setFailed(`apply: ${forLog(result.failure)}`);
  } finally {
    kubeconfig.remove();
  }
}

async function summary(heading: string, objects: readonly AppliedObject[], env: Environment): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) return;
  const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/@/g, '&#64;');
  await runner
    .summary()
    .addHeading(html(heading), 3)
    .addTable([
      ['Kind', 'Namespace/name'].map((data) => ({ data, header: true })),
      ...objects.map((o) => [html(o.kind), `<code>${html(`${o.namespace ? `${o.namespace}/` : ''}${o.name}`)}</code>`]),
    ])
    .write();
}
