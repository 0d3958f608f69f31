// The `--tokens` option of the standalone local GitHub: which tokens exist and what each may see and do.
import { existsSync, readFileSync } from 'node:fs';
import { PERMISSION_NAMES, type TokenPermissions } from './permissions.js';
import type { TokenAccess } from './server.js';

const REPOSITORY = /^[\w.-]+\/[\w.-]+$/;
const TOKEN = /^[^\s=:,]+$/;

export const TOKENS_HELP = `--tokens <file or list>
                 only these tokens are accepted (401 for others, and for no token); a token gets
                 404 for a repository it cannot see and 403 for a write with read permission.
                 A list: <token>[=<repos>][:read|:write], comma separated, where <repos> is * (the
                 default) or owner/name joined with +, e.g.
                   --tokens 'ghs_app=*,ghs_other=acme/other,ghs_ro=acme/environments:read'
                 A file: JSON {"<token>": {"login": "bot", "repos": "*" | ["owner/name"],
                 "permission": "read" | "write", "permissions": {"contents": "write",
                 "pull_requests": "none", ...}, "workflow": true}} (fine-grained permissions:
                 contents, pull_requests, issues, statuses, deployments; workflow: the run's
                 GITHUB_TOKEN)`;

function fail(message: string): never {
  throw new Error(`--tokens: ${message}`);
}

function checkRepos(token: string, repos: unknown): '*' | string[] {
  if (repos === undefined || repos === '*') return '*';
  if (!Array.isArray(repos) || repos.length === 0) fail(`${token}: repos must be "*" or a list of owner/name`);
  for (const repo of repos) {
    if (typeof repo !== 'string' || !REPOSITORY.test(repo)) {
      fail(`${token}: got repository ${JSON.stringify(repo)}, expected owner/name`);
    }
  }
  return repos as string[];
}

function checkPermission(token: string, permission: unknown): 'read' | 'write' {
  if (permission === undefined) return 'write';
  if (permission !== 'read' && permission !== 'write') {
    fail(`${token}: got permission ${JSON.stringify(permission)}, expected read or write`);
  }
  return permission;
}

function checkPermissions(token: string, value: unknown): TokenPermissions {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(`${token}: permissions must be an object such as {"contents": "write", "pull_requests": "read"}`);
  }
  for (const [name, level] of Object.entries(value)) {
    if (!(PERMISSION_NAMES as readonly string[]).includes(name)) {
      fail(`${token}: got permission ${JSON.stringify(name)}, expected one of ${PERMISSION_NAMES.join(', ')}`);
    }
    if (level !== 'none' && level !== 'read' && level !== 'write') {
      fail(`${token}: permission ${name} got ${JSON.stringify(level)}, expected none, read or write`);
    }
  }
  return value as TokenPermissions;
}

function fromList(list: string): Record<string, TokenAccess> {
  const tokens: Record<string, TokenAccess> = {};
  for (const entry of list.split(',').map((part) => part.trim())) {
    const match = /^([^=:]*)(?:=([^:]*))?(?::(.*))?$/.exec(entry);
    const token = match?.[1] ?? '';
    if (!TOKEN.test(token)) fail(`got entry ${JSON.stringify(entry)}, expected <token>[=<repos>][:read|:write]`);
    if (token in tokens) fail(`token ${token} is given twice`);
    const repos = match?.[2];
    tokens[token] = {
      repos: checkRepos(token, repos === undefined || repos === '*' ? '*' : repos.split('+')),
      permission: checkPermission(token, match?.[3]),
    };
  }
  return tokens;
}

function fromFile(path: string): Record<string, TokenAccess> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    fail(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) {
    fail(`${path}: expected a JSON object of token -> {login, repos, permission}`);
  }
  const tokens: Record<string, TokenAccess> = {};
  for (const [token, access] of Object.entries(value)) {
    if (!TOKEN.test(token)) fail(`${path}: got token ${JSON.stringify(token)}, expected no spaces, "=", ":" or ","`);
    if (access === null || typeof access !== 'object' || Array.isArray(access)) {
      fail(`${token}: expected an object with login, repos and permission`);
    }
    const { login, repos, permission, permissions, workflow, ...rest } = access as Record<string, unknown>;
    if (Object.keys(rest).length > 0) fail(`${token}: unknown field ${Object.keys(rest).join(', ')}`);
    if (login !== undefined && (typeof login !== 'string' || login === '')) fail(`${token}: login must be a name`);
    if (workflow !== undefined && typeof workflow !== 'boolean') fail(`${token}: workflow must be true or false`);
    tokens[token] = {
      ...(login !== undefined && { login: login as string }),
      ...(permissions !== undefined && { permissions: checkPermissions(token, permissions) }),
      ...(workflow !== undefined && { workflow: workflow as boolean }),
      repos: checkRepos(token, repos),
      permission: checkPermission(token, permission),
    };
  }
  return tokens;
}

/** Reads `--tokens`: a JSON file when the value names an existing file, else a list. */
export function parseTokensOption(value: string): Record<string, TokenAccess> {
  if (value.trim() === '') fail('expected a file or a list of tokens');
  return existsSync(value) ? fromFile(value) : fromList(value);
}
