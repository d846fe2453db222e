import { KEYWORD_NAMES } from '../../ajv/keyword-names.js';
import type { Diagnostic } from '../diagnostics.js';
import { isRecord } from '../walk.js';
import { diagnosticAt, type LintRule } from './rule.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (isRecord(v) ? v : {});

const SERVICE_ID = /^[a-z][A-Za-z0-9]{1,63}$/;
const DEPARTMENTS = new Set(['hrss', 'medicalInsurance', 'tax', 'housingFund']);

/**
 * The shape every form shares (FORMS.md): a `services` checkbox list of
 * `{const, title}` options; each root `allOf` entry that mentions a service is
 * `if services contains S → then properties {K} required [K] else not required [K]`
 * (a section is present and required iff its service is ticked); every service
 * has a department in meta.json.
 */
export const sections: LintRule = {
  code: 'E_SCHEMA_SECTIONS',
  check({ form }) {
    const diagnostics: Diagnostic[] = [];
    const source = form.schema;
    const root = obj(source.data);
    const fix = (pointer: string, en: string, zh: string, how: string) =>
      diagnostics.push(diagnosticAt(source, pointer, { code: 'E_SCHEMA_SECTIONS', message: { 'zh-CN': zh, en }, fix: how }));
    if (root.$schema !== 'http://json-schema.org/draft-07/schema#') {
      fix('/$schema', 'the form must be JSON Schema draft-07', '表单须使用 JSON Schema draft-07', 'set "$schema": "http://json-schema.org/draft-07/schema#" (the dialect @rjsf/validator-ajv8 validates by default)');
    }
    const services = obj(obj(root.properties).services);
    const options = obj(services.items).oneOf;
    if (services.type !== 'array' || services.uniqueItems !== true || !Array.isArray(options)) {
      fix('/properties/services', 'the form needs a "services" checkbox list', '表单须有“申请联办事项”复选列表', 'declare "services": {"type": "array", "uniqueItems": true, "minItems": 1, "items": {"type": "string", "oneOf": [{"const": "<serviceId>", "title": "<事项名称>"}, …]}}');
      return diagnostics;
    }
    const ids: string[] = [];
    options.forEach((option, i) => {
      const o = obj(option);
      const at = `/properties/services/items/oneOf/${i}`;
      if (typeof o.const !== 'string' || !SERVICE_ID.test(o.const) || typeof o.title !== 'string') {
        fix(at, 'each service is {"const": "<serviceId>", "title": "<事项名称>"}', '每个事项须有 const（事项编号）和 title（事项名称）', 'use the service ids of FORMS.md, e.g. {"const": "pensionRegistration", "title": "灵活就业人员参保登记"}');
      } else ids.push(o.const);
    });
    const metaServices = obj(obj(form.meta.data).services);
    for (const id of ids) {
      const department = obj(metaServices[id]).department;
      if (typeof department !== 'string' || !DEPARTMENTS.has(department)) {
        diagnostics.push(
          diagnosticAt(form.meta, `/services/${id}`, {
            code: 'E_META_SERVICE_DEPARTMENT',
            message: { 'zh-CN': `事项 ${id} 未指定有效的责任部门`, en: `service ${id} has no valid department` },
            fix: `set "services": {"${id}": {"department": "hrss" | "medicalInsurance" | "tax" | "housingFund"}} in meta.json`,
          }),
        );
      }
    }
    const allOf = Array.isArray(root.allOf) ? root.allOf : [];
    allOf.forEach((entry, i) => {
      const e = obj(entry);
      const at = `/allOf/${i}`;
      const service = obj(obj(obj(obj(e.if).properties).services).contains).const;
      if (service === undefined) return; // not a section rule (e.g. a prerequisite)
      if (typeof service !== 'string' || !ids.includes(service)) {
        fix(`${at}/if`, `the condition names an unknown service ${String(service)}`, `条件中的事项 ${String(service)} 不在“申请联办事项”中`, `use one of: ${ids.join(', ')}`);
        return;
      }
      const then = obj(e.then);
      const keys = Object.keys(obj(then.properties));
      const required = Array.isArray(then.required) ? then.required : [];
      const notRequired = obj(obj(e.else).not).required;
      const extra = Object.keys(then).filter((k) => !['properties', 'required', ...KEYWORD_NAMES].includes(k));
      const ok =
        keys.length <= 1 &&
        keys.every((k) => required.includes(k)) &&
        (keys.length === 0 || (Array.isArray(notRequired) && notRequired.length === 1 && notRequired[0] === keys[0])) &&
        extra.length === 0;
      if (!ok) {
        fix(at, `the section of ${service} must be present and required only while it is ticked`, `“${service}”对应部分须仅在勾选该事项时出现并必填`, `write {"if": {"properties": {"services": {"contains": {"const": "${service}"}}}, "required": ["services"]}, "then": {"properties": {"<key>": {…}}, "required": ["<key>"]}, "else": {"not": {"required": ["<key>"]}}}`);
      }
    });
    return diagnostics;
  },
};
