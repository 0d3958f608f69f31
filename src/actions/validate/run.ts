import { join, resolve } from 'node:path';
import * as runner from '../shared/runner.js';
import { forLog } from '../../core/text/untrusted.js';
import { log } from '../shared/log.js';
import { reportingClient } from '../shared/github.js';
import { runValidate, type ValidateResult } from '../../flows/validate.js';
import type { Environment } from '../shared/inputs.js';
import { maskKubeconfig, writeKubeconfig, type KubeconfigFile } from '../shared/kubeconfig.js';
import { acceptSecretInputs } from '../shared/secrets.js';
import { setOutputs } from '../shared/run.js';
import { saveState } from '../shared/file-command.js';
import { imageUses } from '../../core/validate/checks.js';
import { createKindCluster, exportKindLogs, POST_STATE, prePull } from '../../kube/kind.js';
import { InfrastructureError, resolveKind, resolveKubectl } from '../../kube/install.js';
import { changedFiles } from '../../fs/git.js';
import { readValidateInputs, SECRET_INPUTS, type ValidateInputs } from './inputs.js';

/** The validate action: static checks, then the cluster stage, then the report. */
export async function runValidateAction(env: Environment = process.env): Promise<ValidateResult | undefined> {
  acceptSecretInputs(env, SECRET_INPUTS);
  const given = env['INPUT_KUBECONFIG'];
  if (given && given.trim() !== '') maskKubeconfig(given);
  const inputs = readValidateInputs(env);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const reportDir = join(env.RUNNER_TEMP || workspace, 'gitops-promote-validate-report');
  let kubeconfig: KubeconfigFile | undefined;
  try {
    if (inputs.cluster === 'existing' && inputs.kubeconfig) kubeconfig = writeKubeconfig(inputs.kubeconfig, env);
    // cluster none needs kubectl only to render kustomizations: PATH's unless a version is asked for.
    const kubectl =
      inputs.cluster === 'none' && inputs.kubectlVersion === undefined
        ? undefined
        : await resolveKubectl(inputs.kubectlVersion, { pinned: inputs.cluster === 'kind', env });
    let kind: string | undefined;
    if (inputs.cluster === 'kind') {
      kind = await resolveKind(inputs.kind.version, { env });
      saveState(POST_STATE.kind, kind);
      saveState(POST_STATE.name, inputs.kind.name);
      kubeconfig = writeKubeconfig('', env);
      await createKindCluster(
        kind,
        { ...inputs.kind, config: inputs.kind.config ? resolve(workspace, inputs.kind.config) : undefined },
        kubeconfig.path,
      );
    }
    const client = reportingClient(inputs);
    const dir = resolve(workspace, inputs.directory);
    const changed = kubeconfig ? await pullRequestFiles(inputs, dir) : undefined;
    const result = await runValidate({
      dir,
      ...(changed ? { changedFiles: changed } : {}),
      ...(inputs.environment ? { environment: inputs.environment } : {}),
      kubernetesVersion: inputs.kubernetesVersion,
      ...(kubectl ? { kubectl } : {}),
      ...(kubeconfig
        ? {
            cluster: {
              target: {
                kubeconfig: kubeconfig.path,
                ...(kubectl ? { kubectl } : {}),
                ...(inputs.context ? { context: inputs.context } : {}),
              },
              fieldManager: inputs.fieldManager,
              timeoutSeconds: inputs.timeoutSeconds,
              reportDir,
            },
          }
        : {}),
      ...(client && inputs.repository
        ? {
            github: {
              client,
              repo: inputs.repository,
              ...(inputs.pull !== undefined ? { pull: inputs.pull } : {}),
              ...(inputs.headSha ? { headSha: inputs.headSha } : {}),
              statusContext: inputs.statusContext,
              ...(inputs.runUrl ? { runUrl: inputs.runUrl } : {}),
              comment: inputs.comment,
            },
          }
        : {}),
      log: (message) => log.info(message),
      ...(kind
        ? {
            beforeCluster: (objects) =>
              prePull(
                inputs.kind.name,
                objects.flatMap((object) => imageUses(object.value).map((use) => use.reference)),
                { attempts: inputs.kind.pullRetries + 1 },
              ),
            afterClusterFailure: () => exportKindLogs(kind, inputs.kind.name, join(reportDir, 'kind')),
          }
        : {}),
    });
    for (const row of result.rows) {
      const line = forLog(`${row.result}: ${row.kind} ${row.resource} (${row.stage}) ${row.details.join('; ')}`);
      if (row.result === 'failed') runner.error(line);
      else runner.info(line);
    }
    await writeSummary(result, env);
    setOutputs({
      result: result.result,
      'report-path': result.outcomes.some((o) => o.diagnostics) ? reportDir : '',
      'failed-resources': JSON.stringify(result.failedResources),
    });
    if (result.result === 'failed') {
      runner.setFailed(
        `validate: ${result.failedResources.length} resources failed (${result.clusterStage === 'ran' ? 'static and cluster stages' : `static stage; cluster stage ${result.clusterStage}`})`,
      );
    }
    return result;
  } catch (error) {
    if (!(error instanceof InfrastructureError)) throw error;
    setOutputs({ result: 'infrastructure-failure', 'report-path': '', 'failed-resources': '[]' });
    runner.setFailed(`validate: infrastructure failure, not a manifest failure: ${forLog(error.message)}`);
    return undefined;
  } finally {
    kubeconfig?.remove();
  }
}

/** The files the pull request changes, or undefined (every object is applied) with a warning saying why. */
async function pullRequestFiles(inputs: ValidateInputs, dir: string): Promise<string[] | undefined> {
  if (inputs.clusterScope === 'all') return undefined;
  if (!inputs.baseSha) {
    log.info('not a pull request event: the cluster stage takes every object of the environment');
    return undefined;
  }
  const files = await changedFiles(dir, inputs.baseSha, inputs.headSha ?? 'HEAD');
  if (files === undefined) {
    log.warning(
      `the checkout does not hold the pull request's base ${inputs.baseSha} and head: the cluster stage takes every object of the environment (check out with fetch-depth: 0 to apply only what the pull request changes)`,
    );
  }
  return files;
}

async function writeSummary(result: ValidateResult, env: Environment): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) return;
  const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/@/g, '&#64;');
  await runner
    .summary()
    .addHeading(`gitops-promote validate: ${result.result}`, 3)
    .addTable([
      ['Kind', 'Namespace/name', 'Stage', 'Result', 'Time'].map((data) => ({ data, header: true })),
      ...result.rows.map((row) => [
        html(row.kind),
        `<code>${html(row.resource)}</code>`,
        row.stage,
        row.result,
        row.seconds === undefined ? '' : `${row.seconds.toFixed(1)}s`,
      ]),
    ])
    .write();
}
