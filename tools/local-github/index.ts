// A local GitHub for tests, the benchmark and the demo: a real HTTP server on 127.0.0.1 speaking GitHub's
// REST paths, backed by real bare git repositories. See README "Local GitHub".
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultBook, FaultSpecError, type FaultSpec } from './faults.js';
import { GitRepo } from './git.js';
import { ok, type Hub, type Reply } from './http.js';
import { handle, type ContentLimit, type RequestRecord, type ServerCore, type TokenAccess } from './server.js';
import {
  newId,
  nodeId,
  now,
  withRepoLock,
  type DispatchRecord,
  type IssueRecord,
  type PullRequestRecord,
  type Repository,
  type RepositorySettings,
} from './state.js';

export { FaultSpecError } from './faults.js';
export type { FaultKind, FaultSpec } from './faults.js';
export type { ContentLimit, RequestRecord, TokenAccess, TokenPermissions } from './server.js';
export type { DispatchRecord, IssueRecord, PullRequestRecord, RepositorySettings } from './state.js';

export interface LocalGitHubOptions {
  /** Where the bare repositories live (<dir>/<owner>/<name>.git). Default: a temporary folder removed by stop(). */
  reposDir?: string;
  /** Port on 127.0.0.1. Default 0: a free port. */
  port?: number;
  /** Token -> access. Absent: any token, or none, may do everything. */
  tokens?: Record<string, TokenAccess>;
  /** GitHub's secondary limit on content-creating requests, per token; none by default. */
  contentLimit?: ContentLimit;
}

export type FileContents = Record<string, string | Buffer>;

export interface CreateRepositoryOptions extends Partial<RepositorySettings> {
  /** Message of the first commit. Default "Initial commit". */
  message?: string;
  /** Logins who may be asked to review pull requests, besides the owner. Default none. */
  collaborators?: string[];
  /** Slugs (`platform`, or `acme/platform`) of the teams who may be asked to review. Default none. */
  teams?: string[];
  /** The repository's labels; adding any other to a pull request creates it (issues write). Default none. */
  labels?: string[];
}

export interface CreatedRepository {
  owner: string;
  name: string;
  gitDir: string;
  defaultBranch: string;
  /** The first commit, or undefined for an empty repository. */
  sha: string | undefined;
}

export interface PushOptions {
  branch: string;
  /** path -> new content; null deletes the path. */
  files: Record<string, string | Buffer | null>;
  message?: string;
  /** Parent commit; default the branch's current tip (a new branch starts from the default branch). */
  parent?: string;
  /** Who wrote the change (default: the local-github bot, who also commits it). */
  author?: { name: string; email: string };
}

const BOT = { name: 'local-github', email: 'local-github@users.noreply.local' };

export class LocalGitHub implements Hub {
  private readonly repos = new Map<string, Repository>();
  private readonly faultBook = new FaultBook();
  private readonly callCounts = new Map<string, number>();
  private readonly requestLog: RequestRecord[] = [];
  private readonly rateLimitUsed = new Map<string, number>();
  private readonly contentWrites = new Map<string, number[]>();
  private limit: ContentLimit | undefined;
  private tokenTable: Map<string, TokenAccess> | undefined;
  private baseUrl = '';

  private constructor(
    private readonly server: Server,
    readonly reposDir: string,
    private readonly ownsReposDir: boolean,
    tokens: Record<string, TokenAccess> | undefined,
  ) {
    this.tokenTable = tokens ? new Map(Object.entries(tokens)) : undefined;
  }

  /** Base URL of the API (use as octokit's baseUrl and GITHUB_API_URL), e.g. http://127.0.0.1:41234. */
  get url(): string {
    return this.baseUrl;
  }

  /** GraphQL endpoint (GITHUB_GRAPHQL_URL). */
  get graphqlUrl(): string {
    return `${this.baseUrl}/graphql`;
  }

  static async start(options: LocalGitHubOptions = {}): Promise<LocalGitHub> {
    const ownsReposDir = options.reposDir === undefined;
    const reposDir = options.reposDir ?? (await mkdtemp(join(tmpdir(), 'local-github-')));
    await mkdir(reposDir, { recursive: true });
    const server = createServer({ keepAliveTimeout: 5000 });
    const hub = new LocalGitHub(server, reposDir, ownsReposDir, options.tokens);
    hub.limit = options.contentLimit;
    server.on('request', (req, res) => {
      handle(hub.core(), req, res).catch((error: unknown) => {
        process.stderr.write(`local-github: ${String(error)}\n`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    hub.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return hub;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    if (this.ownsReposDir) await rm(this.reposDir, { recursive: true, force: true });
  }

  repository(owner: string, name: string): Repository | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  repositories(): Repository[] {
    return [...this.repos.values()];
  }

  private repositoryOrThrow(owner: string, name: string): Repository {
    const repo = this.repository(owner, name);
    if (!repo) throw new Error(`local GitHub has no repository ${owner}/${name}`);
    return repo;
  }

  /** Creates a bare repository; `files` (if any) become the first commit on the default branch ("main"). */
  async createRepository(
    owner: string,
    name: string,
    files: FileContents = {},
    options: CreateRepositoryOptions = {},
  ): Promise<CreatedRepository> {
    if (!/^[\w.-]+$/.test(owner) || !/^[\w.-]+$/.test(name))
      throw new Error(`invalid repository name ${owner}/${name}`);
    if (this.repository(owner, name)) throw new Error(`repository ${owner}/${name} already exists`);
    const { message = 'Initial commit', collaborators = [], teams = [], labels = [], ...overrides } = options;
    const settings: RepositorySettings = {
      defaultBranch: 'main',
      private: false,
      allowAutoMerge: true,
      allowMergeCommit: true,
      allowSquashMerge: true,
      allowRebaseMerge: true,
      deleteBranchOnMerge: false,
      description: null,
      ...overrides,
    };
    const git = await GitRepo.init(join(this.reposDir, owner, `${name}.git`), settings.defaultBranch);
    const id = newId();
    const repo: Repository = {
      id,
      nodeId: nodeId('Repository', id),
      owner,
      name,
      git,
      createdAt: now(),
      settings,
      collaborators: new Set([owner, ...collaborators].map((login) => login.toLowerCase())),
      teams: new Set(teams.map((team) => team.slice(team.indexOf('/') + 1).toLowerCase())),
      nextIssueNumber: 1,
      pulls: new Map(),
      issues: new Map(),
      issueLabels: new Map(),
      labels: new Set(labels.map((label) => label.toLowerCase())),
      comments: [],
      deployments: [],
      statuses: [],
      dispatches: [],
      writeQueue: Promise.resolve(),
    };
    this.repos.set(`${owner}/${name}`.toLowerCase(), repo);
    const sha =
      Object.keys(files).length === 0
        ? undefined
        : await git.importCommit(`refs/heads/${settings.defaultBranch}`, files, message, { ...BOT, date: now() });
    return { owner, name, gitDir: git.gitDir, defaultBranch: settings.defaultBranch, sha };
  }

  /** Commits straight to a branch, as someone pushing would (for races: the base moves under a client). */
  async pushCommit(owner: string, name: string, push: PushOptions): Promise<string> {
    const repo = this.repositoryOrThrow(owner, name);
    return withRepoLock(repo, async () => {
      const ref = `refs/heads/${push.branch}`;
      const parent =
        push.parent ??
        (await repo.git.readRef(ref)) ??
        (await repo.git.readRef(`refs/heads/${repo.settings.defaultBranch}`));
      const committer = { ...BOT, date: now() };
      const author = push.author === undefined ? undefined : { ...push.author, date: committer.date };
      return repo.git.importCommit(ref, push.files, push.message ?? 'Push', committer, parent, author);
    });
  }

  /** Path of the bare repository, for `git --git-dir <path> log` in tests. */
  gitDir(owner: string, name: string): string {
    return this.repositoryOrThrow(owner, name).git.gitDir;
  }

  /** Runs git in the bare repository and returns its trimmed stdout. */
  git(owner: string, name: string, args: string[]): Promise<string> {
    return this.repositoryOrThrow(owner, name).git.text(args);
  }

  /** The repository_dispatch events received, oldest first. */
  dispatches(owner: string, name: string): DispatchRecord[] {
    return [...this.repositoryOrThrow(owner, name).dispatches];
  }

  /** The pull requests of a repository by number (records, not API views). */
  pullRequests(owner: string, name: string): PullRequestRecord[] {
    return [...this.repositoryOrThrow(owner, name).pulls.values()];
  }

  /** The issues of a repository that are not pull requests, by number (records, not API views). */
  issues(owner: string, name: string): IssueRecord[] {
    return [...this.repositoryOrThrow(owner, name).issues.values()];
  }

  /** Calls per endpoint, keyed "METHOD /template", e.g. "POST /repos/{owner}/{repo}/git/commits". */
  calls(): Record<string, number> {
    return Object.fromEntries([...this.callCounts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  totalCalls(): number {
    return [...this.callCounts.values()].reduce((sum, count) => sum + count, 0);
  }

  /** Every counted request in arrival order, with its status (0 for a dropped connection). */
  requests(): RequestRecord[] {
    return [...this.requestLog];
  }

  resetCalls(): void {
    this.callCounts.clear();
    this.requestLog.length = 0;
  }

  /** Arms a fault; a spec that names an unknown kind or route (or has a typo) throws a FaultSpecError. */
  injectFault(spec: FaultSpec): void {
    this.faultBook.inject(spec);
  }

  clearFaults(): void {
    this.faultBook.clear();
  }

  /** Sets (or with undefined lifts) the content-creation limit; the count starts afresh. */
  setContentLimit(limit: ContentLimit | undefined): void {
    this.limit = limit;
    this.contentWrites.clear();
  }

  /** Adds or replaces a token; the first call switches the server from "any token" to checked tokens. */
  setToken(token: string, access: TokenAccess): void {
    this.tokenTable ??= new Map();
    this.tokenTable.set(token, access);
  }

  private core(): ServerCore {
    return {
      hub: this,
      tokens: () => this.tokenTable,
      faults: this.faultBook,
      calls: this.callCounts,
      log: this.requestLog,
      rateLimitUsed: this.rateLimitUsed,
      contentLimit: () => this.limit,
      contentWrites: this.contentWrites,
      local: (method, path, body) => this.local(method, path, body),
    };
  }

  /** GET/DELETE /_local/calls, POST /_local/faults, DELETE /_local/faults, GET /_local/dispatches/{owner}/{name}. */
  private async local(method: string, path: string, body: unknown): Promise<Reply> {
    if (path === '/_local/calls' && method === 'GET') return ok({ total: this.totalCalls(), calls: this.calls() });
    if (path === '/_local/calls' && method === 'DELETE') {
      this.resetCalls();
      return { status: 204 };
    }
    if (path === '/_local/requests' && method === 'GET') return ok(this.requests());
    if (path === '/_local/faults' && method === 'POST') {
      try {
        this.injectFault(body as FaultSpec);
      } catch (error) {
        if (error instanceof FaultSpecError) return { status: 400, body: { message: error.message } };
        throw error;
      }
      return { status: 201, body: body };
    }
    if (path === '/_local/faults' && method === 'DELETE') {
      this.clearFaults();
      return { status: 204 };
    }
    const dispatches = /^\/_local\/dispatches\/([^/]+)\/([^/]+)$/.exec(path);
    if (dispatches && method === 'GET' && this.repository(dispatches[1] ?? '', dispatches[2] ?? '')) {
      return ok(this.dispatches(dispatches[1] ?? '', dispatches[2] ?? ''));
    }
    return { status: 404, body: { message: 'Not Found' } };
  }
}

export function startLocalGitHub(options?: LocalGitHubOptions): Promise<LocalGitHub> {
  return LocalGitHub.start(options);
}
