// The run context (event, repository, run id, server URL, actor), read once per step by the inputs
// reader. Not @actions/github's `context`: importing that package evaluates its Octokit and proxy
// agent too, which measured +80 to +140 ms of cold start for a bundle that does not otherwise load
// them (the tag action), and it reads process.env only, where our readers take the environment as a
// parameter so that they are tested without globals.
import { readFileSync } from 'node:fs';
import { DEFAULT_SERVER_URL } from '../../core/promotion/render/links.js';
import type { Environment } from './inputs.js';

/** The parts of the workflow run the runner gives every step through GITHUB_* variables and the event file. */
export interface RunnerContext {
  eventName: string;
  ref: string;
  sha: string;
  repository: string;
  serverUrl: string;
  apiUrl: string;
  runId: string;
  /** Who started the run (GITHUB_ACTOR). */
  actor: string;
  /** The event payload (GITHUB_EVENT_PATH); an empty object when there is none. */
  payload: Record<string, unknown>;
}

export function readRunnerContext(env: Environment = process.env): RunnerContext {
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    repository: env.GITHUB_REPOSITORY ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? DEFAULT_SERVER_URL,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runId: env.GITHUB_RUN_ID ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    payload: readPayload(env.GITHUB_EVENT_PATH),
  };
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  // The runner writes this file itself, so a parse failure is a broken runner, not a user mistake.
  const parsed: unknown = JSON.parse(text);
  return isRecord(parsed) ? parsed : {};
}

/** Follows a path of keys through nested objects; undefined as soon as one is missing. */
export function pick(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
