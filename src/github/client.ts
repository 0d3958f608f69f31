// The one place an Octokit is made: retries (5xx, dropped connections) and rate limits (primary and
// secondary, honouring `retry-after`) come from octokit's own plugins, with bounds and timings that
// tests can shrink. The base URL is passed in (GITHUB_API_URL is read by the action layer). Requests go
// out through node:http and node:https (http-transport.ts), not the global fetch that costs a step its start.
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { requestLog } from '@octokit/plugin-request-log';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type Bottleneck from 'bottleneck';
import { httpFetch } from './http-transport.js';
import { restMethods } from './rest-methods.js';
import { Group, Limiter } from './scheduler.js';

// @octokit/rest's plugins (request log, REST methods, pagination), with the REST methods this suite
// calls instead of all of GitHub's (see rest-methods.ts), and retries and rate limits.
export const GitHubOctokit = Octokit.plugin(requestLog, restMethods, paginateRest, retry, throttling);
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

export interface GitHubLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface GitHubClientTiming {
  /** Retries of a 5xx answer or a dropped connection (default 3). */
  retries?: number;
  /** Unit of the retry back-off: waits are 1, 4, 9 ... times this (default 1000 ms). */
  retryDelayMs?: number;
  /** Retries after a primary rate limit answer (default 3). */
  rateLimitRetries?: number;
  /**
   * Retries after a secondary rate limit answer (default 8): a burst of runs sharing one token (50 apps
   * dispatched at once) meets GitHub's limit on content-creating requests several times over.
   */
  secondaryRateLimitRetries?: number;
  /** A primary rate limit that resets later than this fails instead of waiting (default 900 s). */
  maxRateLimitWaitSeconds?: number;
  /** Length of one `retry-after` second (default 1000 ms; tests make it shorter). */
  retryAfterUnitMs?: number;
  /** Wait for a secondary rate limit answer that has no `retry-after` (default 60 s). */
  fallbackSecondaryRetryAfterSeconds?: number;
  /** Spacing of content-creating requests, as GitHub asks of integrations (default 1000 ms; 0 for an API on this machine). */
  writeIntervalMs?: number;
  /** Spacing of requests that notify people (opening pull requests, comments; default 3000 ms, as GitHub asks; 0 for an API on this machine). */
  notificationIntervalMs?: number;
}

export interface GitHubClientOptions extends GitHubClientTiming {
  token: string;
  /** REST API root; on a runner the action passes GITHUB_API_URL (GitHub Enterprise, or the local test server). */
  baseUrl?: string;
  userAgent?: string;
  log?: Partial<GitHubLog>;
  /**
   * How requests go out (default: node:http and node:https, see http-transport.ts; Node's own fetch
   * when a proxy is configured). Tests pass one to see or shape the traffic.
   */
  fetch?: typeof httpFetch | typeof fetch;
  /** Read for the proxy variables (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

export const DEFAULT_API_URL = 'https://api.github.com';
const USER_AGENT = 'gitops-promote';
// 429 belongs to the throttling plugin: retrying it here too would double the waits. 409 (an empty
// repository, a conflict) is an answer, not a hiccup: retrying it only delays the error.
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

// The plugin's process-wide groups, with its limits, on the scheduler of scheduler.ts: every client of
// a process shares them, as it does by default (write and notifications are per client, below).
let sharedGroups: { global: Group; auth: Group; search: Group } | undefined;
function processGroups() {
  sharedGroups ??= {
    global: new Group({ maxConcurrent: 10 }),
    auth: new Group({ maxConcurrent: 1 }),
    search: new Group({ maxConcurrent: 1, minTime: 2000 }),
  };
  return sharedGroups;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const log = withDefaults(options.log);
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const secondaryRetries = options.secondaryRateLimitRetries ?? 8;
  const unitMs = options.retryAfterUnitMs ?? 1000;
  const maxWait = options.maxRateLimitWaitSeconds ?? 900;
  const baseUrl = (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  // The spacing is GitHub's own rule against its secondary rate limits; a server on this machine
  // (the local GitHub of the tests and of `npm start`) has none, and waiting for it only slows them.
  const paced = !isLoopback(baseUrl);
  const writeIntervalMs = options.writeIntervalMs ?? (paced ? 1000 : 0);
  const describe = (request: { method: string; url: string }) => `${request.method} ${request.url}`;
  const fetch = options.fetch ?? (proxyConfigured(options.env ?? process.env) ? undefined : httpFetch);
  return new GitHubOctokit({
    auth: options.token,
    baseUrl,
    userAgent: options.userAgent ?? USER_AGENT,
    log: octokitLog(log),
    ...(fetch && { request: { fetch } }),
    retry: {
      doNotRetry: DO_NOT_RETRY,
      retries: options.retries ?? 3,
      retryAfterBaseValue: options.retryDelayMs ?? 1000,
    },
    throttle: {
      // Limiters that start a request at once when nothing holds it back (see scheduler.ts).
      Bottleneck: Limiter as unknown as typeof Bottleneck,
      ...(processGroups() as unknown as Record<string, Bottleneck.Group>),
      retryAfterBaseValue: unitMs,
      fallbackSecondaryRateRetryAfter: options.fallbackSecondaryRetryAfterSeconds ?? 60,
      // A group of our own: the plugin's default one is shared by every client in the process.
      write: new Group({ maxConcurrent: 1, minTime: writeIntervalMs }) as unknown as Bottleneck.Group,
      notifications: new Group({
        maxConcurrent: 1,
        minTime: options.notificationIntervalMs ?? (paced ? 3000 : 0),
      }) as unknown as Bottleneck.Group,
      onSecondaryRateLimit: async (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= secondaryRetries) {
          log.warn(`GitHub secondary rate limit on ${describe(request)}: giving up after ${retryCount} retries`);
          return false;
        }
        // GitHub asks for growing waits when the limit persists; the random part keeps runs that were
        // refused together from all coming back in the same second (the plugin then waits retry-after).
        const extraMs = Math.random() * retryAfter * unitMs * Math.min(2 ** retryCount, 8);
        log.warn(
          `GitHub secondary rate limit on ${describe(request)}: retrying after ${retryAfter} s and ${(extraMs / unitMs).toFixed(1)} s more (retry ${retryCount + 1} of ${secondaryRetries})`,
        );
        await new Promise((resolve) => setTimeout(resolve, extraMs));
        return true;
      },
      onRateLimit: (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= rateLimitRetries || retryAfter > maxWait) {
          log.warn(`GitHub rate limit exhausted on ${describe(request)}: it resets in ${retryAfter} s; not waiting`);
          return false;
        }
        log.warn(
          `GitHub rate limit exhausted on ${describe(request)}: retrying after ${retryAfter} s (retry ${retryCount + 1} of ${rateLimitRetries})`,
        );
        return true;
      },
    },
  });
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * Whether the runner has a proxy configured. Requests then keep going through Node's own fetch, as
 * they always did (it honours these variables and NO_PROXY when the runner sets NODE_USE_ENV_PROXY):
 * the node:http transport speaks no proxy protocol.
 */
export function proxyConfigured(env: Readonly<Record<string, string | undefined>>): boolean {
  return PROXY_VARIABLES.some((name) => (env[name] ?? '').trim() !== '');
}

/** Whether the API lives on this machine: 127.0.0.0/8, ::1 or localhost. */
export function isLoopback(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function withDefaults(log: Partial<GitHubLog> | undefined): GitHubLog {
  const ignore = () => undefined;
  return {
    debug: log?.debug ?? ignore,
    info: log?.info ?? ignore,
    warn: log?.warn ?? ((message) => console.warn(message)),
    error: log?.error ?? ((message) => console.error(message)),
  };
}

// Octokit's request log reports every attempt: successes at info, failed attempts at error. A failed
// attempt that a retry then fixes is not an error of the step (on a runner, core.error would annotate
// the run), so attempts go to info and successes to debug; the caller reports what finally failed.
function octokitLog(log: GitHubLog): GitHubLog {
  return { debug: log.debug, info: log.debug, warn: log.warn, error: log.info };
}
