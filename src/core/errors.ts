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
