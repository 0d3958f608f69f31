// `npm run local-github -- --port <n> --repos <dir>`: the local GitHub on its own, for trying the actions by
// hand and for outside checks. Prints the base URL as the first line of stdout and serves until a signal.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readFolder } from './folder.js';
import { startLocalGitHub, type FileContents } from './index.js';
import { parseTokensOption, TOKENS_HELP } from './tokens.js';

const HELP = `Usage: npm run local-github -- [--port <n>] [--repos <dir>] [--data <dir>] [--tokens <file or list>]
                                [--collaborators <list>]

Starts a local GitHub API on 127.0.0.1 backed by real bare git repositories.

  --port <n>     port to listen on (default: a free port)
  --repos <dir>  seed one repository per <dir>/<owner>/<name> folder; its files become the
                 first commit on "main"
  --data <dir>   where the bare repositories are kept (default: a temporary folder, removed on exit)
  ${TOKENS_HELP}
  --collaborators <list>
                 users and org/team names (comma separated) who may be asked to review pull
                 requests in the seeded repositories; others get GitHub's 422 "Reviews may only be
                 requested from collaborators" (the owner always may)
  --help         this text

The first line of stdout is the base URL: use it as GITHUB_API_URL (and <url>/graphql as
GITHUB_GRAPHQL_URL). Without --tokens any token is accepted, and requests without a token too.
Call counts: GET <url>/_local/calls (DELETE resets them). Faults: POST <url>/_local/faults with
{"kind":"502"|"503"|"secondary-rate-limit"|"rate-limit"|"drop","route":"PATCH /repos/{owner}/{repo}/git/refs/{ref}","nth":1}
(an unknown kind, field or route is refused with 400; two faults due on one call fail two calls in turn).
Received repository_dispatch events: GET <url>/_local/dispatches/<owner>/<name>.
Stops on SIGINT or SIGTERM.
`;

async function seed(reposDir: string): Promise<Array<[string, string, FileContents]>> {
  const seeds: Array<[string, string, FileContents]> = [];
  for (const owner of await readdir(reposDir, { withFileTypes: true })) {
    if (!owner.isDirectory()) continue;
    for (const name of await readdir(join(reposDir, owner.name), { withFileTypes: true })) {
      if (!name.isDirectory()) continue;
      seeds.push([owner.name, name.name, readFolder(join(reposDir, owner.name, name.name))]);
    }
  }
  return seeds;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      repos: { type: 'string' },
      data: { type: 'string' },
      tokens: { type: 'string' },
      collaborators: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: got ${values.port}, expected 0..65535`);
  if (values.repos !== undefined && !(await stat(values.repos)).isDirectory()) {
    throw new Error(`--repos: got ${values.repos}, expected a directory`);
  }
  const tokens = values.tokens === undefined ? undefined : parseTokensOption(values.tokens);
  const reviewers = (values.collaborators ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const access = {
    collaborators: reviewers.filter((name) => !name.includes('/')),
    teams: reviewers.filter((name) => name.includes('/')),
  };
  const seeds = values.repos === undefined ? [] : await seed(values.repos);
  const hub = await startLocalGitHub({
    port,
    ...(values.data === undefined ? {} : { reposDir: values.data }),
    ...(tokens && { tokens }),
  });
  for (const [owner, name, files] of seeds) await hub.createRepository(owner, name, files, access);
  process.stdout.write(`${hub.url}\n`);
  for (const [owner, name, files] of seeds) {
    process.stdout.write(`seeded ${owner}/${name} (${Object.keys(files).length} files)\n`);
  }
  for (const [token, { repos, permission }] of Object.entries(tokens ?? {})) {
    const sees = repos === '*' ? 'every repository' : (repos ?? []).join(', ');
    process.stdout.write(`token ${token.slice(0, 4)}...: ${permission ?? 'write'} on ${sees}\n`);
  }
  const stop = () => {
    hub.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`local-github: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
