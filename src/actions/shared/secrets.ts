import * as runner from './runner.js';
import { UserError } from '../../core/errors.js';
import { inputVariableName, type Environment } from './inputs.js';

// A token is one line of printable text. With a line break in it the runner would be told to mask a
// two-line secret and print each half in the clear, so such a token is refused before any use.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_RUNS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/;
// A piece this short would mask common text all over the log and gives nothing away alone.
const MIN_MASKED_PIECE = 4;

/**
 * Masks the secret inputs named, first of all, and refuses one that holds a line break or another
 * control character. The error names the input and the rule, never the value.
 */
export function acceptSecretInputs(env: Environment, names: readonly string[]): void {
  for (const name of names) {
    const secret = env[inputVariableName(name)]?.trim();
    if (!secret) continue;
    if (!CONTROL.test(secret)) {
      runner.setSecret(secret);
      continue;
    }
    for (const piece of secret.split(CONTROL_RUNS)) if (piece.length >= MIN_MASKED_PIECE) runner.setSecret(piece);
    throw new UserError(
      `${name}: the token holds a line break or another control character (not shown); expected one line ` +
        'as GitHub issued it. Check the secret for a trailing newline or a second value pasted into it.',
      { field: name, value: '(not shown)', expected: 'a token without control characters' },
    );
  }
}
