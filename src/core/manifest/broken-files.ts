import { parseImageReference } from '../image-ref.js';
import { SETTER_SCREEN } from '../setters/marker.js';
import type { ResolvedTarget } from './target.js';

/** Characters that continue a repository name component: `app` in `app-worker` or `myapp` is another name. */
const NAME_CHAR = /[A-Za-z0-9._-]/;

/** Characters of the text before a name that may still belong to its reference: path, registry host and port. */
const REFERENCE_CHAR = /[A-Za-z0-9._\-/:]/;

/**
 * Whether a file that does not parse could reference the target, and so must block the bump rather
 * than be skipped: nothing can be read from it, so a bump that went on might leave it behind.
 * Conservative: every occurrence of the repository's last path component that may stand for the
 * image blocks. Only these are ruled out: occurrences inside a comment, inside a longer name
 * (`acme/app-worker`, `myapp`), as a mapping key (`app: web`), or naming another repository
 * (`other/app`). A file with a setter marker blocks whenever it mentions the name at all, comments
 * included, because a marker can make a file edited without naming the image.
 */
export function brokenFileMayReference(text: string, target: ResolvedTarget): boolean {
  if (text.includes(SETTER_SCREEN)) return target.mentions(text);
  for (const line of text.split('\n')) {
    const code = withoutComment(line);
    for (let at = code.indexOf(target.screen); at !== -1; at = code.indexOf(target.screen, at + 1)) {
      if (occurrenceMayReference(code, at, target)) return true;
    }
  }
  return false;
}

function occurrenceMayReference(code: string, at: number, target: ResolvedTarget): boolean {
  const end = at + target.screen.length;
  if (NAME_CHAR.test(code[at - 1] ?? '') || NAME_CHAR.test(code[end] ?? '')) return false;
  if (code[end] === ':' && /^(\s|$)/.test(code.slice(end + 1, end + 2))) return false;
  let start = at;
  while (start > 0 && REFERENCE_CHAR.test(code[start - 1] ?? '')) start--;
  const name = code.slice(start, end);
  try {
    if (parseImageReference(name).repository === target.repository) return true;
  } catch {
    // Not a reference by itself; it may still be the path part of one.
  }
  // Helm values may give the registry in a key of their own, leaving only the path here.
  return target.repository.endsWith(`/${name}`);
}

/**
 * The line without its comment: a `#` at the start or after white space, outside quotes. A quote
 * opens only where a quoted scalar may start, so the apostrophe of `it's` opens nothing; a quote
 * left open keeps the rest of the line (the conservative reading).
 */
function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index] as string;
    const before = line[index - 1] ?? ' ';
    if (quote !== undefined) {
      if (quote === '"' && char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if ((char === '"' || char === "'") && /[\s:,[{-]/.test(before)) {
      quote = char;
    } else if (char === '#' && /\s/.test(before)) {
      return line.slice(0, index);
    }
  }
  return line;
}
