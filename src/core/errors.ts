/**
 * A mistake in what the user gave us (an input, a payload, a config file, a manifest).
 * It is reported as one line without a stack trace, and it is raised before anything is written.
 */
export class UserError extends Error {
  readonly field: string | undefined;
  readonly value: unknown;
  readonly expected: string | undefined;

  constructor(message: string, details: { field?: string; value?: unknown; expected?: string } = {}) {
    super(message);
    this.name = 'UserError';
    this.field = details.field;
    this.value = details.value;
    this.expected = details.expected;
  }
}

/**
 * GitHub refused for now (a rate limit that outlasted the retries): reported as one line saying when to
 * try again, like a user error, never as an unexpected one. Nothing about the request is wrong.
 */
export class RetryLaterError extends Error {
  /** Seconds to wait, when GitHub said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, retryAfterSeconds?: number) {
    super(message);
    this.name = 'RetryLaterError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Builds the house message form: `<field>: got <value>, expected <what>`. */
export function invalid(field: string, value: unknown, expected: string): UserError {
  return new UserError(`${field}: got ${describeValue(value)}, expected ${expected}`, { field, value, expected });
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    // A value too deeply nested (or cyclic) to print; the message still names the field.
    return Array.isArray(value) ? '(an array nested too deeply to show)' : '(a value nested too deeply to show)';
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** A failure reported as one line, without "unexpected": a user error, or GitHub asking to retry later. */
export function isExplained(error: unknown): error is UserError | RetryLaterError {
  return error instanceof UserError || error instanceof RetryLaterError;
}
