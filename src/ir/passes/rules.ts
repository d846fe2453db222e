import { KEYWORD_NAMES } from '../../ajv/keyword-names.js';
import { walkObjects } from '../../schema/walk.js';
import type { RuleModel } from '../types.js';

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {});

const KIND: Readonly<Record<string, RuleModel['kind']>> = {
  yibiaoIdDocument: 'idDocument',
  yibiaoAgeGate: 'age',
  yibiaoDateOrder: 'dateOrder',
  yibiaoNotFuture: 'dateOrder',
  yibiaoBankAccount: 'format',
  yibiaoExclusive: 'exclusive',
  yibiaoPrerequisite: 'prerequisite',
  yibiaoDivision: 'format',
};

/**
 * Lists the rules a bundled schema declares: service sections (root `allOf`
 * if/then/else), conditions inside sections, and every custom keyword, each
 * with the schema pointer where it is declared.
 *
 * @param schema - the bundled schema.
 */
export function collectRules(schema: Obj): RuleModel[] {
  const rules: RuleModel[] = [];
  const allOf = Array.isArray(schema.allOf) ? schema.allOf.map(obj) : [];
  allOf.forEach((entry, index) => {
    const service = obj(obj(obj(obj(entry.if).properties).services).contains).const;
    const sectionKeys = Object.keys(obj(obj(entry.then).properties));
    if (typeof service === 'string') {
      const key = sectionKeys[0];
      rules.push({
        id: `section:${service}`,
        kind: 'section',
        schemaPath: `#/allOf/${index}`,
        ...(key === undefined ? {} : { target: `/${key}` }),
      });
    }
  });
  walkObjects(schema, ({ pointer, value }) => {
    for (const keyword of KEYWORD_NAMES) {
      if (keyword in value) {
        const kind = KIND[keyword] ?? 'format';
        rules.push({ id: `${keyword}:${pointer}`, kind, schemaPath: `#${pointer}/${keyword}` });
      }
    }
    if (pointer.endsWith('/properties') || pointer === '') return;
    const nested = Array.isArray(value.allOf) ? value.allOf.map(obj) : [];
    nested.forEach((entry, index) => {
      if (!('if' in entry) || pointer === '') return;
      const dataPath = pointer.replace(/\/allOf\/\d+\/then\/properties/g, '').replace(/\/properties/g, '');
      rules.push({
        id: `requiredIf:${pointer}/allOf/${index}`,
        kind: 'requiredIf',
        schemaPath: `#${pointer}/allOf/${index}`,
        target: dataPath,
      });
    });
  });
  return rules;
}
