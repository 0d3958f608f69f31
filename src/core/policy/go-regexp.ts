// Flux reads tag filters as Go (RE2) regular expressions and extract templates in Go's
// Regexp.Expand syntax. They run here on re2js, a pure JavaScript port of RE2 with Go's syntax and
// semantics (leftmost-first matching, `(?P<name>...)`, flags anywhere, `\Q...\E`, `[[:alpha:]]`,
// `\pL`, `\x{263a}`, octal escapes; no lookaround, no backreferences) and Go's linear-time
// guarantee: a hostile pattern such as `^(a+)+$` cannot stall a bump the way JavaScript's
// backtracking RegExp would. Its syntax errors are Go's own messages.
import { invalid } from '../errors.js';

type Engine = typeof import('re2js');
type Re2 = ReturnType<Engine['RE2JS']['compile']>;

export interface GoMatch {
  readonly [group: number]: string | undefined;
  readonly groups?: Readonly<Record<string, string | undefined>>;
}

export interface GoRegexp {
  /** The pattern as the user wrote it (Go syntax). */
  readonly source: string;
  /** Whether the pattern matches anywhere in the text (Go's MatchString). */
  test(text: string): boolean;
  /** The leftmost-first match and its groups (Go's FindStringSubmatch), or null. */
  exec(text: string): GoMatch | null;
}

let engine: Engine | undefined;

/**
 * The engine is loaded on first use: most runs compile no regular expression, and a bundle that
 * evaluated the port at start-up would pay for it on every cold start. In a bundle, `require` is
 * the bundler's (the module ships inside it); under the TypeScript loader it is Node's.
 */
function loadEngine(): Engine {
  if (engine) return engine;
  if (typeof require === 'function') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load the bundler keeps inside the bundle
    engine = require('re2js') as Engine;
  } else {
    // Outside a bundle (the TypeScript loader), Node's require. node:module is taken only here, not
    // imported: a bundle would load it (with the source-map support it brings) at every start.
    // eslint-disable-next-line no-restricted-globals -- Node's module loader, not the environment
    engine = process.getBuiltinModule('node:module').createRequire(import.meta.url)('re2js') as Engine;
  }
  return engine;
}

/** Go's own hints for what RE2 leaves out, added to its terse messages. */
const HINTS: readonly [RegExp, string][] = [
  [/`\(\?(?:=|!|<=|<!)/, 'lookahead and lookbehind are not part of Go regular expressions'],
  [/escape sequence: `\\[1-9]`/, 'backreferences are not part of Go regular expressions'],
];

export function compileGoRegexp(source: string, field: string): GoRegexp {
  const { RE2JS } = loadEngine();
  let compiled: Re2;
  try {
    compiled = RE2JS.compile(source);
  } catch (error) {
    const message = (error as Error).message.replace(/^error parsing regexp: /, '');
    const hint = HINTS.find(([pattern]) => pattern.test(message))?.[1];
    throw invalid(field, source, `a Go (RE2) regular expression (${message}${hint ? `; ${hint}` : ''})`);
  }
  return {
    source,
    test: (text) => compiled.test(text),
    exec: (text) => compiled.exec(text),
  };
}

/**
 * Go's Regexp.ExpandString: `$1`, `${1}`, `$name`, `${name}`; `$$` is a literal `$`. A name is the
 * longest run of letters, digits and `_` (so `$1x` means group "1x", not group 1 then "x"); an
 * unknown or unmatched group expands to nothing; a malformed `$` is kept as text.
 */
export function expandGoTemplate(template: string, match: GoMatch): string {
  return template.replace(/\$(?:\$|\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/gu, (whole, braced, bare) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare) as string;
    if (/^[0-9]+$/.test(name)) return match[Number(name)] ?? '';
    return match.groups?.[name] ?? '';
  });
}
