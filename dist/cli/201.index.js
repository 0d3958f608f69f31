(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 201;
const ids = [201];
const modules = {

/***/ 6201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  statusCommand: () => (/* binding */ statusCommand)
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
// EXTERNAL MODULE: ./src/core/text/links.ts
var links = __webpack_require__(2606);
// EXTERNAL MODULE: ./src/core/text/untrusted.ts
var untrusted = __webpack_require__(9069);
;// CONCATENATED MODULE: ./src/core/status/render.ts
// The status matrix as Markdown (the job summary and the pinned issue) and as plain text (the command
// line). Tags, names and URLs come from manifests, the config and GitHub's answers: every one passes
// core/text before it is shown.


/** The hidden marker that finds the pinned status issue again (its body ends with it). */
const STATUS_ISSUE_MARKER = '<!-- gitops-promote:status -->';
const STATUS_ISSUE_TITLE = 'gitops-promote: what runs where';
const code = (text) => (0,untrusted/* codeSpan */.SS)(text, { inTable: true });
// Inside a table cell a pipe ends the cell, even escaped text must not carry one.
const cellText = (text) => (0,untrusted/* inertText */.UJ)(text);
function render_link(text, url) {
    const destination = url === undefined ? undefined : (0,links/* linkDestination */.Vh)(url);
    return destination === undefined ? text : `[${text}](${destination})`;
}
function when(at) {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(at) ? `${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : at;
}
function markdownCell(cell) {
    const parts = [];
    if (cell.error !== undefined)
        parts.push(`unreadable: ${cellText(cell.error)}`);
    else
        parts.push(cell.tags.length === 0 ? '(not deployed)' : cell.tags.map(code).join(', '));
    if (cell.pullRequest) {
        const pull = cell.pullRequest;
        const verb = pull.kind === 'rollback' ? 'rollback' : 'PR';
        parts.push(`${verb} ${render_link(`#${pull.number}`, pull.url)}${pull.tag === undefined ? '' : ` \u2192 ${code(pull.tag)}`}`);
    }
    if (cell.deployment) {
        const deployment = cell.deployment;
        parts.push(`${render_link(cellText(deployment.state), deployment.url)} ${cellText(when(deployment.at))}`);
    }
    if (cell.behind)
        parts.push(`**behind** ${cellText(cell.behind.from)} (${code(cell.behind.tag)})`);
    return parts.join('<br>');
}
/** The table: one row per app, one column per environment, in promotion order. */
function renderStatusMarkdown(matrix, heading = '### What runs where') {
    const names = matrix.environments.map((environment) => environment.name);
    const header = `| App | ${names.map((name) => cellText(name)).join(' | ')} |`;
    const rule = `| --- | ${names.map(() => '---').join(' | ')} |`;
    const rows = matrix.apps.map((app) => {
        const cells = names.map((environment) => markdownCell(matrix.cells.find((cell) => cell.app === app && cell.environment === environment)));
        return `| ${cellText(app)} | ${cells.join(' | ')} |`;
    });
    const lines = [heading, '', header, rule, ...rows, ''];
    const flows = matrix.environments
        .filter((environment) => environment.from !== undefined)
        .map((environment) => `${cellText(environment.from)} \u2192 ${cellText(environment.name)}`);
    if (flows.length > 0)
        lines.push(`Promotion: ${flows.join(', ')}.`, '');
    if (matrix.behind.length === 0)
        lines.push('No environment is behind the one it is promoted from.', '');
    else {
        lines.push('Behind:', '');
        for (const entry of matrix.behind) {
            const runs = entry.runs.length === 0 ? 'nothing' : entry.runs.map((tag) => (0,untrusted/* codeSpan */.SS)(tag)).join(', ');
            lines.push(`- ${(0,untrusted/* inertText */.UJ)(entry.app)} in **${(0,untrusted/* inertText */.UJ)(entry.environment)}** runs ${runs}; ` +
                `**${(0,untrusted/* inertText */.UJ)(entry.from)}** runs ${(0,untrusted/* codeSpan */.SS)(entry.available)}`);
        }
        lines.push('');
    }
    return lines.join('\n');
}
/** The pinned issue's body: the table, when it was read, and the marker that finds it again. */
function renderStatusIssueBody(matrix, updatedAt, runUrl) {
    const run = runUrl === undefined ? '' : ` by ${render_link('this run', runUrl)}`;
    return [
        renderStatusMarkdown(matrix, '## What runs where'),
        `Updated ${(0,untrusted/* inertText */.UJ)(when(updatedAt))}${run}. This issue is rewritten by gitops-promote status; edits are lost.`,
        '',
        STATUS_ISSUE_MARKER,
        '',
    ].join('\n');
}
/** Plain text for the command line: one line per (app, environment), columns aligned. */
function renderStatusText(matrix) {
    const rows = [['APP', 'ENVIRONMENT', 'TAG', 'PULL REQUEST', 'DEPLOYMENT', 'BEHIND']];
    for (const cell of matrix.cells) {
        const pull = cell.pullRequest;
        rows.push([
            cell.app,
            cell.environment,
            cell.error !== undefined ? `(unreadable: ${cell.error})` : cell.tags.join(',') || '-',
            pull ? `#${pull.number}${pull.kind === 'rollback' ? ' rollback' : ''}${pull.tag ? ` -> ${pull.tag}` : ''}` : '-',
            cell.deployment ? `${cell.deployment.state} ${when(cell.deployment.at)}` : '-',
            cell.behind ? `behind ${cell.behind.from} (${cell.behind.tag})` : '-',
        ]);
    }
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    return rows
        .map((row) => (0,untrusted/* forLog */.Ig)(row
        .map((value, column) => value.padEnd(widths[column]))
        .join('  ')
        .trimEnd()))
        .join('\n');
}

// EXTERNAL MODULE: ./src/core/promotion/index.ts + 8 modules
var promotion = __webpack_require__(7646);
// EXTERNAL MODULE: ./src/core/policy/index.ts + 6 modules
var policy = __webpack_require__(3381);
// EXTERNAL MODULE: ./src/core/promotion/order.ts
var order = __webpack_require__(785);
// EXTERNAL MODULE: ./src/core/promotion/resolve.ts + 1 modules
var resolve = __webpack_require__(5225);
;// CONCATENATED MODULE: ./src/core/status/matrix.ts



/** The environment a given one is promoted from: its `from`, or, when no environment names one, the one listed before it. */
function promotedFrom(config, environment) {
    const declared = config.environments.some((candidate) => candidate.from !== undefined);
    if (declared)
        return config.environments.find((candidate) => candidate.name === environment.from);
    const index = config.environments.indexOf(environment);
    return index > 0 ? config.environments[index - 1] : undefined;
}
/** The promotion branch of an (environment, app), as bump names it. */
function promotionBranch(environment, app) {
    return `${resolve/* BRANCH_PREFIX */.s}/${environment}/${app}`;
}
/**
 * Behind: the source environment runs one tag the target does not, the target's policy admits it, and
 * nothing says it is older than what the target runs.
 */
function isBehind(target, sourceTags, targetTags) {
    if (sourceTags.length !== 1)
        return undefined;
    const tag = sourceTags[0];
    if (targetTags.includes(tag) || !(0,policy/* isEligible */.YT)(target.tags, tag))
        return undefined;
    const older = targetTags.some((current) => (0,order/* compareBuilds */.V)(target.tags, { tag }, { tag: current }) === false);
    return older ? undefined : tag;
}
function buildStatusMatrix(config, reading) {
    const apps = [...config.apps.keys()];
    const cells = [];
    const tagsOf = new Map();
    for (const app of apps) {
        for (const environment of config.environments) {
            const read = reading.running(app, environment.name);
            const cell = { app, environment: environment.name, tags: [] };
            if ('error' in read)
                cell.error = read.error;
            else {
                cell.tags = read.images.map((image) => image.tag);
                const digest = read.images.length === 1 ? read.images[0]?.digest : undefined;
                if (digest !== undefined)
                    cell.digest = digest;
            }
            const pull = reading.pulls.get(promotionBranch(environment.name, app));
            if (pull)
                cell.pullRequest = pull;
            const deployment = reading.deployments.get(environment.name);
            if (deployment)
                cell.deployment = deployment;
            tagsOf.set(`${app}\n${environment.name}`, cell.tags);
            cells.push(cell);
        }
    }
    const behind = [];
    for (const cell of cells) {
        const environment = config.environments.find((candidate) => candidate.name === cell.environment);
        const source = promotedFrom(config, environment);
        if (!source || cell.error !== undefined)
            continue;
        const tag = isBehind(environment, tagsOf.get(`${cell.app}\n${source.name}`) ?? [], cell.tags);
        if (tag === undefined)
            continue;
        cell.behind = { from: source.name, tag };
        behind.push({ app: cell.app, environment: cell.environment, from: source.name, runs: cell.tags, available: tag });
    }
    return {
        environments: config.environments.map((environment) => ({
            name: environment.name,
            branch: environment.branch,
            path: environment.path,
            from: promotedFrom(config, environment)?.name,
        })),
        apps,
        cells,
        behind,
    };
}

// EXTERNAL MODULE: ./src/fs/git-history.ts
var git_history = __webpack_require__(5506);
// EXTERNAL MODULE: ./src/fs/snapshot.ts
var snapshot = __webpack_require__(1507);
// EXTERNAL MODULE: ./src/github/deployments.ts
var github_deployments = __webpack_require__(6887);
;// CONCATENATED MODULE: ./src/github/issues.ts
async function findMarkedIssue(client, repository, marker) {
    const issues = await client.paginate(client.rest.issues.listForRepo, { ...repository, state: 'all', per_page: 100 });
    // The first one created wins: a duplicate made by a race is left alone rather than guessed at.
    return issues
        .filter((issue) => issue.pull_request === undefined && (issue.body ?? '').includes(marker))
        .sort((a, b) => a.number - b.number)[0];
}
async function keepIssue(client, repository, issue) {
    const found = await findMarkedIssue(client, repository, issue.marker);
    if (found) {
        const { data } = await client.rest.issues.update({
            ...repository,
            issue_number: found.number,
            title: issue.title,
            body: issue.body,
            ...(found.state === 'closed' && { state: 'open' }),
        });
        return { number: data.number, url: data.html_url, operation: 'updated' };
    }
    const { data } = await client.rest.issues.create({ ...repository, title: issue.title, body: issue.body });
    const kept = { number: data.number, url: data.html_url, operation: 'created' };
    if (!issue.pin)
        return kept;
    try {
        await client.graphql('mutation($issueId: ID!) { pinIssue(input: {issueId: $issueId}) { issue { id } } }', {
            issueId: data.node_id,
        });
    }
    catch (error) {
        kept.pinWarning = `issue #${data.number} not pinned: ${error.message.split('\n')[0]}`;
    }
    return kept;
}

// EXTERNAL MODULE: ./src/github/repository.ts
var github_repository = __webpack_require__(651);
;// CONCATENATED MODULE: ./src/flows/status.ts
// status: what runs where. Reads, per environment, the manifests on its branch and path (the engine's
// own reader), the open promotion pull requests and the last deployment, and hands them to core's
// matrix; over the API for the action and `status --repository`, over a work tree for `status --dir`
// (only what the files say). Optionally keeps the matrix in one pinned issue.











/** What every app runs in every environment, each environment read at `snapshotOf(environment)`. */
async function readRunning(config, snapshotOf, warnings) {
    const running = new Map();
    for (const environment of config.environments) {
        const snapshot = await snapshotOf(environment);
        const paths = typeof snapshot === 'string' ? [] : await snapshot.paths();
        for (const app of config.apps.values()) {
            const key = `${app.name}\n${environment.name}`;
            if (typeof snapshot === 'string') {
                running.set(key, { error: snapshot });
                continue;
            }
            try {
                const selected = (0,promotion/* selectCandidatePaths */.WB)(paths, { app, environment });
                const files = await snapshot.read(selected.paths, (message) => warnings.push(message));
                const read = (0,promotion/* readRunningImages */._5)(app, files);
                running.set(key, { images: read.images });
            }
            catch (error) {
                if (!(error instanceof errors/* UserError */.yo))
                    throw error;
                running.set(key, { error: error.message });
            }
        }
    }
    return running;
}
function matrixOf(config, running, pulls = new Map(), deployments = new Map()) {
    return buildStatusMatrix(config, {
        running: (app, environment) => running.get(`${app}\n${environment}`) ?? { images: [] },
        pulls,
        deployments,
    });
}
/** `status --dir`: the work tree's files (an environment on another branch is read from that branch's commit). */
async function readLocalStatus(dir, configPath, configText) {
    const config = (0,core_config/* parsePromotionConfig */.BR)(configText, configPath);
    const warnings = [];
    const running = await readRunning(config, async (environment) => {
        if (environment.branch === undefined)
            return new snapshot/* FolderSnapshot */.$(dir);
        const commit = (await (0,git_history/* resolveCommit */.WL)(dir, `refs/heads/${environment.branch}`)) ??
            (await (0,git_history/* resolveCommit */.WL)(dir, `refs/remotes/origin/${environment.branch}`));
        return commit === undefined
            ? `branch ${environment.branch} is not in the work tree's repository`
            : new git_history/* GitCommitSnapshot */.QO(dir, commit);
    }, warnings);
    return { matrix: matrixOf(config, running), warnings };
}
/** The action and `status --repository`: the branches, pull requests and deployments through the API. */
async function readRepositoryStatus(options) {
    const { client, repository } = options;
    const configPath = options.configPath ?? core_config/* DEFAULT_CONFIG_PATH */.Bi;
    const fullName = `${repository.owner}/${repository.repo}`;
    const configBranch = options.defaultBranch ?? (await (0,github_repository/* defaultBranch */.OR)(client, repository));
    const configCommit = await (0,github_repository/* findBranchHead */.YJ)(client, repository, configBranch);
    const configText = configCommit && (await (0,github_repository/* readFileAt */._T)(client, repository, configPath, configCommit));
    if (!configCommit || configText === undefined) {
        throw new errors/* UserError */.yo(`${configPath}: not found on ${configBranch} of ${fullName}; status needs the promotion config`);
    }
    const config = (0,core_config/* parsePromotionConfig */.BR)(configText, configPath);
    const warnings = [];
    const snapshots = new Map();
    const snapshotAt = (branch) => {
        let snapshot = snapshots.get(branch);
        if (!snapshot) {
            snapshot = (async () => {
                const head = branch === configBranch ? configCommit : await (0,github_repository/* findBranchHead */.YJ)(client, repository, branch);
                return head === undefined
                    ? `branch ${branch} does not exist in ${fullName}`
                    : github_repository/* GitHubSnapshot */.uH.at(client, repository, head);
            })();
            snapshots.set(branch, snapshot);
        }
        return snapshot;
    };
    const running = await readRunning(config, (environment) => snapshotAt(environment.branch ?? configBranch), warnings);
    const matrix = matrixOf(config, running, await openPromotionPulls(client, repository), await lastDeployments(client, repository, config));
    const result = { matrix, warnings };
    if (options.pinnedIssue) {
        const updatedAt = (options.now ?? (() => new Date()))().toISOString();
        result.issue = await keepIssue(client, repository, {
            title: STATUS_ISSUE_TITLE,
            body: renderStatusIssueBody(matrix, updatedAt, options.runUrl),
            marker: STATUS_ISSUE_MARKER,
            pin: true,
        });
        if (result.issue.pinWarning)
            warnings.push(result.issue.pinWarning);
    }
    return result;
}
/** The open pull requests of promotion branches, by branch. */
async function openPromotionPulls(client, repository) {
    const pulls = await client.paginate(client.rest.pulls.list, { ...repository, state: 'open', per_page: 100 });
    const byBranch = new Map();
    for (const pull of pulls) {
        if (!pull.head.ref.startsWith(`${resolve/* BRANCH_PREFIX */.s}/`))
            continue;
        const record = (0,promotion/* parseBodyRecord */.xW)(pull.body)?.record;
        byBranch.set(pull.head.ref, {
            number: pull.number,
            url: pull.html_url,
            tag: record?.tag,
            kind: record?.intent === 'rollback' ? 'rollback' : 'promotion',
        });
    }
    return byBranch;
}
/** The latest deployment of each environment, with its latest status (apply deploys a whole environment). */
async function lastDeployments(client, repository, config) {
    const deployments = new Map();
    for (const environment of config.environments) {
        const latest = await (0,github_deployments/* latestDeployment */.zf)(client, repository, environment.name);
        if (!latest)
            continue;
        deployments.set(environment.name, {
            state: latest.status?.state ?? 'pending',
            at: latest.status?.at ?? latest.createdAt,
            url: latest.status?.url,
        });
    }
    return deployments;
}

// EXTERNAL MODULE: ./src/github/client.ts + 2 modules
var client = __webpack_require__(4552);
// EXTERNAL MODULE: ./src/cli/command.ts + 1 modules
var command = __webpack_require__(302);
;// CONCATENATED MODULE: ./src/cli/commands/status.ts









const USAGE = `usage: gitops-promote status (--dir <dir> | --repository <owner/name>) [--config <file>] [--json]

What runs where: for every app and environment of the promotion config, the tag the environment's
manifests pin, and whether the environment is behind the one it is promoted from (its from, or the
environment listed before it when no environment names one).

  --dir <dir>                a work tree of the environment repository: only what the files say (an
                             environment with its own branch is read from that branch's commit)
  --repository <owner/name>  through the GitHub API (GITHUB_TOKEN, GITHUB_API_URL): each environment's
                             branch, the open promotion pull requests, the last deployment
  --config <file>            the promotion config (default: ${core_config/* DEFAULT_CONFIG_PATH */.Bi}, in --dir or in the repository)
  --json                     print {"environments","apps","cells":[{"app","environment","tags","pullRequest",
                             "deployment","behind","error"}],"behind":[{"app","environment","from","runs","available"}]}

exit status: 0 the matrix (also when something is behind); 1 an invalid config, a refusal from GitHub;
2 a usage error (neither or both of --dir and --repository).`;
const statusCommand = {
    name: 'status',
    summary: 'what runs where: the tag of every app in every environment, and what is behind',
    usage: USAGE,
    options: {
        dir: { type: 'string' },
        repository: { type: 'string' },
        config: { type: 'string' },
    },
    async run(values, _positionals, context) {
        const repository = (0,command/* optionalString */.sx)(values, 'repository');
        const hasDir = (0,command/* optionalString */.sx)(values, 'dir') !== undefined;
        if ((repository === undefined) === !hasDir)
            throw new command/* UsageError */.eb('give one of --dir or --repository');
        const configOption = (0,command/* optionalString */.sx)(values, 'config');
        let result;
        if (repository !== undefined) {
            const token = process.env.GITHUB_TOKEN;
            if (!token)
                throw new command/* UsageError */.eb('--repository needs GITHUB_TOKEN in the environment');
            const name = (0,payload/* checkRepositoryName */.Cg)(repository, '--repository');
            result = await readRepositoryStatus({
                client: (0,client/* createGitHubClient */.LX)({ token, baseUrl: process.env.GITHUB_API_URL || client/* DEFAULT_API_URL */.rK }),
                repository: { owner: name.owner, repo: name.name },
                configPath: configOption ?? core_config/* DEFAULT_CONFIG_PATH */.Bi,
            });
        }
        else {
            const dir = (0,command/* requireDirectory */.T)(values, 'dir', context.cwd);
            const configPath = (0,external_node_path_.resolve)(dir, configOption ?? core_config/* DEFAULT_CONFIG_PATH */.Bi);
            result = await readLocalStatus(dir, configPath, readConfig(configPath));
        }
        for (const warning of result.warnings)
            context.stderr(`warning: ${warning}`);
        return { json: result.matrix, text: renderStatusText(result.matrix) };
    },
};
function readConfig(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw (0,errors/* invalid */.Gq)('--config', path, `a readable promotion config (${error.code ?? 'unreadable'})`);
    }
}


/***/ })

};

return {id,ids,modules};})