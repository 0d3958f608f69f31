import { parseAllDocuments, type Document } from 'yaml';
import { UserError } from '../errors.js';

/** Aliases a single document may expand to before it is treated as an attack (billion laughs). */
export const MAX_ALIAS_COUNT = 100;

export type YamlDocument = Document.Parsed;

/**
 * Parses every document of a YAML stream, keeping node positions in the original text (a BOM and
 * CRLF endings included) so that edits can splice the original bytes. A syntax error is a UserError
 * naming the file and line.
 */
export function parseYamlStream(file: string, text: string): YamlDocument[] {
  const documents = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: false, strict: false }) as
    YamlDocument[] | { errors: unknown[] };
  if (!Array.isArray(documents)) return [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const line = error.linePos?.[0].line;
      const reason = error.message.split('\n')[0];
      throw new UserError(`${file}${line ? `:${line}` : ''}: not valid YAML: ${reason}`);
    }
  }
  return documents;
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
