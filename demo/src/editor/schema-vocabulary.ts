import type { AnySchemaObject } from 'ajv';
import { KEYWORDS } from '../../../src/ajv/plugin.js';
import { FORMAT_NAMES } from '../../../src/rules/formats.js';

/** A name or value offered by completion. */
export interface Offer {
  /** The JSON text inserted (a quoted name, or a JSON value). */
  readonly label: string;
  readonly detail?: string;
  readonly info?: string;
  readonly type: 'keyword' | 'property' | 'constant' | 'function' | 'type' | 'variable';
}

/** Draft-07 keywords (the linter allows exactly these plus yibiao's). */
export const DRAFT_07_KEYWORDS = [
  'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'definitions', '$ref', '$comment',
  'enum', 'const', 'oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else', 'items', 'minItems', 'maxItems',
  'uniqueItems', 'contains', 'additionalItems', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'propertyNames', 'patternProperties', 'dependencies',
  'minProperties', 'maxProperties', 'default', 'examples', 'readOnly', 'writeOnly', 'contentMediaType',
  'contentEncoding', '$schema', '$id',
] as const;

const JSON_TYPES = ['object', 'string', 'array', 'boolean', 'integer', 'number', 'null'];
const SUBSCHEMA = new Set(['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'if', 'then', 'else', 'not']);
const SCHEMA_MAPS = new Set(['properties', 'definitions', 'patternProperties', 'dependencies']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const BOOLEAN_KEYWORDS = new Set(['uniqueItems', 'additionalProperties', 'readOnly', 'writeOnly']);

const META: ReadonlyMap<string, AnySchemaObject> = new Map(KEYWORDS.map((k) => [k.keyword, k.metaSchema]));

/** What the object at a path of a schema document is. */
type Role =
  | { readonly kind: 'schema' }
  | { readonly kind: 'map' }
  | { readonly kind: 'list' }
  | { readonly kind: 'meta'; readonly keyword: string; readonly schema: AnySchemaObject | undefined }
  | { readonly kind: 'other' };

const isObject = (value: unknown): value is AnySchemaObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The part of a keyword's meta-schema that describes the value one segment further down. */
function metaChild(schema: AnySchemaObject | undefined, segment: string): AnySchemaObject | undefined {
  if (schema === undefined) return undefined;
  for (const branch of Array.isArray(schema.anyOf) ? (schema.anyOf as unknown[]).filter(isObject) : [schema]) {
    const properties = isObject(branch.properties) ? branch.properties : {};
    const child = properties[segment];
    if (isObject(child)) return child;
    if (/^\d+$/.test(segment) && isObject(branch.items)) return branch.items;
  }
  return undefined;
}

/** Reads a path of a schema document: schema, map of schemas, list of schemas, a yibiao keyword's value, or other. */
export function roleAt(path: readonly string[]): Role {
  let role: Role = { kind: 'schema' };
  for (const segment of path) {
    if (role.kind === 'schema') {
      const meta = META.get(segment);
      if (SCHEMA_MAPS.has(segment)) role = { kind: 'map' };
      else if (SCHEMA_LISTS.has(segment)) role = { kind: 'list' };
      else if (SUBSCHEMA.has(segment) || /^\d+$/.test(segment)) role = { kind: 'schema' };
      else if (meta !== undefined) role = { kind: 'meta', keyword: segment, schema: meta };
      else role = { kind: 'other' };
    } else if (role.kind === 'map') role = { kind: 'schema' };
    else if (role.kind === 'list') role = /^\d+$/.test(segment) ? { kind: 'schema' } : { kind: 'other' };
    else if (role.kind === 'meta') role = { kind: 'meta', keyword: role.keyword, schema: metaChild(role.schema, segment) };
    else return role;
  }
  return role;
}

/** A one-line summary of a meta-schema, for the completion info. */
export function describeMeta(schema: AnySchemaObject | undefined): string {
  if (schema === undefined) return '';
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as unknown[]).filter(isObject).map(describeMeta).join(' | ');
  if (schema.type === 'object' && isObject(schema.properties)) {
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const members = Object.keys(schema.properties).filter((k) => k !== '$comment');
    return `{ ${members.map((k) => (required.has(k) ? k : `${k}?`)).join(', ')} }`;
  }
  if (schema.type === 'array') return `[ ${describeMeta(isObject(schema.items) ? schema.items : undefined)} … ]`;
  return typeof schema.type === 'string' ? schema.type : '';
}

function metaKeys(schema: AnySchemaObject | undefined): Offer[] {
  if (schema === undefined) return [];
  const branches = Array.isArray(schema.anyOf) ? (schema.anyOf as unknown[]).filter(isObject) : [schema];
  const offers: Offer[] = [];
  for (const branch of branches) {
    if (!isObject(branch.properties)) continue;
    const required = new Set(Array.isArray(branch.required) ? (branch.required as string[]) : []);
    for (const [name, sub] of Object.entries(branch.properties)) {
      offers.push({
        label: JSON.stringify(name),
        type: 'property',
        detail: required.has(name) ? 'required' : 'optional',
        info: describeMeta(isObject(sub) ? sub : undefined),
      });
    }
  }
  return offers;
}

function metaValues(schema: AnySchemaObject | undefined): Offer[] {
  if (schema === undefined) return [];
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as unknown[]).filter(isObject).flatMap(metaValues);
  if ('const' in schema) return [{ label: JSON.stringify(schema.const), type: 'constant' }];
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => ({ label: JSON.stringify(v), type: 'constant' as const }));
  if (schema.type === 'boolean') return [{ label: 'true', type: 'constant' }, { label: 'false', type: 'constant' }];
  if (schema.type === 'object') return [{ label: '{}', type: 'constant', info: describeMeta(schema) }];
  if (schema.type === 'array') return [{ label: '[]', type: 'constant', info: describeMeta(schema) }];
  return [];
}

/** Member names offered in an object of a schema document. */
export function schemaKeyOffers(path: readonly string[]): Offer[] {
  const role = roleAt(path);
  if (role.kind === 'meta') return metaKeys(role.schema);
  if (role.kind !== 'schema') return [];
  return [
    ...KEYWORDS.map((k): Offer => ({ label: JSON.stringify(k.keyword), type: 'function', detail: 'yibiao', info: describeMeta(k.metaSchema) })),
    ...DRAFT_07_KEYWORDS.map((k): Offer => ({ label: JSON.stringify(k), type: 'keyword', detail: 'draft-07' })),
  ];
}

/**
 * Values offered for a member of a schema document.
 *
 * @param path - the object the member is in.
 * @param key - the member's name.
 * @param refs - `$ref` targets: the shared dictionary's and this document's definitions.
 */
export function schemaValueOffers(path: readonly string[], key: string, refs: readonly string[]): Offer[] {
  const role = roleAt(path);
  if (role.kind === 'meta') return metaValues(metaChild(role.schema, key));
  if (role.kind !== 'schema') return [];
  if (key === 'format') return FORMAT_NAMES.map((f) => ({ label: JSON.stringify(f), type: 'constant', detail: 'format' }));
  if (key === 'type') return JSON_TYPES.map((t) => ({ label: JSON.stringify(t), type: 'type' }));
  if (key === '$ref') return refs.map((r) => ({ label: JSON.stringify(r), type: 'variable' }));
  if (key === '$schema') return [{ label: '"http://json-schema.org/draft-07/schema#"', type: 'constant' }];
  if (BOOLEAN_KEYWORDS.has(key)) return [{ label: 'true', type: 'constant' }, { label: 'false', type: 'constant' }];
  return metaValues(META.get(key));
}
