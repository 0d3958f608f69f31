import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../../core/config/index.js';
import { invalid } from '../../core/errors.js';
import { checkRepositoryName } from '../../core/payload/index.js';
import { renderStatusText } from '../../core/status/render.js';
import { readLocalStatus, readRepositoryStatus } from '../../flows/status.js';
import { createGitHubClient, DEFAULT_API_URL } from '../../github/client.js';
import { optionalString, requireDirectory, UsageError, type Command } from '../command.js';

const USAGE = `usage: gitops-promote status (--dir <dir> | --repository <owner/name>) [--config <file>] [--json]

What runs where: for every app and environment of the promotion config, the tag the environment's
manifests pin, and whether the environment is behind the one it is promoted from (its from, or the
environment listed before it when no environment names one).

  --dir <dir>                a work tree of the environment repository: only what the files say (an
                             environment with its own branch is read from that branch's commit)
  --repository <owner/name>  through the GitHub API (GITHUB_TOKEN, GITHUB_API_URL): each environment's
                             branch, the open promotion pull requests, the last deployment
  --config <file>            the promotion config (default: ${DEFAULT_CONFIG_PATH}, in --dir or in the repository)
  --json                     print {"environments","apps","cells":[{"app","environment","tags","pullRequest",
                             "deployment","behind","error"}],"behind":[{"app","environment","from","runs","available"}]}

exit status: 0 the matrix (also when something is behind); 1 an invalid config, a refusal from GitHub;
2 a usage error (neither or both of --dir and --repository).`;

export const statusCommand: Command = {
  name: 'status',
  summary: 'what runs where: the tag of every app in every environment, and what is behind',
  usage: USAGE,
  options: {
    dir: { type: 'string' },
    repository: { type: 'string' },
    config: { type: 'string' },
  },
  async run(values, _positionals, context) {
    const repository = optionalString(values, 'repository');
    const hasDir = optionalString(values, 'dir') !== undefined;
    if ((repository === undefined) === !hasDir) throw new UsageError('give one of --dir or --repository');
    const configOption = optionalString(values, 'config');
    let result;
    if (repository !== undefined) {
      const token = process.env.GITHUB_TOKEN;
      if (!token) throw new UsageError('--repository needs GITHUB_TOKEN in the environment');
      const name = checkRepositoryName(repository, '--repository');
      result = await readRepositoryStatus({
        client: createGitHubClient({ token, baseUrl: process.env.GITHUB_API_URL || DEFAULT_API_URL }),
        repository: { owner: name.owner, repo: name.name },
        configPath: configOption ?? DEFAULT_CONFIG_PATH,
      });
    } else {
      const dir = requireDirectory(values, 'dir', context.cwd);
      const configPath = resolve(dir, configOption ?? DEFAULT_CONFIG_PATH);
      result = await readLocalStatus(dir, configPath, readConfig(configPath));
    }
    for (const warning of result.warnings) context.stderr(`warning: ${warning}`);
    return { json: result.matrix, text: renderStatusText(result.matrix) };
  },
};

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
