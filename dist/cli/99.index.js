(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 99;
const ids = [99];
const modules = {

/***/ 1099:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollbackCommand: () => (/* binding */ rollbackCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/config/index.ts + 2 modules
var core_config = __webpack_require__(8536);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/payload/index.ts
var payload = __webpack_require__(6030);
// EXTERNAL MODULE: ./src/core/promotion/index.ts + 8 modules
var core_promotion = __webpack_require__(7646);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
;// CONCATENATED MODULE: ./src/core/rollback/index.ts


/** Longest reason kept: a PR body and a summary line, not an essay. */
const MAX_REASON_LENGTH = 500;
function imageOfReference(reference, image) {
    try {
        const parsed = (0,image_ref/* parseImageReference */.o_)(reference);
        if (!(0,image_ref/* sameRepository */.RB)(parsed, image) || parsed.tag === undefined)
            return undefined;
        return parsed.digest ? { tag: parsed.tag, digest: parsed.digest } : { tag: parsed.tag };
    }
    catch {
        return undefined;
    }
}
/** The app's images in a deployment payload (`{images: ["repo:tag@digest", ...]}`, an object or its JSON text). */
function deployedImages(payload, image) {
    let value = payload;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            return [];
        }
    }
    const images = value?.images;
    if (!Array.isArray(images))
        return [];
    return images
        .filter((entry) => typeof entry === 'string')
        .map((entry) => imageOfReference(entry, image))
        .filter((entry) => entry !== undefined);
}
const tagsOf = (images) => images.map((image) => image.tag);
/** The newest successful deployment whose images of the app differ from what runs now. */
function targetFromDeployments(deployments, image, running) {
    const now = new Set(tagsOf(running));
    for (const deployment of deployments) {
        if (!deployment.succeeded)
            continue;
        const deployed = deployedImages(deployment.payload, image);
        const other = deployed.find((candidate) => !now.has(candidate.tag));
        if (other === undefined)
            continue;
        return {
            ...other,
            kind: 'deployment',
            basis: `deployment ${deployment.id} of ${deployment.createdAt} (commit ${deployment.sha.slice(0, 12)}) ran ${other.tag}`,
        };
    }
    return undefined;
}
/** The newest state of the manifests' history (newest first) whose tags of the app differ from what runs now. */
function targetFromHistory(states, running) {
    const now = new Set(tagsOf(running));
    for (const state of states) {
        if (state.running.length === 0)
            continue;
        const then = new Set(tagsOf(state.running));
        const same = then.size === now.size && [...then].every((tag) => now.has(tag));
        if (same)
            continue;
        const chosen = state.running.find((candidate) => !now.has(candidate.tag)) ?? state.running[0];
        return {
            ...chosen,
            kind: 'history',
            basis: `the manifests at commit ${state.commit.slice(0, 12)} ran ${chosen.tag}`,
        };
    }
    return undefined;
}
/** The tag asked for: a valid tag that the environment does not already run everywhere. */
function targetFromInput(to, running, environment, field = 'to') {
    if (!(0,image_ref/* isValidTag */.r_)(to) || to === 'latest') {
        throw (0,errors/* invalid */.Gq)(field, to, 'an image tag (letters, digits, _ . -, at most 128 characters; not latest)');
    }
    const tags = tagsOf(running);
    if (tags.length > 0 && tags.every((tag) => tag === to)) {
        throw (0,errors/* invalid */.Gq)(field, to, `a tag other than the one ${environment} runs now (${to}): nothing to roll back`);
    }
    return { tag: to, kind: 'input', basis: `asked for: ${to}` };
}
function nothingToRollBackTo(app, environment, running, looked) {
    return new errors/* UserError */.yo(`nothing to roll back to: ${app} in ${environment} runs ${tagsOf(running).join(', ')}, and ${looked.join(' and ')} ` +
        `show no other image of it; give the tag to roll back to (to, or --to)`);
}
/** The reason as given, on one line and bounded (it is untrusted text: rendering passes core/text). */
function rollbackReason(reason) {
    const flat = (reason ?? '').replace(/\s+/g, ' ').trim();
    return flat.length > MAX_REASON_LENGTH ? `${flat.slice(0, MAX_REASON_LENGTH - 1)}\u2026` : flat;
}
/** The request that puts the app back on the target: bump's machinery with the `rollback` intent. */
function rollbackRequest(app, environment, target, reason) {
    return {
        app: app.name,
        image: app.image,
        tag: target.tag,
        ...(target.digest !== undefined && { digest: target.digest }),
        environment: environment.name,
        intent: 'rollback',
        provenance: { kind: 'rollback', reason: rollbackReason(reason), basis: target.basis },
    };
}

// EXTERNAL MODULE: ./src/core/text/untrusted.ts
var untrusted = __webpack_require__(9069);
;// CONCATENATED MODULE: ./src/core/rollback/render.ts
// The rollback's text for the job summary and the command line: what is rolled back, from what to
// what, why, where the target came from, and the places that change. Every value that did not come
// from us passes core/text.



/** Markdown for the job summary. */
function renderRollbackSummary(view) {
    const pull = view.pullRequest ? ` (${pullLink(view.pullRequest)})` : '';
    const from = view.from.length > 0 ? view.from.map((tag) => codeSpan(tag)).join(', ') : '(nothing)';
    const lines = [
        `### Roll back ${inertText(view.app)} in ${inertText(view.environment)}: ${inertText(view.operation)}${pull}`,
        '',
        `From ${from} to ${codeSpan(view.to)}.`,
        '',
        `- Reason: ${view.why === '' ? '(none given)' : inertText(view.why)}`,
        `- Target: ${inertText(view.basis)}`,
        `- Outcome: ${inertText(view.reason)}`,
        '',
    ];
    if (view.changes.length > 0)
        lines.push(renderChangeTable(view.changes), '');
    for (const warning of view.warnings)
        lines.push(`> ${inertText(warning)}`, '');
    return lines.join('\n');
}
/** Plain text for the command line: one line per change, then what was (or would be) done. */
function renderRollbackText(view) {
    const lines = [
        (0,untrusted/* forLog */.Ig)(`roll back ${view.app} in ${view.environment} from ${view.from.join(', ')} to ${view.to} (${view.basis})`),
        ...view.changes.map((change) => (0,untrusted/* forLog */.Ig)(`${change.file}:${change.line} ${change.path}: ${change.old} -> ${change.new}`)),
        (0,untrusted/* forLog */.Ig)(`${view.operation}: ${view.reason}`),
    ];
    return lines.join('\n');
}
function pullLink(pull) {
    const url = linkDestination(pull.url);
    return url === undefined ? `#${pull.number}` : `[#${pull.number}](${url})`;
}

// EXTERNAL MODULE: ./src/core/promotion/running.ts
var running = __webpack_require__(2526);
// EXTERNAL MODULE: ./src/github/deployments.ts
var deployments = __webpack_require__(6887);
;// CONCATENATED MODULE: ./src/github/history.ts
async function commitsTouching(client, repository, head, path, limit = 30) {
    const { data } = await client.rest.repos.listCommits({
        ...repository,
        sha: head,
        ...(path !== '' && { path }),
        per_page: limit,
    });
    return data.map((commit) => commit.sha);
}

// EXTERNAL MODULE: ./src/github/repository.ts
var github_repository = __webpack_require__(651);
// EXTERNAL MODULE: ./src/github/failures.ts
var failures = __webpack_require__(8112);
;// CONCATENATED MODULE: ./src/github/branch-writer.ts

const REF_UPDATE_FAILED = /reference update failed/i;
async function writeTree(client, repository, baseTree, files) {
    const { data } = await client.rest.git.createTree({
        ...repository,
        base_tree: baseTree,
        tree: files.map((file) => ({
            path: file.path,
            mode: file.mode,
            type: 'blob',
            content: file.content,
        })),
    });
    return data.sha;
}
async function writeCommit(client, repository, message, tree, parents) {
    const { data } = await client.rest.git.createCommit({ ...repository, message, tree, parents });
    return data.sha;
}
/** 'exists' when the branch is already there (this run's earlier attempt, another run, or a person). */
async function createBranch(client, repository, branch, sha) {
    try {
        await client.rest.git.createRef({ ...repository, ref: `refs/heads/${branch}`, sha });
        return 'created';
    }
    catch (error) {
        const failure = (0,failures/* requestFailure */.SU)(error);
        if (failure?.status === 422 && /already exists/i.test(failure.message))
            return 'exists';
        // GitHub's intermittent 422 under load: the ref may or may not exist; the caller reads it and decides again.
        if (failure?.status === 422 && REF_UPDATE_FAILED.test(failure.message))
            return 'exists';
        throw error;
    }
}
/** Fast-forwards the branch; 'moved' when it no longer descends from what we built on (someone wrote first). */
async function fastForwardBranch(client, repository, branch, sha) {
    try {
        await client.rest.git.updateRef({ ...repository, ref: `heads/${branch}`, sha, force: false });
        return 'updated';
    }
    catch (error) {
        const failure = (0,failures/* requestFailure */.SU)(error);
        if (failure?.status === 422 && /fast.forward/i.test(failure.message))
            return 'moved';
        // Lost like a race: the caller re-reads the branch and decides again.
        if (failure?.status === 422 && REF_UPDATE_FAILED.test(failure.message))
            return 'moved';
        if (failure?.status === 422 && /does not exist|not found/i.test(failure.message))
            return 'missing';
        if (failure?.status === 404)
            return 'missing';
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/github/comments.ts

const MAX_COMMENT_LENGTH = 65536;
/** Room kept for the marker, the part heading and the continuation notice. */
const RESERVED = 600;
/** A create whose answer was lost may have been posted: each new try looks for it first. */
const CREATE_ATTEMPTS = 4;
/** The hidden marker that finds a single comment an action posted. */
function commentMarker(key) {
    return `<!-- gitops-promote:${key.replace(/--|>/g, '')} -->`;
}
function partMarkerPrefix(key) {
    return `<!-- gitops-promote:${key.replace(/-->/g, '')} part=`;
}
async function listComments(client, repo, issue) {
    const comments = await client.paginate(client.rest.issues.listComments, {
        ...repo,
        issue_number: issue,
        per_page: 100,
    });
    return comments.map((comment) => ({ id: comment.id, body: comment.body ?? '' }));
}
/**
 * Posts `body` unless a comment that `isIt` recognises is already there. Not retried blindly: GitHub may
 * have posted it and lost the answer, so each retry lists the comments and looks for it first.
 */
async function createOnce(client, repo, issue, body, isIt) {
    for (let attempt = 1;; attempt++) {
        if (attempt > 1) {
            const found = (await listComments(client, repo, issue)).find((comment) => isIt(comment.body));
            if (found) {
                if (found.body !== body)
                    await client.rest.issues.updateComment({ ...repo, comment_id: found.id, body });
                return { id: found.id, created: false };
            }
        }
        try {
            const { data } = await client.rest.issues.createComment({
                ...repo,
                issue_number: issue,
                body,
                request: { retries: 0 },
            });
            return { id: data.id, created: true };
        }
        catch (error) {
            const status = (0,failures/* requestFailure */.SU)(error)?.status;
            if (attempt >= CREATE_ATTEMPTS || (status !== undefined && status < 500))
                throw error;
        }
    }
}
/** Posts the comment, or updates the one already carrying `marker` (appended to the body): one per marker. */
async function upsertComment(client, repo, issue, marker, body) {
    const text = `${body}\n\n${marker}`;
    const isIt = (candidate) => candidate.includes(marker);
    const found = (await listComments(client, repo, issue)).find((comment) => isIt(comment.body));
    if (found) {
        if (found.body !== text)
            await client.rest.issues.updateComment({ ...repo, comment_id: found.id, body: text });
        return;
    }
    await createOnce(client, repo, issue, text, isIt);
}
/** Splits the report into comment bodies, each below the limit. */
function splitReport(report, limit = MAX_COMMENT_LENGTH) {
    const budget = limit - RESERVED;
    const groups = [[]];
    let used = report.header.length;
    for (const raw of report.sections) {
        const section = raw.length > budget ? `${raw.slice(0, budget - 80)}\n\n_(this section was cut at GitHub's comment limit)_` : raw;
        const current = groups[groups.length - 1];
        if (current.length > 0 && used + section.length + 2 > budget) {
            groups.push([section]);
            used = section.length;
        }
        else {
            current.push(section);
            used += section.length + 2;
        }
    }
    return groups.map((sections, index) => {
        const parts = groups.length;
        const marker = `${partMarkerPrefix(report.key)}${index + 1} -->`;
        const head = index === 0 ? report.header : `_Continued (part ${index + 1} of ${parts})._`;
        const notice = index < parts - 1 ? `\n\n_The report continues in the next comment (part ${index + 2} of ${parts})._` : '';
        return `${marker}\n${head}\n\n${sections.join('\n\n')}${notice}`;
    });
}
/** The part number a body's leading marker gives, or undefined when the body is not a part of `key`. */
function partOf(key, body) {
    const prefix = partMarkerPrefix(key);
    if (!body.startsWith(prefix))
        return undefined;
    const part = Number(/^(\d+) -->/.exec(body.slice(prefix.length))?.[1]);
    return Number.isInteger(part) && part > 0 ? part : undefined;
}
/** Creates, updates in place and deletes comments so that the pull request shows exactly this report. */
async function upsertReportComment(client, repo, issue, report) {
    const bodies = splitReport(report);
    const existing = (await listComments(client, repo, issue))
        .map((comment) => ({ ...comment, part: partOf(report.key, comment.body) }))
        .filter((comment) => comment.part !== undefined)
        .sort((a, b) => a.part - b.part || a.id - b.id);
    const byPart = new Map();
    const duplicates = [];
    for (const comment of existing) {
        if (byPart.has(comment.part))
            duplicates.push(comment.id);
        else
            byPart.set(comment.part, comment.id);
    }
    const result = { created: 0, updated: 0, deleted: 0, ids: [] };
    for (const [index, body] of bodies.entries()) {
        const id = byPart.get(index + 1);
        if (id !== undefined) {
            await client.rest.issues.updateComment({ ...repo, comment_id: id, body });
            result.updated++;
            result.ids.push(id);
            continue;
        }
        const posted = await createOnce(client, repo, issue, body, (candidate) => partOf(report.key, candidate) === index + 1);
        if (posted.created)
            result.created++;
        else
            result.updated++;
        result.ids.push(posted.id);
    }
    const leftovers = [...duplicates, ...[...byPart].filter(([part]) => part > bodies.length).map(([, id]) => id)];
    for (const id of leftovers) {
        await client.rest.issues.deleteComment({ ...repo, comment_id: id });
        result.deleted++;
    }
    return result;
}

;// CONCATENATED MODULE: ./src/github/pulls.ts


function summary(data) {
    return {
        number: data.number,
        url: data.html_url,
        nodeId: data.node_id,
        title: data.title,
        headSha: data.head.sha,
        baseSha: data.base.sha,
        baseRef: data.base.ref,
        body: data.body ?? '',
        labels: data.labels.map((label) => label.name ?? ''),
        reviewers: (data.requested_reviewers ?? []).map((user) => user.login.toLowerCase()),
        teams: (data.requested_teams ?? []).map((team) => team.slug.toLowerCase()),
        autoMerge: data.auto_merge !== null && data.auto_merge !== undefined,
        state: data.state === 'closed' ? 'closed' : 'open',
        merged: data.merged === true,
    };
}
async function findOpenPulls(client, repository, branch, base) {
    const { data } = await client.rest.pulls.list({
        ...repository,
        head: `${repository.owner}:${branch}`,
        state: 'open',
        per_page: 100,
    });
    const pulls = data.map((item) => summary(item));
    return {
        onBase: pulls.find((pull) => pull.baseRef === base),
        otherBases: pulls.filter((pull) => pull.baseRef !== base),
    };
}
/**
 * The body of the newest merged pull request of a branch into `base` (among the 30 last closed ones),
 * e.g. the promotion that brought an image into an environment; undefined when none was merged.
 */
async function lastMergedPullBody(client, repository, branch, base) {
    const { data } = await client.rest.pulls.list({
        ...repository,
        head: `${repository.owner}:${branch}`,
        base,
        state: 'closed',
        sort: 'updated',
        direction: 'desc',
        per_page: 30,
    });
    const merged = data
        .filter((item) => item.merged_at !== null)
        .sort((a, b) => (b.merged_at ?? '').localeCompare(a.merged_at ?? ''))[0];
    return merged && { number: merged.number, body: merged.body ?? '' };
}
async function findOpenPull(client, repository, branch, base) {
    return (await findOpenPulls(client, repository, branch, base)).onBase;
}
/** Re-asks of "No commits between" after a push, waiting 1, 2, 3 ... times `delayMs` (about 10 s in all by default). */
const NO_COMMITS_ATTEMPTS = 5;
/**
 * Opens the PR; undefined when GitHub says one is already open for this head (a concurrent run won).
 * The branch was just pushed with a commit the base lacks: GitHub's "No commits between" then means
 * it has not seen the push yet, so it is asked again a bounded number of times.
 */
async function openPull(client, repository, branch, base, text, delayMs = 1000) {
    for (let attempt = 1;; attempt++) {
        try {
            const { data } = await client.rest.pulls.create({
                ...repository,
                head: branch,
                base,
                ...text,
                maintainer_can_modify: false,
            });
            return summary(data);
        }
        catch (error) {
            const failure = (0,failures/* requestFailure */.SU)(error);
            if (failure?.status === 422 && /already exists/i.test(failure.message))
                return undefined;
            if (failure?.status !== 422 || !/no commits between/i.test(failure.message) || attempt >= NO_COMMITS_ATTEMPTS) {
                throw error;
            }
            await new Promise((resolve) => setTimeout(resolve, attempt * delayMs));
        }
    }
}
async function updatePull(client, repository, number, text) {
    const { data } = await client.rest.pulls.update({ ...repository, pull_number: number, ...text });
    return summary(data);
}
async function readPull(client, repository, number) {
    const { data } = await client.rest.pulls.get({ ...repository, pull_number: number });
    return summary(data);
}
/** Reopens a PR closed by someone else's decision; false when GitHub refuses (merged, branch deleted, another open). */
async function reopenPull(client, repository, number) {
    try {
        await client.rest.pulls.update({ ...repository, pull_number: number, state: 'open' });
        return true;
    }
    catch (error) {
        if ((0,failures/* requestFailure */.SU)(error)?.status === 422)
            return false;
        throw error;
    }
}
/**
 * Closes the PR only if its head is still the commit that was judged (`judgedHead`): read right before
 * closing, and again after, so an older decision never closes a PR that a concurrent run has just moved
 * to a newer promotion. The comment is posted first (so a failed close is retried by the next run) and
 * is kept by its hidden marker, never duplicated. Without a judged head (a PR superseded whatever it
 * shows, such as one into a base the environment left) it closes unconditionally.
 */
async function closePullIfHead(client, repository, pull, comment, marker) {
    if (pull.judgedHead === undefined) {
        await upsertComment(client, repository, pull.number, marker, comment);
        await client.rest.pulls.update({ ...repository, pull_number: pull.number, state: 'closed' });
        return 'closed';
    }
    const before = await readPull(client, repository, pull.number);
    if (before.state !== 'open')
        return 'moved';
    // A PR shows a push a moment late: one that shows another head than judged is asked of its branch,
    // which is never late, and is left alone only when the branch has really moved.
    if (before.headSha !== pull.judgedHead && (await branchHead(client, repository, pull.branch)) !== pull.judgedHead) {
        return 'moved';
    }
    await upsertComment(client, repository, pull.number, marker, comment);
    await client.rest.pulls.update({ ...repository, pull_number: pull.number, state: 'closed' });
    // The branch again, not the head the answer shows (it may lag): moved meanwhile, the PR is reopened.
    const head = await branchHead(client, repository, pull.branch);
    if (head === undefined || head === pull.judgedHead)
        return 'closed';
    return (await reopenPull(client, repository, pull.number)) ? 'reopened' : 'closed';
}
async function branchHead(client, repository, branch) {
    try {
        return (await client.rest.git.getRef({ ...repository, ref: `heads/${branch}` })).data.object.sha;
    }
    catch (error) {
        if ((0,failures/* requestFailure */.SU)(error)?.status !== 404)
            throw error;
        return undefined;
    }
}
/** Labels, reviewers and auto-merge as asked; returns warnings for what GitHub refused. */
async function applyPullSettings(client, repository, pull, settings) {
    const warnings = [];
    const attempt = async (what, work, hint) => {
        try {
            await work();
        }
        catch (error) {
            const failure = (0,failures/* requestFailure */.SU)(error);
            if (failure === undefined && !(error instanceof Error && error.name === 'GraphqlResponseError'))
                throw error;
            const said = error.message.replace(/ - https?:\/\/\S+$/, '');
            const accepted = (0,failures/* acceptedPermissionsText */.pJ)(failure?.acceptedPermissions);
            const needs = accepted
                ? ` GitHub accepts this call with ${accepted.app} (${accepted.workflow} for GITHUB_TOKEN).`
                : '';
            warnings.push(`could not ${what} on pull request #${pull.number}: ${said}.${needs} ${typeof hint === 'string' ? hint : hint(said)}`);
        }
    };
    const missingLabels = settings.labels.filter((label) => !pull.labels.includes(label));
    if (missingLabels.length > 0) {
        await attempt(`add labels ${missingLabels.join(', ')}`, () => client.rest.issues.addLabels({ ...repository, issue_number: pull.number, labels: missingLabels }), 'Adding a label the repository does not have yet creates it, which needs "Issues: Read and write" for a ' +
            'GitHub App or fine-grained token (issues: write for GITHUB_TOKEN); or create the labels once by hand.');
    }
    const users = settings.reviewers.users.filter((user) => !pull.reviewers.includes(user.toLowerCase()));
    const teams = settings.reviewers.teams.filter((team) => !pull.teams.includes(team.toLowerCase()));
    if (users.length > 0 || teams.length > 0) {
        await attempt(`request reviews from ${[...users, ...teams].join(', ')}`, () => client.rest.pulls.requestReviewers({
            ...repository,
            pull_number: pull.number,
            reviewers: users,
            team_reviewers: teams,
        }), 'GitHub asks for reviews only from collaborators of the repository and teams with access to it: add them, ' +
            'or change the reviewers asked for.');
    }
    if (settings.autoMerge !== false && !pull.autoMerge) {
        const mergeMethod = settings.autoMerge.toUpperCase();
        await attempt('enable auto-merge', () => client.graphql(`mutation($pull: ID!, $how: PullRequestMergeMethod!) {
          enablePullRequestAutoMerge(input: {pullRequestId: $pull, mergeMethod: $how}) { clientMutationId }
        }`, { pull: pull.nodeId, how: mergeMethod }), (said) => /clean status|protected branch rules not configured/i.test(said)
            ? `GitHub enables auto-merge only while something the base branch requires is still pending, and ` +
                `${pull.baseRef} requires nothing yet, so auto-merge would merge before validation: make the validate ` +
                `check required on ${pull.baseRef} (Settings > Branches, a rule with "Require status checks to pass ` +
                `before merging" and the validate check), and auto-merge waits for it. The pull request was not merged.`
            : `Auto-merge needs "Allow auto-merge" in the repository's settings and the ${mergeMethod.toLowerCase()} ` +
                'merge method allowed, or turn auto-merge off.');
    }
    return warnings;
}

// EXTERNAL MODULE: ./src/github/token.ts
var token = __webpack_require__(942);
// EXTERNAL MODULE: ./src/flows/plan.ts
var plan = __webpack_require__(530);
;// CONCATENATED MODULE: ./src/flows/bump.ts
// The bump, end to end against the GitHub API and without a clone: read the config and the few
// files that can reference the app, plan and decide (core), then write one commit on
// `gitops-promote/<env>/<app>` and open or update that branch's single pull request (adapters).
// The flow has no policy of its own: every verdict comes from src/core/promotion, and when the
// world moved under it (the base branch, the promotion branch) it reads and plans again.
//
// Concurrency: refs are never forced. The first commit of a branch has the base as its parent and
// is published with "create ref", which fails if the branch exists. Later commits have two parents
// (the base, and the branch head they replace) with the tree rebuilt from the base, so the update
// is a fast-forward that GitHub refuses when another run moved the branch first; the loser re-reads
// what the branch carries and decides again. The pull request's diff against the base is only the
// new tag bytes, because the base is a parent of the head.










// Each lost round means another run moved the branch; a burst of dispatches for one app can make a
// run lose several in a row, so it backs off a random, growing while before reading it again.
const MAX_BRANCH_ROUNDS = 30;
const ROUND_BACKOFF_MS = 40;
const MAX_BODY_ROUNDS = 4;
const runPhase = (_phase, work) => work();
/** Bumps, and turns GitHub's refusals (401, 403, 404 ...) into messages that say what was done and what to fix. */
async function bumpEnvironment(options) {
    const { client, repository } = options;
    let branchWritten;
    const done = (step) => {
        const branch = /^(?:created|moved) branch (\S+)/.exec(step)?.[1];
        if (branch !== undefined)
            branchWritten = branch;
        options.done?.(step);
    };
    try {
        return await bump({ ...options, done });
    }
    catch (error) {
        // A 404 is also what a repository the token cannot see answers: ask which before explaining it.
        const visible = (0,failures/* requestFailure */.SU)(error)?.status === 404 ? await (0,github_repository/* repositoryVisible */.ZW)(client, repository) : undefined;
        throw (0,failures/* explainFailure */.SP)(error, {
            action: 'bump',
            repository: `${repository.owner}/${repository.repo}`,
            tokenKind: options.tokenKind ?? 'unknown',
            ...(options.workflowRepository !== undefined && { workflowRepository: options.workflowRepository }),
            ...(visible !== undefined && { repositoryVisible: visible }),
            ...(branchWritten !== undefined && { branchWritten }),
        });
    }
}
async function bump(options) {
    const { client, repository, request } = options;
    const configPath = options.configPath ?? core_config/* DEFAULT_CONFIG_PATH */.Bi;
    const warnings = [];
    const log = options.log ?? (() => undefined);
    const phase = options.phase ?? runPhase;
    const done = options.done ?? (() => undefined);
    const fullName = `${repository.owner}/${repository.repo}`;
    // A classic token says its scopes on every answer: one that cannot write is stopped before any write.
    const scopes = (0,token/* watchOAuthScopes */.Ys)(client);
    const mayWrite = () => {
        const granted = scopes();
        if (granted === undefined || (0,token/* scopesMayWrite */.I1)(granted))
            return;
        throw new errors/* UserError */.yo(`bump needs to write to ${fullName}, and the classic personal access token's scopes ` +
            `(${granted.join(', ') || 'none'}) do not allow it; nothing was written. Fix: give the token the "repo" ` +
            `scope ("public_repo" is enough for a public repository), or use a GitHub App token.`);
    };
    const { promotion, configBranch, configCommit } = await phase('reading', async () => {
        const configBranch = options.defaultBranch ?? (await (0,github_repository/* defaultBranch */.OR)(client, repository));
        const configCommit = (await (0,github_repository/* findBranchHead */.YJ)(client, repository, configBranch)) ??
            (await missingConfigBranch(client, repository, configBranch, configPath));
        const configText = await (0,github_repository/* readFileAt */._T)(client, repository, configPath, configCommit);
        if (configText === undefined) {
            throw new errors/* UserError */.yo(`${configPath}: not found on ${configBranch} of ${fullName}; bump needs the promotion config there`);
        }
        const promotion = (0,core_promotion/* resolvePromotion */.k5)((0,core_config/* parsePromotionConfig */.BR)(configText, configPath), request);
        log(`read ${configPath} at ${configBranch} ${configCommit.slice(0, 12)}`);
        return { promotion, configBranch, configCommit };
    });
    const baseBranch = promotion.environment.branch ?? configBranch;
    const context = {
        client,
        repository,
        promotion,
        baseBranch,
        serverUrl: options.serverUrl ?? core_promotion/* DEFAULT_SERVER_URL */.UM,
        warnings,
        log,
        phase,
        done,
        lagDelayMs: options.lagDelayMs ?? 1000,
    };
    const result = (operation, reason, extra = {}) => ({
        operation,
        reason,
        app: promotion.app.name,
        environment: promotion.environment.name,
        tag: promotion.tag,
        branch: promotion.branch,
        baseBranch,
        previousTags: [],
        changedFiles: [],
        closedPullRequests: [],
        source: (0,core_promotion/* sourceLinks */.$f)({ source: request.provenance.source, previousTags: [], tag: promotion.tag }, context),
        ...(request.provenance.dispatchId !== undefined && { dispatchId: request.provenance.dispatchId }),
        warnings,
        ...extra,
    });
    const refusal = (0,core_promotion/* policyRefusal */.Ri)(promotion);
    if (refusal !== undefined)
        return result('skipped', refusal);
    let base = configCommit;
    if (baseBranch !== configBranch) {
        const head = await phase('reading', () => (0,github_repository/* findBranchHead */.YJ)(client, repository, baseBranch));
        if (head === undefined) {
            throw new errors/* UserError */.yo(`environment ${promotion.environment.name}: branch ${baseBranch} does not exist in ${fullName}; ${configPath} ` +
                `names it as the branch of ${promotion.environment.name}. Create the branch, or fix its branch in ${configPath}.`);
        }
        base = head;
    }
    const maxAttempts = options.maxAttempts ?? 3;
    let createdHere = false;
    for (let attempt = 1;; attempt++) {
        const snapshot = await phase('reading', () => github_repository/* GitHubSnapshot */.uH.at(client, repository, base));
        const planned = await phase('planning', async () => {
            const planned = await (0,plan/* planOnSnapshot */.F)(promotion, snapshot);
            warnings.push(...planned.warnings);
            const { decision } = planned;
            log(`${decision.kind} on ${baseBranch} at ${base.slice(0, 12)}${'reason' in decision ? `: ${decision.reason}` : ''}`);
            return planned;
        });
        const { decision } = planned;
        if (decision.kind !== 'change') {
            // The environment runs the tag or a newer one: an open PR that brings nothing newer has no purpose left.
            const running = planned.planned.running.map((tag) => tag === promotion.tag && request.buildTimestamp !== undefined
                ? { tag, buildTimestamp: request.buildTimestamp }
                : { tag });
            const closedPullRequests = await phase('pull request', async () => {
                const listed = await findOpenPulls(client, repository, promotion.branch, baseBranch);
                const open = { ...listed, onBase: listed.onBase && (await withBranchHead(context, listed.onBase)) };
                const onBase = open.onBase && {
                    pull: open.onBase,
                    proposed: await recordOf(context, open.onBase, open.onBase.headSha),
                };
                const closures = (0,core_promotion/* closuresAfterNoChange */.Wu)({ promotion, baseBranch, base, running, serverUrl: context.serverUrl, repository: fullName }, { ...(onBase && { onBase }), otherBases: open.otherBases });
                if (closures.length > 0)
                    mayWrite();
                return bump_close(context, closures, [...(open.onBase ? [open.onBase] : []), ...open.otherBases]);
            });
            return result(decision.kind, decision.reason, { previousTags: decision.previousTags, closedPullRequests });
        }
        const record = (0,core_promotion/* buildRecord */.kA)(promotion, decision, base);
        // GitHub refuses a longer body after the branch would be written: checked first (the table is
        // summarised past a size, so only a record too large to carry gets here).
        const bodyLength = [...(0,core_promotion/* renderPullRequestBody */.XC)(record, '0'.repeat(40), { serverUrl: context.serverUrl })].length;
        if (bodyLength > core_promotion/* PULL_BODY_LIMIT */.VT) {
            throw new errors/* UserError */.yo(`the pull request for ${promotion.app.name} would change ${record.changes.length} places and need a ` +
                `${bodyLength}-character body, more than GitHub's ${core_promotion/* PULL_BODY_LIMIT */.VT}; nothing was written. Narrow the ` +
                `app's places with paths in the promotion config, or split the environment.`);
        }
        mayWrite();
        const tree = await phase('writing', async () => {
            const tree = await writeTree(client, repository, snapshot.treeSha, decision.files.map((file) => ({ path: file.path, mode: snapshot.mode(file.path), content: file.newText })));
            done(`wrote a tree with ${decision.files.map((file) => file.path).join(', ')}`);
            return tree;
        });
        const published = await publish(context, { base, tree, record, rebuild: attempt > 1 });
        const extra = {
            previousTags: decision.previousTags,
            changedFiles: decision.files.map((file) => file.path),
            record,
            table: (0,core_promotion/* renderChangeTable */.b6)(record.changes),
            source: (0,core_promotion/* sourceLinks */.$f)(record, context),
        };
        if (published.kind !== 'written') {
            const pullRequest = published.pull && { number: published.pull.number, url: published.pull.url };
            const closedPullRequests = published.pull
                ? await closeForSuccessor(context, published.otherBases, published.pull)
                : [];
            // Labels, reviewers and auto-merge an earlier run did not get to (nothing is sent when all are there).
            if (published.kind === 'unchanged' && published.pull) {
                const { pull } = published;
                warnings.push(...(await phase('pull request', () => applyPullSettings(client, repository, pull, promotion.environment))));
            }
            return result(published.kind, published.reason, {
                previousTags: decision.previousTags,
                ...(pullRequest && { pullRequest }),
                closedPullRequests,
            });
        }
        const { pull } = published;
        createdHere ||= published.operation === 'created';
        // The base moved between our read and the pull request: plan again on the new base, so the
        // PR is built on what it will merge into.
        if (pull.baseSha !== base && attempt < maxAttempts) {
            log(`${baseBranch} moved from ${base.slice(0, 12)} to ${pull.baseSha.slice(0, 12)} while bumping; planning again`);
            base = pull.baseSha;
            continue;
        }
        // The environment's base branch changed in the config: the branch's PRs into the old base are superseded.
        const closedPullRequests = await closeForSuccessor(context, published.otherBases, pull);
        const settingsWarnings = await phase('pull request', () => applyPullSettings(client, repository, pull, promotion.environment));
        warnings.push(...settingsWarnings);
        const operation = createdHere ? 'created' : published.operation;
        return result(operation, `${operation} pull request #${pull.number}`, {
            ...extra,
            pullRequest: { number: pull.number, url: pull.url },
            commitSha: published.commit,
            closedPullRequests,
        });
    }
}
/** Reading the repository tells a missing branch from a repository the token cannot see (that read throws the 404). */
async function missingConfigBranch(client, repository, branch, configPath) {
    const actual = await (0,github_repository/* defaultBranch */.OR)(client, repository);
    throw new errors/* UserError */.yo(`branch ${branch} does not exist in ${repository.owner}/${repository.repo} (its default branch is ${actual}); ` +
        `bump reads ${configPath} from it`);
}
/** What a branch head carries: from the PR body when it describes that head, else from the commit message. */
async function recordOf(context, pull, head) {
    const fromBody = (0,core_promotion/* parseBodyRecord */.xW)(pull?.body);
    if (fromBody && fromBody.commit === head)
        return fromBody.record;
    return (0,core_promotion/* parseCommitRecord */.w7)(await (0,github_repository/* commitMessage */.df)(context.client, context.repository, head));
}
/** The one comment a closing run leaves on a PR, found again by this marker (a retry updates it). */
const CLOSING_MARKER = commentMarker('closing');
/**
 * Closes each PR only if it still shows the commit it was judged on (`judged`: see closePullIfHead);
 * without `judged`, the PRs are superseded whatever they show and are closed as they are.
 */
async function bump_close(context, closures, judged) {
    const closed = [];
    for (const { comment, ...pull } of closures) {
        const judgedHead = judged && judged.find((candidate) => candidate.number === pull.number)?.headSha;
        if (judged && judgedHead === undefined)
            continue;
        const outcome = await closePullIfHead(context.client, context.repository, { number: pull.number, judgedHead, branch: context.promotion.branch }, comment, CLOSING_MARKER);
        if (outcome !== 'closed') {
            context.log(`pull request #${pull.number} moved to a newer commit while it was judged; left open (${outcome})`);
            continue;
        }
        context.log(pull.reason);
        context.done(pull.reason);
        closed.push(pull);
    }
    return closed;
}
function closeForSuccessor(context, others, successor) {
    if (others.length === 0)
        return Promise.resolve([]);
    return context.phase('pull request', () => bump_close(context, (0,core_promotion/* closuresForSuccessor */.kf)(context.promotion, context.baseBranch, others, successor)));
}
async function publish(context, change) {
    const { client, repository, promotion, phase, done } = context;
    const { branch, title } = promotion;
    const message = (0,core_promotion/* renderCommitMessage */.jq)(title, change.record);
    const first = await phase('writing', async () => {
        const first = await writeCommit(client, repository, message, change.tree, [change.base]);
        done(`wrote commit ${first.slice(0, 12)} on ${change.base.slice(0, 12)}`);
        return first;
    });
    if ((await phase('writing', () => createBranch(client, repository, branch, first))) === 'created') {
        done(`created branch ${branch} at ${first.slice(0, 12)}`);
        const shown = await showPull(context, undefined, first, change.record);
        return { kind: 'written', ...shown, commit: first, otherBases: [] };
    }
    for (let round = 1; round <= MAX_BRANCH_ROUNDS; round++) {
        const listed = await findOpenPulls(client, repository, branch, context.baseBranch);
        const { otherBases } = listed;
        const pull = listed.onBase && (await withBranchHead(context, listed.onBase));
        const head = pull?.headSha ?? (await (0,github_repository/* findBranchHead */.YJ)(client, repository, branch));
        if (head === undefined) {
            // Deleted since we looked (a merged PR's branch): start it afresh.
            if ((await createBranch(client, repository, branch, first)) === 'created') {
                done(`created branch ${branch} at ${first.slice(0, 12)}`);
                const shown = await showPull(context, pull, first, change.record);
                return { kind: 'written', ...shown, commit: first, otherBases };
            }
            continue;
        }
        // Our create went through but its answer was lost. (With an open PR, the same sha is an earlier
        // run's identical commit, made in the same second: the comparison below says it is the same.)
        if (head === first && pull === undefined) {
            const shown = await showPull(context, undefined, first, change.record);
            return { kind: 'written', ...shown, commit: first, otherBases };
        }
        const pending = await recordOf(context, pull, head);
        if (pending === undefined) {
            throw new errors/* UserError */.yo(`branch ${branch} of ${repository.owner}/${repository.repo} has commit ${head.slice(0, 12)}, which gitops-promote ` +
                `did not make (someone pushed to the promotion branch); bump never force-pushes over it. Fix: merge or close ` +
                `its pull request and delete the branch; the next dispatch opens a new one.`);
        }
        // Compared even without an open PR: another run may have created the branch and not yet its PR.
        // Without a PR into this base, the head may have been built for another base (the environment's branch
        // changed in the config, or the base was rewritten): core decides with that known.
        let verdict = (0,core_promotion/* decideAgainstPending */.rU)(promotion, pending);
        if (verdict !== 'replace' && pull === undefined) {
            const builtForAnotherBase = !(await plannedOnHistoryOf(context, pending, change.base));
            verdict = (0,core_promotion/* decideAgainstPending */.rU)(promotion, pending, { builtForAnotherBase });
        }
        const where = pull ? `pull request #${pull.number}` : `branch ${branch}`;
        if (verdict === 'same' && !change.rebuild) {
            // A run that moved the branch and then failed to write the PR (a refused PATCH) left it describing
            // an older promotion: make it match the branch's record again, whatever the earlier run managed.
            if (pull && !describes(pull, head, pending)) {
                context.log(`${where} does not describe branch ${branch} at ${head.slice(0, 12)}; updating it`);
                return { kind: 'written', ...(await showPull(context, pull, head, pending)), commit: head, otherBases };
            }
            if (pull) {
                return {
                    kind: 'unchanged',
                    reason: `${where} already promotes ${promotion.app.name} to ${promotion.tag}`,
                    pull,
                    otherBases,
                };
            }
            // The branch carries the change but has no open PR (closed, or another run is opening it): open it.
            return { kind: 'written', ...(await showPull(context, undefined, head, pending)), commit: head, otherBases };
        }
        if (verdict === 'pending-is-newer') {
            return {
                kind: 'skipped',
                reason: `${where} already promotes ${promotion.app.name} to ${pending.tag}, which is not older than ${promotion.tag}`,
                pull,
                otherBases,
            };
        }
        const outcome = await phase('writing', async () => {
            const commit = await writeCommit(client, repository, message, change.tree, [change.base, head]);
            return { commit, ref: await fastForwardBranch(client, repository, branch, commit) };
        });
        if (outcome.ref === 'updated') {
            done(`moved branch ${branch} from ${head.slice(0, 12)} to ${outcome.commit.slice(0, 12)}`);
            return {
                kind: 'written',
                ...(await showPull(context, pull, outcome.commit, change.record)),
                commit: outcome.commit,
                otherBases,
            };
        }
        context.log(`branch ${branch} moved while bumping (${outcome.ref}); reading it again`);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * ROUND_BACKOFF_MS * Math.min(round, 10)));
    }
    throw new Error(`branch ${branch} kept moving under concurrent bumps; gave up after ${MAX_BRANCH_ROUNDS} rounds, dispatch again`);
}
/**
 * The PR with the head its branch has now. GitHub's pull request follows a push a moment late: a PR
 * whose body describes another commit than the head it shows may show an old head, so the branch is
 * read (the ref is never late) instead of deciding on it. The usual PR, whose body describes its head,
 * costs no call.
 */
async function withBranchHead(context, pull) {
    const described = (0,core_promotion/* parseBodyRecord */.xW)(pull.body)?.commit;
    if (described === undefined || described === pull.headSha)
        return pull;
    const head = await (0,github_repository/* findBranchHead */.YJ)(context.client, context.repository, context.promotion.branch);
    if (head === undefined || head === pull.headSha)
        return pull;
    context.log(`pull request #${pull.number} shows ${pull.headSha.slice(0, 12)}, its branch is at ${head.slice(0, 12)}`);
    return { ...pull, headSha: head };
}
/** Does the PR say what the branch head carries (its title and the body's record of that very commit)? */
function describes(pull, head, record) {
    const body = (0,core_promotion/* parseBodyRecord */.xW)(pull.body);
    return body?.commit === head && body.record.tag === record.tag && pull.title === (0,core_promotion/* recordTitle */.kw)(record);
}
/** Was the pending change planned on `base` or on a commit of its history? */
async function plannedOnHistoryOf(context, pending, base) {
    if (typeof pending.base !== 'string' || pending.base === base)
        return true;
    return (0,github_repository/* isAncestor */.QX)(context.client, context.repository, pending.base, base);
}
/** Opens the branch's pull request, or updates it to describe `commit`, and makes sure its body stays current under races. */
function showPull(context, known, commit, record) {
    return context.phase('pull request', async () => {
        const shown = await writePull(context, known, commit, record);
        context.done(`${shown.operation} pull request #${shown.pull.number} (${shown.pull.url})`);
        return shown;
    });
}
async function writePull(context, known, commit, record) {
    const { client, repository, promotion, baseBranch } = context;
    const links = { serverUrl: context.serverUrl };
    const text = { title: promotion.title, body: (0,core_promotion/* renderPullRequestBody */.XC)(record, commit, links) };
    if (known === undefined) {
        const opened = await openPull(client, repository, promotion.branch, baseBranch, text, context.lagDelayMs);
        // A PR we opened carries our body; any later writer of the branch updates the body after us.
        if (opened)
            return { operation: 'created', pull: opened };
    }
    const existing = known ?? (await findOpenPull(client, repository, promotion.branch, baseBranch));
    if (existing === undefined)
        throw new Error(`pull request for ${promotion.branch} vanished while bumping; dispatch again`);
    // Our own create went through but its answer was lost (a retried POST answered "already exists").
    if (known === undefined && (0,core_promotion/* parseBodyRecord */.xW)(existing.body)?.commit === commit) {
        return { operation: 'created', pull: existing };
    }
    let pull = await updatePull(client, repository, existing.number, text);
    // An older run judged the PR obsolete and closed it between our read and our write: the branch now
    // carries our newer promotion, so the PR is reopened (that run re-checks too and reopens it itself).
    if (pull.state === 'closed' && !pull.merged && (await reopenPull(client, repository, existing.number))) {
        context.log(`pull request #${existing.number} was closed by an older decision while bumping; reopened it`);
        pull = { ...pull, state: 'open' };
    }
    // Another run may have moved the branch and written its body before our write landed: the
    // body must describe the branch head, so re-render it from the head's own record.
    for (let round = 1; round <= MAX_BODY_ROUNDS; round++) {
        const head = await (0,github_repository/* findBranchHead */.YJ)(client, repository, promotion.branch);
        if (head === undefined || head === (0,core_promotion/* parseBodyRecord */.xW)(pull.body)?.commit)
            break;
        const headRecord = (0,core_promotion/* parseCommitRecord */.w7)(await (0,github_repository/* commitMessage */.df)(client, repository, head));
        if (headRecord === undefined)
            break;
        pull = await updatePull(client, repository, existing.number, {
            title: (0,core_promotion/* recordTitle */.kw)(headRecord),
            body: (0,core_promotion/* renderPullRequestBody */.XC)(headRecord, head, links),
        });
    }
    return { operation: 'updated', pull };
}

;// CONCATENATED MODULE: ./src/flows/rollback.ts
// Rollback: find what an app in an environment ran before (the `to` input, else the environment's
// deployment history, else the git history of its manifests), then open the pull request that puts
// it back through bump's machinery (same branch, same byte-minimal edit, `rollback` intent), or,
// with dry-run, only plan it. The finding is shared by the action (over the API) and the command
// line (over a local work tree and its git history); neither has a policy of its own.










/** How many commits of the manifests' history a rollback reads back at most. */
const HISTORY_DEPTH = 20;
/** What runs now and what to go back to; every refusal is a UserError raised before anything is written. */
async function findRollbackTarget(config, ask, current, sources) {
    const environment = (0,core_config/* findEnvironment */.jY)(config, ask.environment);
    const app = (0,core_config/* findApp */.J0)(config, ask.app);
    const scope = { app, environment };
    const warnings = [];
    const now = await readRunning(scope, current, warnings);
    if (now.references === 0) {
        throw new errors/* UserError */.yo(`no manifest of ${environment.name} references ${app.image} (read ${now.paths.join(', ') || 'no YAML file'}); ` +
            `check apps.${app.name}.paths and environments path in ${config.file}`);
    }
    const running = now.running;
    if (ask.to !== undefined) {
        return { ...scope, running, target: targetFromInput(ask.to, running, environment.name), warnings };
    }
    const looked = [];
    if (sources.deployments) {
        const target = targetFromDeployments(await sources.deployments(), app.image, running);
        if (target)
            return { ...scope, running, target, warnings };
        looked.push(`the deployments of ${environment.name}`);
    }
    const states = [];
    for await (const { commit, snapshot } of sources.history(now.paths)) {
        let then = [];
        try {
            then = (await readRunning(scope, snapshot, [])).running;
        }
        catch (error) {
            if (!(error instanceof errors/* UserError */.yo))
                throw error;
            warnings.push(`commit ${commit.slice(0, 12)}: ${error.message}; skipped`);
        }
        states.push({ commit, running: then });
        const target = targetFromHistory(states.slice(-1), running);
        if (target)
            return { ...scope, running, target, warnings };
    }
    looked.push(`the last ${states.length} commits of its manifests`);
    throw nothingToRollBackTo(app.name, environment.name, running, looked);
}
async function readRunning(scope, snapshot, warnings) {
    const { paths } = (0,core_promotion/* selectCandidatePaths */.WB)(await snapshot.paths(), scope);
    const files = await snapshot.read(paths, (message) => warnings.push(message));
    const read = (0,running/* readRunningImages */._)(scope.app, files);
    warnings.push(...read.warnings);
    return { paths, running: read.images, references: read.references };
}
async function planRollback(promotion, snapshot) {
    const { decision } = await (0,plan/* planOnSnapshot */.F)(promotion, snapshot);
    const changes = decision.kind === 'change'
        ? decision.changes.map(({ file, line, path, old, new: value }) => ({ file, line, path, old, new: value }))
        : [];
    return { decision, changes, files: decision.kind === 'change' ? decision.files.map((file) => file.path) : [] };
}
/** The rollback over the API: found, then planned (dry-run) or written as bump writes. */
async function rollbackEnvironment(options) {
    const { client, repository } = options;
    const configPath = options.configPath ?? core_config/* DEFAULT_CONFIG_PATH */.Bi;
    const log = options.log ?? (() => undefined);
    const phase = options.phase ?? ((_name, work) => work());
    const configBranch = options.defaultBranch ?? (await (0,github_repository/* defaultBranch */.OR)(client, repository));
    const fullName = `${repository.owner}/${repository.repo}`;
    const { config, base, baseBranch } = await phase('reading', async () => {
        const configCommit = await (0,github_repository/* findBranchHead */.YJ)(client, repository, configBranch);
        const text = configCommit && (await (0,github_repository/* readFileAt */._T)(client, repository, configPath, configCommit));
        if (!configCommit || text === undefined) {
            throw new errors/* UserError */.yo(`${configPath}: not found on ${configBranch} of ${fullName}; rollback needs the promotion config there`);
        }
        const config = (0,core_config/* parsePromotionConfig */.BR)(text, configPath);
        const baseBranch = (0,core_config/* findEnvironment */.jY)(config, options.environment).branch ?? configBranch;
        const base = baseBranch === configBranch ? configCommit : await (0,github_repository/* findBranchHead */.YJ)(client, repository, baseBranch);
        if (!base)
            throw new errors/* UserError */.yo(`environment ${options.environment}: branch ${baseBranch} does not exist in ${fullName}`);
        return { config, base, baseBranch };
    });
    const current = await github_repository/* GitHubSnapshot */.uH.at(client, repository, base);
    const environmentPath = (0,core_config/* findEnvironment */.jY)(config, options.environment).path;
    const finding = await phase('finding the previous image', () => findRollbackTarget(config, options, current, {
        deployments: () => (0,deployments/* listEnvironmentDeployments */.aT)(client, repository, options.environment),
        history: (paths) => apiHistory(client, repository, base, paths.length === 1 ? paths[0] : environmentPath),
    }));
    log(`${finding.app.name} in ${options.environment} on ${baseBranch} runs ${tags(finding.running)}; target ${finding.target.basis}`);
    const request = rollbackRequest(finding.app, finding.environment, finding.target, options.reason ?? '');
    const promotion = (0,core_promotion/* resolvePromotion */.k5)(config, request);
    const plan = await phase('planning', () => planRollback(promotion, current));
    const result = (operation, reason, extra = {}) => ({
        operation,
        reason,
        app: promotion.app.name,
        environment: promotion.environment.name,
        image: `${promotion.app.image}:${promotion.tag}${promotion.digest ? `@${promotion.digest}` : ''}`,
        from: finding.running.map((image) => image.tag),
        to: promotion.tag,
        digest: promotion.digest,
        target: finding.target,
        why: rollbackReason(options.reason),
        branch: promotion.branch,
        changes: plan.changes,
        files: plan.files,
        warnings: finding.warnings,
        ...extra,
    });
    if (options.dryRun) {
        const reason = plan.decision.kind === 'change'
            ? `would open or update the pull request on ${promotion.branch} (dry run, nothing written)`
            : plan.decision.reason;
        return result(plan.decision.kind === 'change' ? 'planned' : plan.decision.kind, reason);
    }
    const bump = await bumpEnvironment({
        client,
        repository,
        request,
        configPath,
        defaultBranch: configBranch,
        ...(options.serverUrl !== undefined && { serverUrl: options.serverUrl }),
        ...(options.tokenKind !== undefined && { tokenKind: options.tokenKind }),
        ...(options.workflowRepository !== undefined && { workflowRepository: options.workflowRepository }),
        log,
        phase,
        ...(options.done !== undefined && { done: options.done }),
    });
    return result(bump.operation, bump.reason, {
        ...(bump.pullRequest && { pullRequest: bump.pullRequest }),
        bump,
        warnings: [...finding.warnings, ...bump.warnings],
    });
}
async function* apiHistory(client, repository, head, path) {
    for (const commit of await commitsTouching(client, repository, head, path, HISTORY_DEPTH)) {
        yield { commit, snapshot: await github_repository/* GitHubSnapshot */.uH.at(client, repository, commit) };
    }
}
function tags(images) {
    return images.map((image) => image.tag).join(', ');
}

// EXTERNAL MODULE: ./src/fs/git-history.ts
var git_history = __webpack_require__(5506);
// EXTERNAL MODULE: ./src/fs/snapshot.ts
var snapshot = __webpack_require__(1507);
// EXTERNAL MODULE: ./src/fs/tree.ts + 1 modules
var tree = __webpack_require__(267);
// EXTERNAL MODULE: ./src/github/client.ts + 2 modules
var client = __webpack_require__(4552);
// EXTERNAL MODULE: ./src/cli/command.ts + 1 modules
var command = __webpack_require__(302);
;// CONCATENATED MODULE: ./src/cli/commands/rollback.ts














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
  --config <file>           the promotion config (default: <dir>/${core_config/* DEFAULT_CONFIG_PATH */.Bi}; with --repository, its path in the repository)
  --repository <owner/name> open the pull request on GitHub instead of editing files
  --dry-run                 print the plan (from, to, files and lines), write nothing
  --json                    print {"operation","reason","app","environment","from","to","image","basis","changes","files"}

exit status: 0 done or planned; 1 an unknown app or environment, nothing to roll back to, --to equal to
what runs now, an invalid config or manifest, a refusal from GitHub; 2 a usage error.`;
const rollbackCommand = {
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
        const environment = (0,command/* requireString */.VW)(values, 'environment');
        const app = (0,command/* requireString */.VW)(values, 'app');
        const to = (0,command/* optionalString */.sx)(values, 'to');
        const reason = (0,command/* optionalString */.sx)(values, 'reason');
        const dryRun = values['dry-run'] === true;
        const repository = (0,command/* optionalString */.sx)(values, 'repository');
        if (repository !== undefined) {
            const token = process.env.GITHUB_TOKEN;
            if (!token)
                throw new command/* UsageError */.eb('--repository needs GITHUB_TOKEN in the environment');
            const name = (0,payload/* checkRepositoryName */.Cg)(repository, '--repository');
            const result = await rollbackEnvironment({
                client: (0,client/* createGitHubClient */.LX)({ token, baseUrl: process.env.GITHUB_API_URL || client/* DEFAULT_API_URL */.rK }),
                repository: { owner: name.owner, repo: name.name },
                app,
                environment,
                to,
                reason,
                dryRun,
                configPath: (0,command/* optionalString */.sx)(values, 'config') ?? core_config/* DEFAULT_CONFIG_PATH */.Bi,
                ...(process.env.GITHUB_SERVER_URL && { serverUrl: process.env.GITHUB_SERVER_URL }),
            });
            for (const warning of result.warnings)
                context.stderr(`warning: ${warning}`);
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
        const dir = (0,command/* requireDirectory */.T)({ dir: (0,command/* optionalString */.sx)(values, 'dir') ?? '.' }, 'dir', context.cwd);
        const configPath = (0,external_node_path_.resolve)(dir, (0,command/* optionalString */.sx)(values, 'config') ?? core_config/* DEFAULT_CONFIG_PATH */.Bi);
        const config = (0,core_config/* parsePromotionConfig */.BR)(readConfig(configPath), configPath);
        const current = new snapshot/* FolderSnapshot */.$(dir);
        const finding = await findRollbackTarget(config, { app, environment, to }, current, {
            history: (paths) => localHistory(dir, paths),
        });
        const request = rollbackRequest(finding.app, finding.environment, finding.target, reason ?? '');
        const promotion = (0,core_promotion/* resolvePromotion */.k5)(config, request);
        const plan = await planRollback(promotion, current);
        const { decision } = plan;
        if (decision.kind === 'change' && !dryRun) {
            await (0,tree/* writeTreeFiles */.$c)(dir, decision.files.map((file) => ({ path: file.path, text: file.newText })));
        }
        const operation = decision.kind !== 'change' ? decision.kind : dryRun ? 'planned' : 'changed';
        const outcome = decision.kind !== 'change'
            ? decision.reason
            : dryRun
                ? `would change ${plan.files.join(', ')} (dry run, nothing written)`
                : `changed ${plan.files.join(', ')}; review and commit them`;
        for (const warning of finding.warnings)
            context.stderr(`warning: ${warning}`);
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
async function* localHistory(dir, paths) {
    for (const commit of await (0,git_history/* commitsTouchingPaths */.KK)(dir, paths, HISTORY_DEPTH)) {
        yield { commit, snapshot: new git_history/* GitCommitSnapshot */.QO(dir, commit) };
    }
}
function readConfig(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw (0,errors/* invalid */.Gq)('--config', path, `a readable promotion config (${error.code ?? 'unreadable'})`);
    }
}


/***/ }),

/***/ 530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ planOnSnapshot)
/* harmony export */ });
/* harmony import */ var _core_promotion_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7646);
/* harmony import */ var _core_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2816);
// The one planning function of a promotion, for the bump action (over the API) and the command
// line's `plan` (over a checkout): which files to read, the engine's plan over them, a check that
// every new text still parses, and core's verdict. Warnings are collected, worded once.


async function planOnSnapshot(promotion, snapshot) {
    const warnings = [];
    const selection = (0,_core_promotion_index_js__WEBPACK_IMPORTED_MODULE_0__/* .selectCandidatePaths */ .WB)(await snapshot.paths(), promotion);
    if (selection.broad) {
        warnings.push(`no file under ${promotion.environment.path || 'the repository root'} is named after ${promotion.app.name}; read all ${selection.paths.length} YAML files. Set apps.${promotion.app.name}.paths to read fewer.`);
    }
    const skipped = [];
    const files = await snapshot.read(selection.paths, (message) => skipped.push(message));
    // Each message starts with its file's path: sorted, both readers report skips in the same order,
    // whatever order they listed or fetched the files in.
    skipped.sort();
    warnings.push(...skipped);
    const planned = (0,_core_promotion_index_js__WEBPACK_IMPORTED_MODULE_0__/* .planPromotion */ .z)(promotion, files, skipped);
    warnings.push(...planned.plan.warnings);
    // The engine edits bytes; a new text that no longer parses is a bug we refuse to commit.
    for (const file of planned.plan.files)
        (0,_core_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYamlStream */ .b8)(file.path, file.newText);
    return { selection, planned, decision: (0,_core_promotion_index_js__WEBPACK_IMPORTED_MODULE_0__/* .decideAgainstEnvironment */ .x4)(promotion, planned), warnings };
}


/***/ })

};

return {id,ids,modules};})