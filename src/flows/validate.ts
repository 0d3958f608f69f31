// validate: the static stage over the whole environment, then (unless cluster is none or the static
// stage failed) the cluster stage over what the pull request changes and what that needs, then the report: a row per resource, one PR comment updated in place, a commit status.
import type { ClusterOutcome, ResourceRow } from '../core/report/validate-report.js';
import { commentHeader, commentSections, resourceName, resourceRows } from '../core/report/validate-report.js';
import { selectChanged } from '../core/validate/changed.js';
import { hasErrors, type StaticReport } from '../core/validate/index.js';
import type { GitHubClient } from '../github/client.js';
import { upsertReportComment } from '../github/comments.js';
import { setCommitStatus } from '../github/statuses.js';
import { runClusterStage, type ClusterObject } from '../kube/cluster-stage.js';
import type { KubeTarget } from '../kube/commands.js';
import { runStaticStage } from './validate-static.js';

export interface ValidateRequest {
  dir: string;
  environment?: string;
  kubernetesVersion?: string;
  /** undefined: static stage only (`cluster: none`). */
  cluster?: { target: KubeTarget; fieldManager: string; timeoutSeconds: number; reportDir: string };
  kubectl?: string;
  github?: {
    client: GitHubClient;
    repo: { owner: string; repo: string };
    pull?: number;
    headSha?: string;
    statusContext: string;
    runUrl?: string;
    comment: boolean;
  };
  /**
   * The files the pull request changes (relative to `dir`): only their objects, and what those need,
   * go through the cluster stage. undefined: every object of the environment does.
   */
  changedFiles?: readonly string[];
  log?: (message: string) => void;
  /** Runs before the cluster stage with the objects about to be applied (kind pre-pulls their images). */
  beforeCluster?: (objects: readonly ClusterObject[]) => Promise<void>;
  /** Runs after a cluster stage with failures (kind exports its logs). */
  afterClusterFailure?: () => Promise<void>;
}

export interface ValidateResult {
  result: 'passed' | 'failed';
  report: StaticReport;
  outcomes: ClusterOutcome[];
  rows: ResourceRow[];
  failedResources: string[];
  clusterStage: 'ran' | 'skipped: static findings' | 'skipped: cluster none';
}

export async function runValidate(request: ValidateRequest): Promise<ValidateResult> {
  const log = request.log ?? (() => {});
  const report = await runStaticStage({
    dir: request.dir,
    ...(request.environment ? { environment: request.environment } : {}),
    ...(request.kubernetesVersion ? { kubernetesVersion: request.kubernetesVersion } : {}),
    ...(request.kubectl ? { kubectl: request.kubectl } : {}),
  });
  log(`static stage: ${report.objects.length} objects, ${report.findings.length} findings and notes`);
  let outcomes: ClusterOutcome[] = [];
  let clusterStage: ValidateResult['clusterStage'] = 'skipped: cluster none';
  if (request.cluster && hasErrors(report)) clusterStage = 'skipped: static findings';
  else if (request.cluster) {
    const scope = request.changedFiles ? selectChanged(report.manifests, request.changedFiles) : undefined;
    log(
      scope
        ? `cluster stage: ${scope.selected.length} of ${report.manifests.length} objects (${scope.selected.length - scope.needed} from the ${request.changedFiles!.length} changed files, ${scope.needed} they need)`
        : `cluster stage: all ${report.manifests.length} objects`,
    );
    const objects: ClusterObject[] = (scope?.selected ?? report.manifests).map(({ object, value }) => ({
      apiVersion: object.apiVersion,
      kind: object.kind,
      namespace: object.namespace,
      name: object.name,
      value,
    }));
    await request.beforeCluster?.(objects);
    outcomes = await runClusterStage(objects, request.cluster);
    if (outcomes.some((o) => o.result === 'failed')) await request.afterClusterFailure?.();
    clusterStage = 'ran';
    log(`cluster stage: ${outcomes.length} objects`);
  }
  const rows = resourceRows(report, outcomes);
  const failed = rows.filter((row) => row.result === 'failed');
  const result = failed.length > 0 || hasErrors(report) ? 'failed' : 'passed';
  const github = request.github;
  if (github?.pull !== undefined && github.comment) {
    await upsertReportComment(github.client, github.repo, github.pull, {
      key: `validate:${request.environment ?? 'all'}`,
      header: commentHeader(result, rows, request.environment, github.runUrl),
      sections: commentSections(rows),
    });
  }
  if (github?.headSha) {
    await setCommitStatus(github.client, github.repo, {
      sha: github.headSha,
      state: result === 'passed' ? 'success' : 'failure',
      context: github.statusContext,
      description:
        result === 'passed'
          ? `${rows.length} resources validated`
          : `${failed.length} of ${rows.length} resources failed validation`,
      ...(github.runUrl ? { targetUrl: github.runUrl } : {}),
    });
  }
  return { result, report, outcomes, rows, failedResources: failed.map(resourceName), clusterStage };
}
