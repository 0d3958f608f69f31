import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { UserError } from '../errors.js';
import { codePointName, lineAt } from './edit.js';
import { parsePlainYamlStream } from './fast-parse.js';

/** Aliases a single document may expand to before it is treated as an attack (billion laughs). */
export const MAX_ALIAS_COUNT = 100;

export type YamlDocument = Document.Parsed;

/**
 * Characters YAML forbids anywhere in a stream (outside its printable set: C0 controls but tab, LF
 * and CR; DEL; C1 controls but NEL; U+FFFE and U+FFFF; unpaired surrogates). The `yaml` library reads
 * them, kubectl does not, and a file holding one is never rewritten.
 */
export const FORBIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Parses every document of a YAML stream, keeping node positions in the original text (a BOM and
 * CRLF endings included) so that edits can splice the original bytes. A syntax error, a character
 * YAML forbids, or a key repeated in one mapping (kubectl refuses those; the `yaml` library would let
 * the last one win, so a reviewer would see one value and the cluster get another) is a UserError
 * naming the file and line.
 */
export function parseYamlStream(file: string, text: string): YamlDocument[] {
  const forbidden = FORBIDDEN_CHARACTER.exec(text);
  if (forbidden) {
    throw new UserError(
      `${file}:${lineAt(text, forbidden.index)}: not valid YAML: control character ${codePointName(forbidden[0])} is not allowed (write it escaped in a double-quoted string)`,
    );
  }
  // Most manifests are plain block YAML, which the fast reader composes into the same nodes.
  const plain = parsePlainYamlStream(text);
  if (plain) {
    for (const document of plain) checkUniqueKeys(file, text, document.contents);
    return plain;
  }
  // Positions for messages are counted only when there is an error to report (a second parse).
  const parse = (prettyErrors: boolean) =>
    parseAllDocuments(text, { prettyErrors, uniqueKeys: false, strict: false }) as
      YamlDocument[] | { errors: unknown[] };
  let documents = parse(false);
  if (!Array.isArray(documents)) return [];
  if (documents.some((document) => document.errors.length > 0)) documents = parse(true) as YamlDocument[];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const position = error.linePos?.[0];
      // The first line of a pretty message ends with its own "at line L, column C:", which the
      // context lines below it would have completed; the position is given in front instead.
      const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      const where = position ? `:${position.line}` : '';
      const column = position ? ` (column ${position.col})` : '';
      throw new UserError(`${file}${where}: not valid YAML: ${reason}${column}`);
    }
    checkUniqueKeys(file, text, document.contents);
  }
  return documents;
}

/** Every mapping of the document has each key once (`<<` merge keys aside). Aliases are not followed. */
function checkUniqueKeys(file: string, text: string, root: Node | null): void {
  const duplicate = firstDuplicateKey(root);
  if (duplicate) {
    throw new UserError(
      `${file}:${lineAt(text, duplicate.at)}: duplicate key ${JSON.stringify(duplicate.key)} (first at line ${lineAt(text, duplicate.first)}); a key may appear once in a mapping, as kubectl requires`,
    );
  }
}

/**
 * The first scalar key repeated in one mapping under `root`, with its offset and the first one's;
 * merge keys (`<<`) are passed over unless `mergeKeys` says to count them too.
 */
export function firstDuplicateKey(
  root: Node | null,
  mergeKeys: 'skip' | 'count' = 'skip',
): { key: string; at: number; first: number } | undefined {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    } else if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        pending.push(pair.value);
        if (!isScalar(pair.key)) {
          pending.push(pair.key);
          continue;
        }
        if (pair.key.value === '<<' && mergeKeys === 'skip') continue;
        const identity = `${typeof pair.key.value}:${String(pair.key.value)}`;
        const at = pair.key.range?.[0] ?? 0;
        const first = seen.get(identity);
        if (first !== undefined) return { key: String(pair.key.value), at, first };
        seen.set(identity, at);
      }
    }
  }
  return undefined;
}

/**
 * The plain JavaScript value of a document, with alias expansion bounded so that a crafted file
 * fails fast instead of exhausting memory.
 */
export function documentValue(file: string, document: YamlDocument): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new UserError(`${file}: ${(error as Error).message.split('\n')[0]}`);
  }
}
