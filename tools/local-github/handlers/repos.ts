// Repository metadata, repository_dispatch, contents, commits, compare and tags.
import { ApiError, bodyOf, noContent, notFound, ok, paginate, unprocessable, type Handler } from '../http.js';
import { nodeId, now } from '../state.js';
import { apiBase, htmlBase, repositoryView, restCommitView } from '../views.js';
import { commitOr404, diffFiles, refOrDefault } from './common.js';

/** GitHub's documented limit for the serialised client_payload of a repository_dispatch. */
export const MAX_CLIENT_PAYLOAD_CHARS = 65_535;

export const getRepository: Handler = async (context) => ok(repositoryView(context.hub, context.repo, context.canPush));

export const createDispatch: Handler = async (context) => {
  const body = bodyOf(context);
  const payload = (body.client_payload ?? {}) as Record<string, unknown>;
  const size = JSON.stringify(payload).length;
  if (size > MAX_CLIENT_PAYLOAD_CHARS) {
    throw unprocessable(
      `Invalid request.\n\nclient_payload is too large (${size} characters, maximum is ${MAX_CLIENT_PAYLOAD_CHARS}).`,
    );
  }
  context.repo.dispatches.push({ event_type: String(body.event_type), client_payload: payload, received_at: now() });
  return noContent();
};

function wrapBase64(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';
}

// Above 1 MB GitHub's contents API leaves `content` empty (encoding "none"); clients must use the blob API.
const CONTENTS_INLINE_LIMIT = 1024 * 1024;

export const getContents: Handler = async (context) => {
  const { repo, hub } = context;
  if (await repo.git.isEmpty()) throw notFound('This repository is empty.');
  const commit = await refOrDefault(context);
  const ref = context.query.get('ref') ?? repo.settings.defaultBranch;
  const path = (context.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const api = apiBase(hub, repo);
  const html = htmlBase(hub, repo);
  const describe = (entry: { path: string; type: string; sha: string; size?: number }) => {
    const name = entry.path.split('/').pop() ?? entry.path;
    const kind = entry.type === 'tree' ? 'dir' : entry.type === 'commit' ? 'submodule' : 'file';
    const url = `${api}/contents/${entry.path}?ref=${encodeURIComponent(ref)}`;
    const gitUrl = `${api}/git/${kind === 'dir' ? 'trees' : 'blobs'}/${entry.sha}`;
    const htmlUrl = `${html}/${kind === 'dir' ? 'tree' : 'blob'}/${ref}/${entry.path}`;
    return {
      type: kind,
      name,
      path: entry.path,
      sha: entry.sha,
      size: entry.size ?? 0,
      url,
      html_url: htmlUrl,
      git_url: gitUrl,
      download_url: kind === 'file' ? `${html}/raw/${ref}/${entry.path}` : null,
      _links: { self: url, git: gitUrl, html: htmlUrl },
    };
  };
  if (path === '') {
    const entries = await repo.git.lsTree(commit, false);
    return ok(entries.map((entry) => describe(entry)));
  }
  const entry = await repo.git.entryAt(commit, path);
  if (!entry) throw notFound();
  if (entry.type === 'tree') {
    const children = await repo.git.lsTree(entry.sha, false);
    return ok(children.map((child) => describe({ ...child, path: `${path}/${child.path}` })));
  }
  const bytes = await repo.git.readBlob(entry.sha);
  const accept = String(context.headers.accept ?? '');
  if (accept.includes('application/vnd.github.raw') || accept.includes('application/vnd.github.v3.raw')) {
    return { status: 200, body: bytes, headers: { 'content-type': 'application/vnd.github.raw' } };
  }
  const inline = bytes.length <= CONTENTS_INLINE_LIMIT;
  return ok({
    ...describe(entry),
    encoding: inline ? 'base64' : 'none',
    content: inline ? wrapBase64(bytes) : '',
    ...(entry.mode === '120000' ? { type: 'symlink', target: bytes.toString('utf8') } : {}),
  });
};

export const getRestCommit: Handler = async (context) => {
  const { repo, hub } = context;
  if (await repo.git.isEmpty()) throw new ApiError(409, 'Git Repository is empty.');
  const sha = await commitOr404(repo, context.params.ref ?? '');
  const commit = await repo.git.readCommit(sha);
  const parent = commit.parents[0];
  const files = await diffFiles(hub, repo, parent ?? (await emptyTree(context)), sha);
  const additions = files.reduce((sum, file) => sum + file.additions, 0);
  const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
  return ok({
    ...restCommitView(hub, repo, commit),
    stats: { total: additions + deletions, additions, deletions },
    files,
  });
};

async function emptyTree(context: Parameters<Handler>[0]): Promise<string> {
  return context.repo.git.text(['hash-object', '-t', 'tree', '-w', '--stdin'], { input: '' });
}

export const compareCommits: Handler = async (context) => {
  const { repo, hub } = context;
  const basehead = context.params.basehead ?? '';
  const match = /^(.+?)\.\.\.?(.+)$/.exec(basehead);
  if (!match) throw notFound();
  const [, baseRev = '', headRev = ''] = match;
  const base = await repo.git.resolveCommit(baseRev);
  const head = await repo.git.resolveCommit(headRev);
  if (!base || !head) throw notFound();
  const mergeBase = await repo.git.mergeBase(base, head);
  if (!mergeBase) throw notFound(`No common ancestor between ${baseRev} and ${headRev}.`);
  const count = async (range: string) => Number(await repo.git.text(['rev-list', '--count', range]));
  const [aheadBy, behindBy] = await Promise.all([count(`${base}..${head}`), count(`${head}..${base}`)]);
  const status =
    aheadBy === 0 && behindBy === 0 ? 'identical' : behindBy === 0 ? 'ahead' : aheadBy === 0 ? 'behind' : 'diverged';
  const shas = (await repo.git.text(['rev-list', '--reverse', '--max-count=250', `${base}..${head}`]))
    .split('\n')
    .filter((sha) => sha !== '');
  const commits = await Promise.all(shas.map(async (sha) => restCommitView(hub, repo, await repo.git.readCommit(sha))));
  const html = htmlBase(hub, repo);
  return ok({
    url: `${apiBase(hub, repo)}/compare/${basehead}`,
    html_url: `${html}/compare/${basehead}`,
    permalink_url: `${html}/compare/${base}...${head}`,
    diff_url: `${html}/compare/${basehead}.diff`,
    patch_url: `${html}/compare/${basehead}.patch`,
    base_commit: restCommitView(hub, repo, await repo.git.readCommit(base)),
    merge_base_commit: restCommitView(hub, repo, await repo.git.readCommit(mergeBase)),
    status,
    ahead_by: aheadBy,
    behind_by: behindBy,
    total_commits: aheadBy,
    commits,
    files: await diffFiles(hub, repo, mergeBase, head),
  });
};

/**
 * GET /repos/{owner}/{repo}/commits: the history of `sha` (default branch when absent), newest first,
 * only the commits that changed `path` (a file or a folder) when it is given, as `git log -- path` simplifies it.
 */
export const listCommits: Handler = async (context) => {
  const { repo, hub } = context;
  if (await repo.git.isEmpty()) throw new ApiError(409, 'Git Repository is empty.');
  const head = await commitOr404(repo, context.query.get('sha') ?? repo.settings.defaultBranch);
  const path = context.query.get('path');
  const args = ['log', '--format=%H', head, ...(path ? ['--', path.replace(/^\/+|\/+$/g, '')] : [])];
  const shas = (await repo.git.text(args)).split('\n').filter((line) => line !== '');
  const page = paginate(context, shas);
  const commits = await Promise.all(page.body.map((sha) => repo.git.readCommit(sha)));
  return { ...page, body: commits.map((commit) => restCommitView(hub, repo, commit)) };
};

/**
 * GET /tags: every tag with the commit it names (an annotated tag peeled to its commit), paginated.
 * GitHub documents no order; newest version first, as it tends to answer, so callers must not rely on it.
 */
export const listTags: Handler = async (context) => {
  const { repo, hub } = context;
  const out = await repo.git.text([
    'for-each-ref',
    '--sort=-v:refname',
    '--format=%(refname:strip=2) %(objectname) %(*objectname)',
    'refs/tags',
  ]);
  const html = htmlBase(hub, repo);
  const api = apiBase(hub, repo);
  const tags = (out === '' ? [] : out.split('\n')).map((line) => {
    const [name = '', object = '', peeled = ''] = line.split(' ');
    const sha = peeled === '' ? object : peeled;
    return {
      name,
      commit: { sha, url: `${api}/commits/${sha}` },
      zipball_url: `${html}/zipball/refs/tags/${name}`,
      tarball_url: `${html}/tarball/refs/tags/${name}`,
      node_id: nodeId('Ref', `${repo.owner}/${repo.name}/refs/tags/${name}`),
    };
  });
  return paginate(context, tags);
};
