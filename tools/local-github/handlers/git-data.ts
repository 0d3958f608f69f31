// The Git Data API: blobs, trees, commits and refs, each one a real object or ref in the bare repository.
import { ZERO_SHA, type Identity, type TreeChange } from '../git.js';
import { bodyOf, noContent, notFound, ok, stringField, unprocessable, type Context, type Handler } from '../http.js';
import { nodeId, now, withRepoLock, type Repository } from '../state.js';
import { apiBase, gitCommitView } from '../views.js';
import { requireNotEmpty } from './common.js';

function refView(context: Context, ref: string, sha: string, type: string) {
  const api = apiBase(context.hub, context.repo);
  const objectPath = type === 'tag' ? 'tags' : type === 'tree' ? 'trees' : type === 'blob' ? 'blobs' : 'commits';
  return {
    ref,
    node_id: nodeId('Ref', `${context.repo.id}:${ref}`),
    url: `${api}/git/${ref}`,
    object: { sha, type, url: `${api}/git/${objectPath}/${sha}` },
  };
}

export const getRef: Handler = async (context) => {
  await requireNotEmpty(context.repo);
  const wanted = `refs/${context.params.ref}`;
  const found = (await context.repo.git.listRefs()).find((entry) => entry.ref === wanted);
  if (!found) throw notFound();
  return ok(refView(context, found.ref, found.sha, found.type));
};

export const matchingRefs: Handler = async (context) => {
  const prefix = `refs/${context.params.ref ?? ''}`;
  const refs = (await context.repo.git.listRefs()).filter((entry) => entry.ref.startsWith(prefix));
  return ok(refs.map((entry) => refView(context, entry.ref, entry.sha, entry.type)));
};

async function objectOr422(repo: Repository, sha: string): Promise<string> {
  const type = await repo.git.objectType(sha);
  if (!type) throw unprocessable('Object does not exist');
  return type;
}

export const createRef: Handler = async (context) => {
  const body = bodyOf(context);
  const ref = stringField(body, 'ref') ?? '';
  const sha = stringField(body, 'sha') ?? '';
  if (!/^refs\/[^/]+\/.+/.test(ref))
    throw unprocessable("Reference name must start with 'refs/' and have at least two slashes.");
  const valid = await context.repo.git.git(['check-ref-format', ref], { okCodes: [1] });
  if (valid.code !== 0) throw unprocessable(`${ref} is not a valid ref name.`);
  await requireNotEmpty(context.repo);
  return withRepoLock(context.repo, async () => {
    const type = await objectOr422(context.repo, sha);
    const fullSha = await context.repo.git.text(['rev-parse', sha]);
    if (!(await context.repo.git.updateRef(ref, fullSha, ZERO_SHA))) throw unprocessable('Reference already exists');
    return ok(refView(context, ref, fullSha, type), 201);
  });
};

export const updateRef: Handler = async (context) => {
  const body = bodyOf(context);
  const ref = `refs/${context.params.ref}`;
  const sha = stringField(body, 'sha') ?? '';
  const force = body.force === true;
  return withRepoLock(context.repo, async () => {
    const old = await context.repo.git.readRef(ref);
    if (!old || !(await context.repo.git.listRefs()).some((entry) => entry.ref === ref)) {
      throw unprocessable('Reference does not exist');
    }
    const type = await objectOr422(context.repo, sha);
    const fullSha = await context.repo.git.text(['rev-parse', sha]);
    if (!force && !(type === 'commit' && (await context.repo.git.isAncestor(old, fullSha)))) {
      throw unprocessable('Update is not a fast forward');
    }
    if (!(await context.repo.git.updateRef(ref, fullSha, old))) throw unprocessable('Reference cannot be updated');
    return ok(refView(context, ref, fullSha, type));
  });
};

export const deleteRef: Handler = async (context) => {
  const ref = `refs/${context.params.ref}`;
  return withRepoLock(context.repo, async () => {
    const old = await context.repo.git.readRef(ref);
    if (!old || !(await context.repo.git.deleteRef(ref, old))) throw unprocessable('Reference does not exist');
    return noContent();
  });
};

export const createBlob: Handler = async (context) => {
  const body = bodyOf(context);
  await requireNotEmpty(context.repo);
  const encoding = stringField(body, 'encoding') ?? 'utf-8';
  const content = stringField(body, 'content') ?? '';
  if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'base64') {
    throw unprocessable(`encoding must be either 'utf-8' or 'base64'; got '${encoding}'`);
  }
  const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
  const sha = await context.repo.git.writeBlob(bytes);
  return ok({ sha, url: `${apiBase(context.hub, context.repo)}/git/blobs/${sha}` }, 201);
};

export const getBlob: Handler = async (context) => {
  const sha = context.params.file_sha ?? '';
  if ((await context.repo.git.objectType(sha)) !== 'blob') throw notFound();
  const full = await context.repo.git.text(['rev-parse', sha]);
  const bytes = await context.repo.git.readBlob(full);
  return ok({
    sha: full,
    node_id: nodeId('Blob', full),
    size: bytes.length,
    url: `${apiBase(context.hub, context.repo)}/git/blobs/${full}`,
    // GitHub wraps base64 at 60 characters; clients must decode it rather than compare strings.
    content: (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n',
    encoding: 'base64',
  });
};

async function treeView(context: Context, sha: string, recursive: boolean) {
  const api = apiBase(context.hub, context.repo);
  const all = await context.repo.git.lsTree(sha, recursive);
  const limit = recursive ? context.repo.settings.recursiveTreeLimit : undefined;
  const truncated = limit !== undefined && all.length > limit;
  const entries = truncated ? all.slice(0, limit) : all;
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    tree: entries.map((entry) => ({
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.size === undefined ? {} : { size: entry.size }),
      url: `${api}/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`,
    })),
    truncated,
  };
}

export const getTree: Handler = async (context) => {
  await requireNotEmpty(context.repo);
  const rev = context.params.tree_sha ?? '';
  if (rev.startsWith('-')) throw notFound();
  const result = await context.repo.git.git(['rev-parse', '--verify', '--quiet', `${rev}^{tree}`], {
    okCodes: [1, 128],
  });
  if (result.code !== 0) throw notFound();
  const recursive = ['1', 'true'].includes(context.query.get('recursive') ?? '');
  return ok(await treeView(context, result.stdout.toString('utf8').trim(), recursive));
};

const MODE_TYPES: Record<string, string> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit',
};

function checkPath(path: string): void {
  const parts = path.split('/');
  if (path === '' || parts.some((part) => part === '' || part === '.' || part === '..' || part === '.git')) {
    throw unprocessable(`tree.path contains a malformed path component: ${JSON.stringify(path)}`);
  }
}

export const createTree: Handler = async (context) => {
  const body = bodyOf(context);
  await requireNotEmpty(context.repo);
  const git = context.repo.git;
  const baseTree = stringField(body, 'base_tree');
  if (baseTree !== undefined && (await git.objectType(baseTree)) !== 'tree') {
    throw unprocessable('base_tree is not a valid tree oid');
  }
  const entries = Array.isArray(body.tree) ? (body.tree as Array<Record<string, unknown>>) : [];
  const changes: TreeChange[] = [];
  for (const entry of entries) {
    const path = stringField(entry, 'path') ?? '';
    const mode = stringField(entry, 'mode') ?? '';
    checkPath(path);
    const type = MODE_TYPES[mode];
    if (!type) throw unprocessable(`Must supply a valid tree.mode for ${path}`);
    if (entry.content !== undefined && entry.sha !== undefined) {
      throw unprocessable('Must supply either tree.sha or tree.content, not both.');
    }
    if (typeof entry.content === 'string') {
      if (type !== 'blob') throw unprocessable(`tree.content is only valid for blobs (${path})`);
      changes.push({ path, mode, sha: await git.writeBlob(Buffer.from(entry.content, 'utf8')) });
    } else if (entry.sha === null) {
      changes.push({ path, mode, sha: null });
    } else if (typeof entry.sha === 'string') {
      const actual = await git.objectType(entry.sha);
      if (actual !== type && !(type === 'commit' && /^[0-9a-f]{40}$/.test(entry.sha))) {
        throw unprocessable('GitRPC::BadObjectState');
      }
      changes.push({ path, mode, sha: actual ? await git.text(['rev-parse', entry.sha]) : entry.sha });
    } else {
      throw unprocessable(`Must supply tree.sha or tree.content for ${path}`);
    }
  }
  const sha = await git.buildTree(baseTree, changes);
  return ok(await treeView(context, sha, false), 201);
};

function identityFrom(value: unknown): Identity | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const name = stringField(record, 'name');
  const email = stringField(record, 'email');
  if (name === undefined || email === undefined) throw unprocessable('author and committer need a name and an email');
  const date = stringField(record, 'date');
  if (date !== undefined && Number.isNaN(Date.parse(date))) throw unprocessable(`${date} is not a valid date`);
  return date === undefined ? { name, email } : { name, email, date };
}

export const createCommit: Handler = async (context) => {
  const body = bodyOf(context);
  await requireNotEmpty(context.repo);
  const git = context.repo.git;
  const tree = stringField(body, 'tree') ?? '';
  if ((await git.objectType(tree)) !== 'tree') throw unprocessable('Tree SHA does not exist');
  const parents: string[] = [];
  for (const parent of Array.isArray(body.parents) ? (body.parents as string[]) : []) {
    if ((await git.objectType(parent)) !== 'commit') {
      throw unprocessable('Parent SHA does not exist or is not a commit object');
    }
    parents.push(await git.text(['rev-parse', parent]));
  }
  const fallback: Identity = { name: context.login, email: `${context.login}@users.noreply.local`, date: now() };
  const author = identityFrom(body.author);
  const committer = identityFrom(body.committer);
  // Commits made by the API with no custom identity are the ones GitHub signs, so they show as verified.
  const verified = author === undefined && committer === undefined;
  const message = stringField(body, 'message') ?? '';
  const sha = await git.commitTree(
    await git.text(['rev-parse', tree]),
    parents,
    message,
    author ?? fallback,
    committer ?? author ?? fallback,
  );
  return ok(gitCommitView(context.hub, context.repo, await git.readCommit(sha), verified), 201);
};

export const getCommit: Handler = async (context) => {
  const sha = context.params.commit_sha ?? '';
  if ((await context.repo.git.objectType(sha)) !== 'commit') throw notFound();
  const full = await context.repo.git.text(['rev-parse', sha]);
  return ok(gitCommitView(context.hub, context.repo, await context.repo.git.readCommit(full)));
};
