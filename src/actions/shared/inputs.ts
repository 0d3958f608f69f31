import { invalid } from '../../core/errors.js';

export type Environment = Readonly<Record<string, string | undefined>>;

/** The variable the runner sets for an input: upper case, spaces as `_`, hyphens kept. */
export function inputVariableName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

const TRUE_WORDS = ['true', 'True', 'TRUE'];
const FALSE_WORDS = ['false', 'False', 'FALSE'];

/**
 * Typed access to action inputs. Every failure is a UserError naming the input, the value and what
 * was expected. Reads the given environment (process.env on a runner) so it can be tested without globals.
 * An empty input is "not given": the runner passes declared inputs without a default as empty strings.
 */
export class ActionInputs {
  constructor(private readonly env: Environment = process.env) {}

  /** The trimmed value, or undefined when empty or absent. */
  optional(name: string): string | undefined {
    const value = (this.env[inputVariableName(name)] ?? '').trim();
    return value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw invalid(name, value, 'a value (this input is required)');
    return value;
  }

  /** The YAML 1.2 core schema booleans, as the runner documents them. */
  boolean(name: string, fallback: boolean): boolean {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (TRUE_WORDS.includes(value)) return true;
    if (FALSE_WORDS.includes(value)) return false;
    throw invalid(name, value, 'true or false');
  }

  integer(name: string, fallback: number, range: { min: number; max: number }): number {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    const number = /^-?\d+$/.test(value) ? Number(value) : NaN;
    if (!(number >= range.min && number <= range.max)) {
      throw invalid(name, value, `a whole number from ${range.min} to ${range.max}`);
    }
    return number;
  }

  /** The raw text with its line breaks, for list- and map-like inputs that parse their own lines. */
  multiline(name: string): string | undefined {
    const value = this.env[inputVariableName(name)] ?? '';
    return value.trim() === '' ? undefined : value;
  }
}
