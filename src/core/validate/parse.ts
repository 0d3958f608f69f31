// Reads every document of a manifest file for validation: syntax errors and duplicate keys are
// findings with their line (not exceptions), and each object keeps a way to find the line of a path.
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { parsePlainYamlStream } from '../yaml/fast-parse.js';
import { firstDuplicateKey, MAX_ALIAS_COUNT } from '../yaml/parse.js';
import type { Finding } from './findings.js';

export interface ParsedObject {
  file: string;
  /** Line of the document's first node. */
  line: number;
  value: unknown;
  /** Line of the node at `path` (object keys and array indexes), or the document's line. */
  lineOf(path: readonly (string | number)[]): number;
}

/** `reader: 'library'` reads with the `yaml` library alone (tests hold the fast reader to it). */
export function parseManifestFile(
  file: string,
  text: string,
  options: { reader?: 'fast' | 'library' } = {},
): { objects: ParsedObject[]; findings: Finding[] } {
  // Most manifests are plain block YAML, which the fast reader composes into the nodes the library
  // would; one with a repeated key (or a merge key) goes to the library, which reports it with its line.
  const plain = options.reader === 'library' ? undefined : parsePlainYamlStream(text);
  if (plain && !plain.some((document) => firstDuplicateKey(document.contents, 'count'))) {
    return collect(file, plain, lineIndex(text));
  }
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }) as
    Document.Parsed[] | { errors: unknown[] };
  if (!Array.isArray(documents)) return { objects: [], findings: [] };
  return collect(file, documents, (offset) => lines.linePos(offset).line);
}

/** Line numbers of offsets in `text`: the library's LineCounter, given the line starts on first use. */
function lineIndex(text: string): (offset: number) => number {
  let lines: LineCounter | undefined;
  return (offset) => {
    if (!lines) {
      lines = new LineCounter();
      lines.addNewLine(0);
      for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
        lines.addNewLine(index + 1);
    }
    return lines.linePos(offset).line;
  };
}

function collect(
  file: string,
  documents: Document.Parsed[],
  lineOfOffset: (offset: number) => number,
): { objects: ParsedObject[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const objects: ParsedObject[] = [];
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineOfOffset(offset));
  for (const document of documents) {
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        const duplicate = error.code === 'DUPLICATE_KEY';
        findings.push({
          severity: 'error',
          rule: duplicate ? 'duplicate-key' : 'parse',
          file,
          line: lineAt(error.pos[0]),
          message: duplicate ? 'a key appears twice in one mapping' : `not valid YAML: ${error.message.split('\n')[0]}`,
        });
      }
      continue;
    }
    if (document.contents === null) continue;
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      findings.push({ severity: 'error', rule: 'parse', file, message: (error as Error).message.split('\n')[0] ?? '' });
      continue;
    }
    if (value === null || value === undefined) continue;
    const documentLine = lineAt(document.contents.range[0]);
    objects.push({
      file,
      line: documentLine,
      value,
      lineOf(path) {
        for (let length = path.length; length > 0; length--) {
          const node = document.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
          if (node && typeof node === 'object' && node.range) return lineAt(node.range[0]);
          const parent = document.getIn(path.slice(0, length - 1), true);
          if ((isMap(parent) || isSeq(parent)) && parent.range) return lineAt(parent.range[0]);
        }
        return documentLine;
      },
    });
  }
  return { objects, findings };
}
