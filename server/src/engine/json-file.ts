import type { ErrorObject, ValidateFunction } from 'ajv';
import { parseTree, findNodeAtLocation, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Span } from './types';

/** A problem in a JSON file (profile, glossary, config), located at the offending value or key. */
export interface JsonProblem { span: Span; message: string; path: string }

export interface JsonFileResult<T> { value?: T; problems: JsonProblem[] }

/** The options every validator is compiled with, at build time (scripts/gen-validators.ts) or here. */
export const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true } as const;
const compiled = new Map<object, ValidateFunction>();

/**
 * The validators of the project's schemas, compiled at build time (ajv's standalone code in
 * generated/validators.js, kept current by `npm run docs`), so nothing is compiled at run time:
 * a faster start, and no code generated with `new Function` (which web hosts may forbid).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const precompiled = require('./generated/validators') as Record<string, ValidateFunction>;

/** The name a schema's precompiled validator is exported under: a hash of its JSON. */
export function schemaKey(schema: object): string {
  const json = JSON.stringify(schema);
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) { h ^= json.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return `v_${h.toString(36)}_${json.length}`;
}

/** The validator for a schema object: the precompiled one, else compiled once here (a schema changed since `npm run docs`). */
export function validator(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = precompiled[schemaKey(schema)] ?? compileNow(schema);
    compiled.set(schema, v);
  }
  return v;
}

/**
 * A schema changed since `npm run docs`: compiled now with ajv (Node only, and only while
 * developing; the test of precompiled validators fails until they are regenerated). The web
 * build leaves ajv's compiler out: no code generated at run time there.
 */
function compileNow(schema: object): ValidateFunction {
  if (typeof PAPER_DIGEST_WEB === 'boolean' && PAPER_DIGEST_WEB) {
    throw new Error(`no precompiled validator for schema ${schemaKey(schema)}: run npm run docs`);
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    return (ajv ??= new Ajv(AJV_OPTIONS)).compile(schema);
  }
}
let ajv: import('ajv').default | undefined;
declare const PAPER_DIGEST_WEB: boolean | undefined;

/** Whether a schema's validator comes from the build (for the test that every schema has one). */
export function isPrecompiled(schema: object): boolean {
  return schemaKey(schema) in precompiled;
}

/** A value's schema errors in one line (a tool's input, not a file: no place to point at). */
export function inputProblems(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${e.params.additionalProperty})` : ''}`).join('; ');
}

/**
 * Parses JSON (comments and trailing commas are reported, not silently accepted) and validates
 * it against a JSON Schema with ajv; every problem carries the span of the key or value at fault.
 */
export function readJsonFile<T>(text: string, schema: object): JsonFileResult<T> {
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const tree = parseTree(body, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length || !tree) {
    const problems = errors.map(e => ({
      span: { start: e.offset, end: e.offset + Math.max(1, e.length) },
      message: `Invalid JSON: ${printParseErrorCode(e.error)}`,
      path: '',
    }));
    if (!problems.length) problems.push({ span: { start: 0, end: 0 }, message: 'Invalid JSON: empty file', path: '' });
    return { problems };
  }
  const value = JSON.parse(body) as T;
  const validate = validator(schema);
  if (validate(value)) return { value, problems: [] };
  return { problems: dedupe(oneErrorPerPlace(validate.errors ?? []).map(e => locate(tree, e, value))) };
}

/**
 * One error per value: a value that fails a oneOf/anyOf gets one error from each branch plus the
 * oneOf's own ("must be equal to one of…", "must be array", "must match exactly one schema").
 * Keep the branch that says most (a list of allowed values, else a wrong type), drop the rest.
 */
function oneErrorPerPlace(errors: ErrorObject[]): ErrorObject[] {
  const combined = new Set(errors.filter(e => e.keyword === 'oneOf' || e.keyword === 'anyOf').map(e => e.instancePath));
  if (!combined.size) return errors;
  const rank = (e: ErrorObject) => (e.keyword === 'enum' ? 0 : e.keyword === 'additionalProperties' ? 1 : e.keyword === 'type' ? 3 : e.keyword === 'oneOf' || e.keyword === 'anyOf' ? 4 : 2);
  const best = new Map<string, ErrorObject>();
  for (const e of errors) {
    if (!combined.has(e.instancePath)) continue;
    const b = best.get(e.instancePath);
    if (!b || rank(e) < rank(b)) best.set(e.instancePath, e);
  }
  return errors.filter(e => !combined.has(e.instancePath) || best.get(e.instancePath) === e);
}

function locate(tree: JsonNode, e: ErrorObject, value: unknown): JsonProblem {
  const path = e.instancePath.split('/').slice(1).map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(s => (/^\d+$/.test(s) ? Number(s) : s));
  let node = findNodeAtLocation(tree, path) ?? tree;
  let message = `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`;
  if (e.keyword === 'additionalProperties') {
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    const prop = node.children?.find(c => c.children?.[0]?.value === key);
    if (prop?.children?.[0]) node = prop.children[0];
    message = `Unknown property "${key}" in ${e.instancePath || 'the top level'}; remove it or check its spelling`;
  } else if (e.keyword === 'enum') {
    const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(v => JSON.stringify(v)).join(', ');
    const found = path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), value);
    message = `${e.instancePath || '/'} is ${JSON.stringify(found)}; use one of ${allowed}`;
  } else if (e.keyword === 'required' && node.parent?.type === 'property') {
    node = node.parent.children?.[0] ?? node;
  }
  return { span: { start: node.offset, end: node.offset + node.length }, message, path: e.instancePath };
}

function dedupe(list: JsonProblem[]): JsonProblem[] {
  // oneOf failures repeat themselves per branch; keep the most specific message per place.
  const seen = new Set<string>();
  return list.filter(p => {
    const k = `${p.span.start}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** "file:line:column: message" for a problem, 1-based as editors and compilers print it. */
export function formatProblem(file: string, text: string, p: JsonProblem): string {
  let line = 1, col = 1;
  for (let i = 0; i < p.span.start && i < text.length; i++) {
    if (text[i] === '\n') { line++; col = 1; } else col++;
  }
  return `${file}:${line}:${col}: ${p.message}`;
}
