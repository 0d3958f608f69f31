// Request checks against GitHub's official OpenAPI description (@octokit/openapi), so a request GitHub
// would reject is rejected here too. The description is read on first use and only the operations that
// are actually called get compiled.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
}

interface Description {
  paths: Record<string, Record<string, JsonObject>>;
  components: JsonObject;
}

export interface RequestParts {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export type Rejection = { status: 404 | 422; message: string };

interface OperationValidator {
  path?: ValidateFunction;
  query?: ValidateFunction;
  body?: ValidateFunction;
  bodyRequired: boolean;
}

let description: Description | undefined;
const bodyAjv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
const paramAjv = new Ajv({ strict: false, allErrors: false, validateFormats: false, coerceTypes: true });
const validators = new Map<string, OperationValidator | null>();

export function descriptionPath(): string {
  const entry = createRequire(import.meta.url).resolve('@octokit/openapi');
  return join(dirname(entry), 'generated', 'api.github.com.json');
}

function loadDescription(): Description {
  description ??= JSON.parse(readFileSync(descriptionPath(), 'utf8')) as Description;
  return description;
}

function lookup(pointer: string): Json | undefined {
  let node: Json | undefined = loadDescription() as unknown as Json;
  for (const part of pointer.replace(/^#\//, '').split('/')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** OpenAPI 3.0 to JSON Schema: inline `$ref`s (cycles become "anything") and turn `nullable` into a null type. */
export function toJsonSchema(node: Json, resolving: string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, resolving));
  if (node === null || typeof node !== 'object') return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    if (resolving.includes(ref)) return {};
    const target = lookup(ref);
    return target === undefined ? {} : toJsonSchema(target, [...resolving, ref]);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key === 'discriminator') continue;
    // Inside `properties` the keys are property names, not keywords.
    out[key] = key === 'properties' ? mapValues(value, resolving) : toJsonSchema(value, resolving);
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

function mapValues(value: Json, resolving: string[]): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v, resolving)]));
}

function parametersSchema(parameters: Parameter[], location: 'path' | 'query'): JsonObject | undefined {
  const selected = parameters.filter((parameter) => parameter.in === location && parameter.schema);
  if (selected.length === 0) return undefined;
  return {
    type: 'object',
    properties: Object.fromEntries(selected.map((p) => [p.name, toJsonSchema(p.schema as Json)])),
    required: selected.filter((p) => p.required).map((p) => p.name),
  };
}

function compileOperation(method: string, template: string): OperationValidator | null {
  const operation = loadDescription().paths[template]?.[method.toLowerCase()];
  if (!operation) return null;
  const rawParameters = Array.isArray(operation.parameters) ? operation.parameters : [];
  const parameters = rawParameters.map((p) => toJsonSchema(p) as unknown as Parameter);
  const requestBody = toJsonSchema(operation.requestBody ?? null) as JsonObject | null;
  const content = requestBody?.content as JsonObject | undefined;
  const bodySchema = (content?.['application/json'] as JsonObject | undefined)?.schema;
  const pathSchema = parametersSchema(parameters, 'path');
  const querySchema = parametersSchema(parameters, 'query');
  return {
    path: pathSchema ? paramAjv.compile(pathSchema) : undefined,
    query: querySchema ? paramAjv.compile(querySchema) : undefined,
    body: bodySchema ? bodyAjv.compile(bodySchema as object) : undefined,
    bodyRequired: requestBody?.required === true,
  };
}

function validatorFor(method: string, template: string): OperationValidator | null {
  const key = `${method} ${template}`;
  if (!validators.has(key)) validators.set(key, compileOperation(method, template));
  return validators.get(key) ?? null;
}

/** Reads and parses the description now, so a later first request does not pay for it. */
export function warmUp(): void {
  loadDescription();
}

export function isDescribed(method: string, template: string): boolean {
  return loadDescription().paths[template]?.[method.toLowerCase()] !== undefined;
}

export function checkRequest(method: string, template: string, parts: RequestParts): Rejection | undefined {
  const validator = validatorFor(method, template);
  if (!validator) return undefined;
  if (validator.path && !validator.path({ ...parts.params })) return { status: 404, message: 'Not Found' };
  if (validator.query) {
    const query: Record<string, string> = {};
    for (const [key, value] of parts.query) query[key] ??= value;
    if (!validator.query(query)) return invalid(validator.query.errors, query);
  }
  if (parts.body === undefined) {
    if (validator.bodyRequired && validator.body) return invalid([{ keyword: 'body' } as ErrorObject], undefined);
    return undefined;
  }
  if (validator.body && !validator.body(parts.body)) return invalid(validator.body.errors, parts.body);
  return undefined;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  const text = JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

function valueAt(root: unknown, instancePath: string): unknown {
  let node = root;
  for (const part of instancePath.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** Words an ajv error the way GitHub's validator words its messages. */
function describe(error: ErrorObject, root: unknown): string {
  const where = error.instancePath === '' ? 'items' : `properties${error.instancePath}`;
  const value = show(valueAt(root, error.instancePath));
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'body':
      return 'A request body is required.';
    case 'required':
      return `"${String(params.missingProperty)}" wasn't supplied.`;
    case 'type':
      return `For '${where}', ${value} is not ${article(String(params.type))}.`;
    case 'enum':
      return `For '${where}', ${value} is not a member of ${show(params.allowedValues)}.`;
    case 'maxProperties':
      return `No more than ${String(params.limit)} properties are allowed; ${countKeys(valueAt(root, error.instancePath))} were supplied.`;
    case 'maxLength':
      return `For '${where}', ${value} is too long (maximum is ${String(params.limit)} characters).`;
    case 'minLength':
      return `For '${where}', ${value} is too short (minimum is ${String(params.limit)} characters).`;
    case 'additionalProperties':
      return `"${String(params.additionalProperty)}" is not a permitted key.`;
    default:
      return `For '${where}', ${value} ${error.message ?? 'is not valid'}.`;
  }
}

function article(type: string): string {
  const first = type.split(',')[0] ?? type;
  return /^[aeiou]/.test(first) ? `an ${first}` : `a ${first}`;
}

function countKeys(value: unknown): number {
  return value !== null && typeof value === 'object' ? Object.keys(value).length : 0;
}

function invalid(errors: ErrorObject[] | null | undefined, root: unknown): Rejection {
  const details = (errors ?? []).slice(0, 1).map((error) => describe(error, root));
  return { status: 422, message: ['Invalid request.', ...details].join('\n\n') };
}

const responseAjv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const responseValidators = new Map<string, ValidateFunction | null>();

/**
 * Checks a response body against the description's schema for that status (for tests of the server
 * itself); returns the problems as "path: message" lines, empty when the body conforms.
 */
export function checkResponse(method: string, template: string, status: number, body: unknown): string[] {
  const key = `${method} ${template} ${status}`;
  if (!responseValidators.has(key)) {
    const operation = loadDescription().paths[template]?.[method.toLowerCase()];
    const responses = toJsonSchema((operation?.responses as Json | undefined) ?? null) as JsonObject | null;
    const response = responses?.[String(status)] as JsonObject | undefined;
    const content = response?.content as JsonObject | undefined;
    const schema = (content?.['application/json'] as JsonObject | undefined)?.schema;
    responseValidators.set(key, schema ? responseAjv.compile(schema as object) : null);
  }
  const validate = responseValidators.get(key);
  if (!validate) return [`no ${status} response schema for ${key}`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
}
