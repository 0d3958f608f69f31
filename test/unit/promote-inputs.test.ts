import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { isUserError } from '../../src/core/errors.js';
import { readPromoteInputs } from '../../src/actions/promote/inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'promote-inputs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function env(eventName: string, event: unknown, inputs: Record<string, string> = {}) {
  const path = join(dir, `${eventName}-${Math.random()}.json`);
  writeFileSync(path, JSON.stringify(event));
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'acme/environments',
    INPUT_TOKEN: 'ghs_x',
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  };
}

const repository = { full_name: 'acme/environments', default_branch: 'trunk' };

describe('readPromoteInputs', () => {
  test("the source is the deployment_status event's environment unless the input names one", () => {
    const event = { deployment_status: { state: 'success', environment: 'dev' }, repository };
    const fromEvent = readPromoteInputs(env('deployment_status', event));
    assert.deepEqual([fromEvent.environment, fromEvent.environmentFromEvent], ['dev', true]);
    assert.equal(fromEvent.defaultBranch, 'trunk');
    const named = readPromoteInputs(env('deployment_status', event, { environment: 'stg' }));
    assert.deepEqual([named.environment, named.environmentFromEvent], ['stg', false]);
  });

  test('on a schedule no environment: every environment that has a from', () => {
    const inputs = readPromoteInputs(env('schedule', { schedule: '*/30 * * * *' }));
    assert.deepEqual([inputs.environment, inputs.environmentFromEvent, inputs.dryRun], [undefined, false, false]);
    assert.equal(inputs.defaultBranch, undefined);
  });

  test('app, dry-run, app-token and config are read; a bad one is a typed error naming it', () => {
    const inputs = readPromoteInputs(
      env('schedule', {}, { app: 'web', 'dry-run': 'true', 'app-token': 'ghs_app', config: 'ci/promotion.yml' }),
    );
    assert.deepEqual(
      [inputs.app, inputs.dryRun, inputs.appToken, inputs.configPath],
      ['web', true, 'ghs_app', 'ci/promotion.yml'],
    );
    const refused = (inputs: Record<string, string>, pattern: RegExp) =>
      assert.throws(
        () => readPromoteInputs(env('schedule', {}, inputs)),
        (error: unknown) => isUserError(error) && pattern.test(error.message),
      );
    refused({ 'dry-run': 'yes' }, /^dry-run: got "yes", expected true or false$/);
    refused({ config: '../x.yml' }, /^config: got "\.\.\/x\.yml", expected a path inside the repository/);
    refused({ token: '' }, /^token: got nothing, expected a value/);
  });
});
