// Bounds on how deeply a payload or a config may nest, checked without recursion: a 5,000-deep array
// fits well inside GitHub's 64 KiB payload limit, and any recursive walk of it (our checks,
// JSON.stringify in an error message) would overflow the stack.

/** The deepest nesting a dispatch payload needs: source is 2 levels, extra holds up to 8 more. */
export const MAX_PAYLOAD_NESTING = 12;
/** The deepest nesting a promotion config needs (apps.<name>.tags.pattern is 4). */
export const MAX_CONFIG_NESTING = 16;

/**
 * The path (`.a[3].b`) of the first object or array nested deeper than `limit` inside `value` (whose
 * own level is 1), or undefined when none is. Walks with an explicit stack.
 */
export function nestedBeyond(value: unknown, limit: number): string | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 1 }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (typeof current.value !== 'object' || current.value === null) continue;
    if (current.depth > limit) return current.path;
    const children: Array<[string, unknown]> = Array.isArray(current.value)
      ? current.value.map((item, index) => [`[${index}]`, item])
      : Object.entries(current.value).map(([key, item]) => [`.${key}`, item]);
    for (const [step, item] of children.reverse()) {
      stack.push({ value: item, path: `${current.path}${step}`, depth: current.depth + 1 });
    }
  }
  return undefined;
}

/** The top-level key of a path from nestedBeyond (`.extra[0][0]` is `extra`); empty for an array index. */
export function topField(path: string): string {
  return /^\.([^.[]+)/.exec(path)?.[1] ?? '';
}

/**
 * The deepest flow-collection nesting (`[` and `{`) of a YAML text and the line where it is reached,
 * skipping quoted strings and comments: checked before parsing, because the parser recurses.
 */
export function yamlFlowNesting(text: string): { depth: number; line: number } {
  let depth = 0;
  let deepest = { depth: 0, line: 1 };
  let line = 1;
  let quote: string | undefined;
  let comment = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\n') {
      line++;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote !== undefined) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (index === 0 || /\s/.test(text[index - 1] ?? ''))) comment = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth > deepest.depth) deepest = { depth, line };
    } else if ((char === ']' || char === '}') && depth > 0) depth--;
  }
  return deepest;
}
