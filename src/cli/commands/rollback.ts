import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_PATH, parsePromotionConfig } from '../../core/config/index.js';
import { invalid } from '../../core/errors.js';
import { checkRepositoryName } from '../../core/payload/index.js';
import { resolvePromotion } from '../../core/promotion/index.js';
import { rollbackReason, rollbackRequest } from '../../core/rollback/index.js';
import { renderRollbackText } from '../../core/rollback/render.js';
import {
  findRollbackTarget,
  HISTORY_DEPTH,
  planRollback,
  rollbackEnvironment,
  type HistoryCommit,
} from '../../flows/rollback.js';
import { commitsTouchingPaths, GitCommitSnapshot } from '../../fs/git-history.js';
import { FolderSnapshot } from '../../fs/snapshot.js';
import { writeTreeFiles } from '../../fs/tree.js';
import { createGitHubClient, DEFAULT_API_URL } from '../../github/client.js';
import { optionalString, requireDirectory, requireString, UsageError, type Command } from '../command.js';

const USAGE = `usage: gitops-promote rollback --environment <name> --app <name> [--to <tag>] [--reason <text>] [--dir <dir>] [--config <file>] [--repository <owner/name>] [--dry-run] [--json]

Puts an app in an environment back on the image it ran before, with the same byte-minimal edit as bump.
Without --to, the previous image is found in the git history of the app's manifests (the newest commit
whose image of the app differs from what the files hold now).

Locally (default): --dir is a git work tree of the environment repository; its files are edited in
place (nothing with --dry-run) and committing is yours.
With --repository: the rollback pull request is opened on GitHub, as the rollback action does (branch
gitops-promote/<env>/<app>, replacing an open forward promotion); the newest successful GitHub
Deployment of the environment is asked first. Needs GITHUB_TOKEN; GITHUB_API_URL for GitHub Enterprise.

options:
  --environment <name>      the environment (a name in the config)
  --app <name>              the app (a name in the config)
  --to <tag>                the tag to roll back to (default: found in the history)
  --reason <text>           why; shown in the pull request
  --dir <dir>               the work tree (default: the current directory)
  --config <file>           the promotion config (default: <dir>/${DEFAULT_CONFIG_PATH}; with --repository, its path in the repository)
  --repository <owner/name> open the pull request on GitHub instead of editing files
  --dry-run                 print the plan (from, to, files and lines), write nothing
  --json                    print {"operation","reason","app","environment","from","to","image","basis","changes","files"}

exit status: 0 done or planned; 1 an unknown app or environment, nothing to roll back to, --to equal to
what runs now, an invalid config or manifest, a refusal from GitHub; 2 a usage error.`;

export const rollbackCommand: Command = {
  name: 'rollback',
  summary: 'put an app in an environment back on the image it ran before (local files, or a PR with --repository)',
  usage: USAGE,
  options: {
    environment: { type: 'string' },
    app: { type: 'string' },
    to: { type: 'string' },
    reason: { type: 'string' },
    dir: { type: 'string' },
    config: { type: 'string' },
    repository: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run(values, _positionals, context) {
    const environment = requireString(values, 'environment');
    const app = requireString(values, 'app');
    const to = optionalString(values, 'to');
    const reason = optionalString(values, 'reason');
    const dryRun = values['dry-run'] === true;
    const repository = optionalString(values, 'repository');
    if (repository !== undefined) {
      const token = process.env.GITHUB_TOKEN;
      if (!token) throw new UsageError('--repository needs GITHUB_TOKEN in the environment');
      const name = checkRepositoryName(repository, '--repository');
      const result = await rollbackEnvironment({
        client: createGitHubClient({ token, baseUrl: process.env.GITHUB_API_URL || DEFAULT_API_URL }),
        repository: { owner: name.owner, repo: name.name },
        app,
        environment,
        to,
        reason,
        dryRun,
        configPath: optionalString(values, 'config') ?? DEFAULT_CONFIG_PATH,
        ...(process.env.GITHUB_SERVER_URL && { serverUrl: process.env.GITHUB_SERVER_URL }),
      });
      for (const warning of result.warnings) context.stderr(`warning: ${warning}`);
      const view = { ...result, basis: result.target.basis };
      return {
        json: {
          operation: result.operation,
          reason: result.reason,
          app: result.app,
          environment: result.environment,
          from: result.from,
          to: result.to,
          image: result.image,
          basis: result.target.basis,
          changes: result.changes,
          files: result.files,
          ...(result.pullRequest && { pullRequest: result.pullRequest }),
        },
        text: renderRollbackText(view),
      };
    }
    const dir = requireDirectory({ dir: optionalString(values, 'dir') ?? '.' }, 'dir', context.cwd);
    const configPath = resolve(dir, optionalString(values, 'config') ?? DEFAULT_CONFIG_PATH);
    const config = parsePromotionConfig(readConfig(configPath), configPath);
    const current = new FolderSnapshot(dir);
    const finding = await findRollbackTarget(config, { app, environment, to }, current, {
      history: (paths) => localHistory(dir, paths),
    });
    const request = rollbackRequest(finding.app, finding.environment, finding.target, reason ?? '');
    const promotion = resolvePromotion(config, request);
    const plan = await planRollback(promotion, current);
    const { decision } = plan;
    if (decision.kind === 'change' && !dryRun) {
      await writeTreeFiles(
        dir,
        decision.files.map((file) => ({ path: file.path, text: file.newText })),
      );
    }
    const operation = decision.kind !== 'change' ? decision.kind : dryRun ? 'planned' : 'changed';
    const outcome =
      decision.kind !== 'change'
        ? decision.reason
        : dryRun
          ? `would change ${plan.files.join(', ')} (dry run, nothing written)`
          : `changed ${plan.files.join(', ')}; review and commit them`;
    for (const warning of finding.warnings) context.stderr(`warning: ${warning}`);
    const json = {
      operation,
      reason: outcome,
      app: promotion.app.name,
      environment: promotion.environment.name,
      from: finding.running.map((image) => image.tag),
      to: promotion.tag,
      image: `${promotion.app.image}:${promotion.tag}${promotion.digest ? `@${promotion.digest}` : ''}`,
      basis: finding.target.basis,
      changes: plan.changes,
      files: plan.files,
    };
    return {
      json,
      text: renderRollbackText({ ...json, why: rollbackReason(reason), warnings: [] }),
    };
  },
};

async function* localHistory(dir: string, paths: readonly string[]): AsyncIterable<HistoryCommit> {
  for (const commit of await commitsTouchingPaths(dir, paths, HISTORY_DEPTH)) {
    yield { commit, snapshot: new GitCommitSnapshot(dir, commit) };
  }
}

function readConfig(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw invalid(
      '--config',
      path,
      `a readable promotion config (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
}
