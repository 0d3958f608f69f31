// The limiters the throttling plugin schedules requests through (src/github/scheduler.ts): what the
// plugin relies on (concurrency, spacing, priority, retries decided by a `failed` listener) and that a
// job that may start does so without waiting for a timer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Events, Group, Limiter } from '../../src/github/scheduler.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('limiter', () => {
  test('a job that may start runs before any timer fires', async () => {
    const limiter = new Limiter();
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await limiter.schedule(async () => order.push('job'));
    assert.deepEqual(order, ['job']);
  });

  test('passes the arguments, resolves to the result, takes options first or not at all', async () => {
    const limiter = new Limiter();
    assert.equal(await limiter.schedule((a: number, b: number) => a + b, 2, 3), 5);
    assert.equal(await limiter.schedule({ priority: 1 }, (a: string) => a.toUpperCase(), 'x'), 'X');
    await assert.rejects(limiter.schedule({}), /no function/);
  });

  test('runs at most maxConcurrent jobs at once; a retry-like job (priority 0, weight 0) does not wait for a slot', async () => {
    const limiter = new Limiter({ maxConcurrent: 2 });
    const gates = [deferred(), deferred(), deferred()];
    let running = 0;
    let most = 0;
    const job = (gate: { promise: Promise<void> }) => async () => {
      running++;
      most = Math.max(most, running);
      await gate.promise;
      running--;
    };
    const done = gates.map((gate) => limiter.schedule(job(gate)));
    await tick();
    assert.equal(limiter.running(), 2);
    assert.equal(limiter.queued(), 1);
    const free = limiter.schedule({ priority: 0, weight: 0 }, async () => 'weightless');
    assert.equal(await free, 'weightless', 'a job of weight 0 waited for a slot');
    gates[0]!.resolve();
    await tick();
    assert.equal(limiter.running(), 2, 'the queued job did not take the freed slot');
    gates[1]!.resolve();
    gates[2]!.resolve();
    await Promise.all(done);
    assert.equal(most, 2);
    assert.equal(limiter.running(), 0);
  });

  test('the lowest priority number starts first; one priority is first in, first out', async () => {
    const limiter = new Limiter({ maxConcurrent: 1 });
    const gate = deferred();
    const order: string[] = [];
    const first = limiter.schedule(() => gate.promise);
    await tick();
    const jobs = [
      limiter.schedule({ priority: 5 }, async () => order.push('5a')),
      limiter.schedule({ priority: 9 }, async () => order.push('9')),
      limiter.schedule({ priority: 0 }, async () => order.push('0')),
      limiter.schedule({ priority: 5 }, async () => order.push('5b')),
    ];
    gate.resolve();
    await Promise.all([first, ...jobs]);
    assert.deepEqual(order, ['0', '5a', '5b', '9']);
  });

  test('starts are spaced by minTime', async () => {
    const limiter = new Limiter({ maxConcurrent: 1, minTime: 60 });
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map(() => limiter.schedule(async () => starts.push(Date.now()))));
    assert.equal(starts.length, 3);
    for (let index = 1; index < starts.length; index++)
      assert.ok(
        starts[index]! - starts[index - 1]! >= 55,
        `start ${index} came ${starts[index]! - starts[index - 1]!} ms after the one before`,
      );
  });

  test('a failed job is retried after what a failed listener returns, with its arguments and count', async () => {
    const limiter = new Limiter({ maxConcurrent: 1 });
    const seen: { retryCount: number; args: unknown[] }[] = [];
    const retried: string[] = [];
    limiter.on('failed', (error: Error, info: { retryCount: number; args: unknown[] }) => {
      seen.push({ retryCount: info.retryCount, args: info.args });
      return info.retryCount < 2 ? 5 : undefined;
    });
    limiter.on('retry', (message: string) => retried.push(message));
    let attempts = 0;
    const failing = async (name: string) => {
      attempts++;
      throw new Error(`${name} failed`);
    };
    await assert.rejects(limiter.schedule(failing, 'job'), /job failed/);
    assert.equal(attempts, 3);
    assert.deepEqual(
      seen.map((item) => item.retryCount),
      [0, 1, 2],
    );
    assert.deepEqual(seen[0]!.args, ['job']);
    assert.equal(retried.length, 2);
    assert.equal(limiter.running(), 0, 'the failed job kept its slot');
  });

  test('a job that succeeds on a retry resolves; without a failed listener an error rejects at once', async () => {
    const limiter = new Limiter();
    limiter.on('failed', () => 0);
    let attempts = 0;
    assert.equal(
      await limiter.schedule(async () => {
        if (++attempts < 2) throw new Error('once');
        return 'second time';
      }),
      'second time',
    );
    const plain = new Limiter();
    let calls = 0;
    await assert.rejects(
      plain.schedule(async () => {
        calls++;
        throw new Error('no retry');
      }),
      /no retry/,
    );
    assert.equal(calls, 1);
  });

  test('a group gives one limiter per key, with the group options', async () => {
    const group = new Group({ maxConcurrent: 1 });
    assert.equal(group.key('a'), group.key('a'));
    assert.notEqual(group.key('a'), group.key('b'));
    const gate = deferred();
    void group.key('a').schedule(() => gate.promise);
    void group.key('a').schedule(async () => undefined);
    await tick();
    assert.equal(group.key('a').running(), 1);
    assert.equal(group.key('a').queued(), 1);
    gate.resolve();
  });
});

describe('the plugins', () => {
  test('import this limiter in place of Bottleneck: the tests map it as the bundles do', async () => {
    const imported = await import('bottleneck/light.js');
    assert.equal(imported.default, Limiter);
  });
});

describe('events', () => {
  test('trigger resolves to the first answer that is not null; a throwing listener is reported and skipped', async () => {
    const target: { on?: (name: string, listener: (...args: never[]) => unknown) => void } = {};
    const events = new Events(target);
    const errors: unknown[] = [];
    target.on!('limit', () => {
      throw new Error('listener broke');
    });
    target.on!('limit', () => null);
    target.on!('limit', async (seconds: number) => seconds * 2);
    target.on!('error', (error: Error) => errors.push(error.message));
    assert.equal(await events.trigger('limit', 21), 42);
    assert.deepEqual(errors, ['listener broke']);
    assert.equal(await events.trigger('nobody listens'), undefined);
  });
});
