// Fault injection: fail the Nth matching call with a 5xx, a rate limit or a dropped connection.

export type FaultKind = '502' | '503' | 'secondary-rate-limit' | 'rate-limit' | 'drop';

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
}

export interface Fault extends Required<Omit<FaultSpec, 'method' | 'route'>> {
  method?: string;
  route?: string;
}

interface Armed {
  fault: Fault;
  seen: number;
}

export class FaultBook {
  private armed: Armed[] = [];

  inject(spec: FaultSpec): void {
    let { method, route } = spec;
    const split = route === undefined ? undefined : /^([A-Z]+) (\/.*)$/.exec(route);
    if (split) [, method, route] = split;
    this.armed.push({
      seen: 0,
      fault: {
        kind: spec.kind,
        nth: spec.nth ?? 1,
        times: spec.times ?? 1,
        when: spec.when ?? 'before',
        retryAfter: spec.retryAfter ?? 1,
        ...(method === undefined ? {} : { method: method.toUpperCase() }),
        ...(route === undefined ? {} : { route }),
      },
    });
  }

  clear(): void {
    this.armed = [];
  }

  pending(): number {
    return this.armed.length;
  }

  /** Counts this call against every matching fault and returns the first that fires, if any; spent faults go. */
  take(method: string, template: string): Fault | undefined {
    let fired: Fault | undefined;
    for (const entry of this.armed) {
      const { fault } = entry;
      if (fault.method !== undefined && fault.method !== method) continue;
      if (fault.route !== undefined && fault.route !== template) continue;
      entry.seen += 1;
      if (!fired && entry.seen >= fault.nth && entry.seen < fault.nth + fault.times) fired = fault;
    }
    this.armed = this.armed.filter((entry) => entry.seen < entry.fault.nth + entry.fault.times - 1);
    return fired;
  }
}
