import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { jsonContextAt } from '../../demo/src/editor/json-context.js';
import { schemaKeyOffers, schemaValueOffers } from '../../demo/src/editor/schema-vocabulary.js';

/** The completion context at `|` in `doc`. */
function contextAt(doc: string) {
  const pos = doc.indexOf('|');
  return jsonContextAt(EditorState.create({ doc: doc.replace('|', ''), extensions: [json()] }), pos);
}
const labels = (offers: { label: string }[]) => offers.map((o) => o.label);

describe('schema completion', () => {
  it('offers yibiao keywords and draft-07 keywords for a member of a schema', () => {
    const where = contextAt('{"properties": {"a": {"type": "string", "yib|"}}}');
    expect(where).toMatchObject({ kind: 'key', path: ['properties', 'a'] });
    const offered = labels(schemaKeyOffers(where?.path ?? []));
    expect(offered).toEqual(expect.arrayContaining(['"yibiaoNotFuture"', '"yibiaoAgeGate"', '"format"', '"oneOf"']));
  });

  it('offers the members of a yibiao keyword value from its meta-schema, with what is required', () => {
    const where = contextAt('{"allOf": [{"then": {"yibiaoAgeGate": {"person": "applicant", |}}}]}');
    expect(where).toMatchObject({ kind: 'key', path: ['allOf', '0', 'then', 'yibiaoAgeGate'] });
    const offers = schemaKeyOffers(where?.path ?? []);
    expect(offers.find((o) => o.label === '"retirement"')).toMatchObject({ detail: 'required', info: '"error" | "warning" | "none"' });
    expect(labels(offers)).toContain('"requireNewForeignPr"');
  });

  it('offers the values a yibiao keyword member takes', () => {
    const where = contextAt('{"yibiaoAgeGate": {"retirement": "|"}}');
    expect(where).toMatchObject({ kind: 'value', key: 'retirement', path: ['yibiaoAgeGate'] });
    expect(labels(schemaValueOffers(where?.path ?? [], where?.key ?? '', []))).toEqual(['"error"', '"warning"', '"none"']);
    expect(labels(schemaValueOffers([], 'yibiaoNotFuture', []))).toEqual(['true']);
  });

  it('offers formats, types and $ref targets', () => {
    const format = contextAt('{"properties": {"m": {"format": "cn|"}}}');
    expect(format).toMatchObject({ kind: 'value', key: 'format' });
    expect(labels(schemaValueOffers(format?.path ?? [], 'format', []))).toEqual(expect.arrayContaining(['"cn-mobile"', '"cn-resident-id"', '"year-month"']));
    expect(labels(schemaValueOffers([], 'type', []))).toContain('"object"');
    expect(labels(schemaValueOffers(['properties', 'x'], '$ref', ['../common/person.schema.json#/definitions/name']))).toEqual(['"../common/person.schema.json#/definitions/name"']);
  });

  it('offers no keywords where names are free (inside properties)', () => {
    expect(schemaKeyOffers(['properties'])).toEqual([]);
  });
});
