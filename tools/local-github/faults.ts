// Fault injection: fail the Nth matching call with a 5xx, a rate limit, a dropped connection, a
// `422 Reference update failed` or `422 No commits between`, or answer it with a pull request's head
// as it was before its branch last moved (the lag GitHub shows for a moment after a push).
// A fault names a route of the table (routes.ts) or none; anything else is refused, because a fault
// that can never match would let a test pass without testing anything.
import { findRoute, routes } from './routes.js';

// 'ref-update-failed' is the 422 GitHub gives intermittently under load on POST and PATCH /git/refs.
// 'secondary-rate-limit' answers 403 and 'secondary-rate-limit-429' 429, as GitHub does either.
// 'no-commits-between' is the 422 POST /pulls answers right after a push, before GitHub has seen the
// branch's commits. 'stale-head' does the work and answers with each pull request's `head.sha` as it
// was before its branch last moved: GitHub's pull requests follow a push a moment late.
export const FAULT_KINDS = [
  '502',
  '503',
  'secondary-rate-limit',
  'secondary-rate-limit-429',
  'rate-limit',
  'drop',
  'ref-update-failed',
  'no-commits-between',
  'stale-head',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** HTTP method to match, e.g. "PATCH"; any when absent. */
  method?: string;
  /** Route template, e.g. "/repos/{owner}/{repo}/git/refs/{ref}", or a call-counter key "PATCH /repos/...". */
  route?: string;
  /** Fail the nth matching call counted from when the fault is injected (1 = the next one). Default 1. */
  nth?: number;
  /** How many consecutive matching calls fail, starting at the nth. Default 1. */
  times?: number;
  /**
   * "before" (default) fails the call without doing anything; "after" does the work (a ref may move)
   * and then fails the answer, as when a connection drops after GitHub has committed a change.
   */
  when?: 'before' | 'after';
  /** Seconds in the retry-after header of rate-limit faults. Default 1. */
  retryAfter?: number;
  /** Secondary rate limits without a retry-after header (GitHub sends none on some). Default false. */
  noRetryAfter?: boolean;
}

export interface Fault extends Required<Omit<FaultSpec, 'method' | 'route'>> {
  method?: string;
  route?: string;
}

/** A fault spec the book refuses; the HTTP endpoint answers it with 400 and this message. */
export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

const SPEC_KEYS = ['kind', 'method', 'route', 'nth', 'times', 'when', 'retryAfter', 'noRetryAfter'];
const METHODS = [...new Set(routes.map((route) => route.method))];

function positiveInteger(spec: Record<string, unknown>, key: string): number | undefined {
  const value = spec[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new FaultSpecError(`fault ${key}: got ${JSON.stringify(value)}, expected a positive integer`);
  }
  return value;
}

/** The route part of a spec, split into method and template and checked against the route table. */
function checkRoute(method: string | undefined, route: string | undefined): { method?: string; route?: string } {
  if (method !== undefined && !METHODS.includes(method)) {
    throw new FaultSpecError(`fault method: got ${JSON.stringify(method)}, expected one of ${METHODS.join(', ')}`);
  }
  if (route === undefined) return method === undefined ? {} : { method };
  const split = /^([A-Za-z]+) (\/.*)$/.exec(route);
  let template = route;
  if (split) {
    const named = (split[1] ?? '').toUpperCase();
    if (method !== undefined && method !== named) {
      throw new FaultSpecError(`fault route: ${JSON.stringify(route)} names ${named}, but method is ${method}`);
    }
    method = named;
    template = split[2] ?? '';
  }
  const known = routes.filter((candidate) => candidate.template === template);
  if (known.length > 0 && (method === undefined || known.some((candidate) => candidate.method === method))) {
    return { ...(method === undefined ? {} : { method }), route: template };
  }
  const guess = findRoute(method ?? 'GET', template);
  const hint = guess ? ` (did you mean "${method ?? guess.route.method} ${guess.route.template}"?)` : '';
  throw new FaultSpecError(
    `fault route: got ${JSON.stringify(route)}${method && !split ? ` with method ${method}` : ''}, expected a route ` +
      `template of the local GitHub such as "PATCH /repos/{owner}/{repo}/git/refs/{ref}"${hint}. Known routes: ` +
      routes.map((candidate) => `${candidate.method} ${candidate.template}`).join(', '),
  );
}

/** Checks a fault spec from a test or from POST /_local/faults and fills in the defaults. */
export function parseFaultSpec(value: unknown): Fault {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FaultSpecError(
      `fault: expected a JSON object such as {"kind": "502", "route": "GET /repos/{owner}/{repo}"}`,
    );
  }
  const spec = value as Record<string, unknown>;
  const unknown = Object.keys(spec).filter((key) => !SPEC_KEYS.includes(key));
  if (unknown.length > 0) {
    throw new FaultSpecError(`fault: unknown field ${unknown.join(', ')}; the fields are ${SPEC_KEYS.join(', ')}`);
  }
  const kind = spec.kind;
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new FaultSpecError(`fault kind: got ${JSON.stringify(kind)}, expected one of ${FAULT_KINDS.join(', ')}`);
  }
  for (const key of ['method', 'route'] as const) {
    if (spec[key] !== undefined && typeof spec[key] !== 'string') {
      throw new FaultSpecError(`fault ${key}: got ${JSON.stringify(spec[key])}, expected a string`);
    }
  }
  const when = spec.when ?? 'before';
  if (when !== 'before' && when !== 'after') {
    throw new FaultSpecError(`fault when: got ${JSON.stringify(when)}, expected "before" or "after"`);
  }
  const retryAfter = spec.retryAfter ?? 1;
  if (typeof retryAfter !== 'number' || !Number.isFinite(retryAfter) || retryAfter < 0) {
    throw new FaultSpecError(`fault retryAfter: got ${JSON.stringify(retryAfter)}, expected seconds (0 or more)`);
  }
  const noRetryAfter = spec.noRetryAfter ?? false;
  if (typeof noRetryAfter !== 'boolean') {
    throw new FaultSpecError(`fault noRetryAfter: got ${JSON.stringify(noRetryAfter)}, expected true or false`);
  }
  const method = typeof spec.method === 'string' ? spec.method.toUpperCase() : undefined;
  return {
    kind: kind as FaultKind,
    nth: positiveInteger(spec, 'nth') ?? 1,
    times: positiveInteger(spec, 'times') ?? 1,
    when,
    retryAfter,
    noRetryAfter,
    ...checkRoute(method, spec.route as string | undefined),
  };
}

interface Armed {
  fault: Fault;
  seen: number;
}

/**
 * The armed faults. Each call fails with at most one fault; when several are due on the same call, the
 * one injected first fires and the others wait for the next matching calls, in injection order (a queue:
 * no fault is ever spent without firing).
 */
export class FaultBook {
  private armed: Armed[] = [];

  inject(spec: FaultSpec): void {
    this.armed.push({ seen: 0, fault: parseFaultSpec(spec) });
  }

  clear(): void {
    this.armed = [];
  }

  pending(): number {
    return this.armed.length;
  }

  /** Counts this call against every matching fault and returns the one that fires, if any; spent faults go. */
  take(method: string, template: string): Fault | undefined {
    let fired: Fault | undefined;
    for (const entry of this.armed) {
      const { fault } = entry;
      if (fault.method !== undefined && fault.method !== method) continue;
      if (fault.route !== undefined && fault.route !== template) continue;
      const due = entry.seen + 1 >= fault.nth;
      // Due but another fault already fails this call: this one keeps its place for the next matching call.
      if (due && fired) continue;
      entry.seen += 1;
      if (due) fired = fault;
    }
    this.armed = this.armed.filter((entry) => entry.seen < entry.fault.nth + entry.fault.times - 1);
    return fired;
  }
}
