// The limiters octokit's retry and throttling plugins schedule every request through, in place of
// Bottleneck (the retry plugin imports Bottleneck's light build, mapped to this in the bundles, tests
// and bench, see src/bundle/bottleneck-light.ts; the throttling plugin also takes it as its
// `Bottleneck` option). Bottleneck's local store waits for the timer queue several times per job (a
// `setTimeout(0)` before it submits, registers and frees one), about 4 ms per limiter, and a request
// went through three to five of them: every API call waited 5 to 18 ms for nothing, the first one of
// a step included. These keep what the plugins ask of their limiters: at most `maxConcurrent` jobs at
// once (a job's `weight` counts against it), starts spaced by `minTime`, the lowest `priority` first,
// and a failed job retried after what a `failed` listener returns, keeping its place. A job that can
// start, starts on the next microtask; a timer runs only for a real wait. The rules about when to
// retry and how long to wait stay the plugins' own.

type Listener = (...args: never[]) => unknown;

/** What a listener of `failed` receives about the job, as Bottleneck gives it. */
export interface JobInfo {
  args: unknown[];
  options: JobOptions;
  retryCount: number;
}

export interface JobOptions {
  /** 0 (first) to 9; 5 by default. */
  priority?: number;
  /** How much of `maxConcurrent` the job holds while it runs; 1 by default (the plugin's retries use 0). */
  weight?: number;
}

export interface LimiterOptions {
  maxConcurrent?: number | null;
  minTime?: number;
}

/** Listeners by event name; `trigger` resolves to the first answer that is not null or undefined. */
export class Events {
  readonly #listeners = new Map<string, Listener[]>();

  /** Gives `target` an `on` method that registers here (Bottleneck's Events does the same). */
  constructor(target?: object) {
    if (target) Object.assign(target, { on: this.on.bind(this) });
  }

  on(name: string, listener: Listener): void {
    const listeners = this.#listeners.get(name) ?? [];
    listeners.push(listener);
    this.#listeners.set(name, listeners);
  }

  /** A listener that throws is reported to the `error` listeners and counts as no answer. */
  async trigger(name: string, ...args: unknown[]): Promise<unknown> {
    const listeners = this.#listeners.get(name) ?? [];
    const answers = await Promise.all(
      listeners.map(async (listener) => {
        try {
          return await (listener as (...values: unknown[]) => unknown)(...args);
        } catch (error) {
          if (name !== 'error') await this.trigger('error', error);
          return undefined;
        }
      }),
    );
    return answers.find((answer) => answer !== undefined && answer !== null);
  }
}

interface Job {
  run: () => unknown;
  options: Required<JobOptions>;
  args: unknown[];
  /** Order of arrival, to keep jobs of one priority first in, first out. */
  sequence: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const DEFAULT_PRIORITY = 5;

export class Limiter {
  static Events = Events;
  static Group: typeof Group;

  readonly #maxConcurrent: number;
  readonly #minTime: number;
  readonly #events = new Events();
  readonly #queue: Job[] = [];
  #running = 0;
  /** When the next job may start (ms since the epoch), by `minTime`. */
  #nextStart = 0;
  #sequence = 0;
  #timer: NodeJS.Timeout | undefined;
  #drainQueued = false;

  constructor(options: LimiterOptions = {}) {
    this.#maxConcurrent = options.maxConcurrent ?? Infinity;
    this.#minTime = Math.max(0, options.minTime ?? 0);
  }

  on(name: string, listener: Listener): void {
    this.#events.on(name, listener);
  }

  /** Jobs waiting to start. */
  queued(): number {
    return this.#queue.length;
  }

  /** Jobs started and not yet settled. */
  running(): number {
    return this.#running;
  }

  /** `schedule(fn, ...args)` or `schedule(options, fn, ...args)`: resolves to what `fn(...args)` resolves to. */
  schedule(...call: unknown[]): Promise<unknown> {
    const options = typeof call[0] === 'function' ? {} : ((call.shift() ?? {}) as JobOptions);
    const [run, ...args] = call as [(...values: unknown[]) => unknown, ...unknown[]];
    if (typeof run !== 'function') return Promise.reject(new TypeError('schedule: no function to run'));
    return new Promise((resolve, reject) => {
      this.#queue.push({
        run: () => run(...args),
        options: { priority: options.priority ?? DEFAULT_PRIORITY, weight: options.weight ?? 1 },
        args,
        sequence: this.#sequence++,
        resolve,
        reject,
      });
      this.#queueDrain();
    });
  }

  #queueDrain(): void {
    if (this.#drainQueued) return;
    this.#drainQueued = true;
    queueMicrotask(() => {
      this.#drainQueued = false;
      this.#drain();
    });
  }

  #next(): Job | undefined {
    let best: Job | undefined;
    for (const job of this.#queue) {
      if (
        !best ||
        job.options.priority < best.options.priority ||
        (job.options.priority === best.options.priority && job.sequence < best.sequence)
      )
        best = job;
    }
    return best;
  }

  #drain(): void {
    for (;;) {
      const job = this.#next();
      if (!job) return;
      if (this.#running + job.options.weight > this.#maxConcurrent) return;
      const wait = this.#nextStart - Date.now();
      if (wait > 0) {
        if (!this.#timer) {
          this.#timer = setTimeout(() => {
            this.#timer = undefined;
            this.#drain();
          }, wait);
        }
        return;
      }
      this.#queue.splice(this.#queue.indexOf(job), 1);
      this.#nextStart = Date.now() + this.#minTime;
      this.#running += job.options.weight;
      void this.#execute(job, 0);
    }
  }

  async #execute(job: Job, retryCount: number): Promise<void> {
    let value: unknown;
    try {
      value = await job.run();
    } catch (error) {
      const info: JobInfo = { args: job.args, options: job.options, retryCount };
      const retryAfter = await this.#events.trigger('failed', error, info);
      if (typeof retryAfter === 'number') {
        await this.#events.trigger('retry', `Retrying after ${retryAfter} ms`, info);
        // The job keeps its place while it waits, as Bottleneck's does.
        setTimeout(() => void this.#execute(job, retryCount + 1), retryAfter);
        return;
      }
      this.#finish(job);
      job.reject(error);
      return;
    }
    this.#finish(job);
    job.resolve(value);
  }

  #finish(job: Job): void {
    this.#running -= job.options.weight;
    this.#queueDrain();
  }
}

/** A limiter per key, each with the group's options (the plugin keys them by its `id`). */
export class Group {
  readonly #options: LimiterOptions;
  readonly #limiters = new Map<string, Limiter>();

  constructor(options: LimiterOptions = {}) {
    this.#options = { maxConcurrent: options.maxConcurrent ?? null, minTime: options.minTime ?? 0 };
  }

  key(key = ''): Limiter {
    let limiter = this.#limiters.get(key);
    if (!limiter) {
      limiter = new Limiter(this.#options);
      this.#limiters.set(key, limiter);
    }
    return limiter;
  }
}

Limiter.Group = Group;
