import type { Ajv, AnySchemaObject } from 'ajv';
import { yibiaoDivision } from '../rules/division-keyword.js';
import { formats } from '../rules/formats.js';
import {
  yibiaoAgeGate,
  yibiaoBankAccount,
  yibiaoDateOrder,
  yibiaoExclusive,
  yibiaoIdDocument,
  yibiaoNotFuture,
  yibiaoPrerequisite,
} from '../rules/keyword-functions.js';
import { type ProblemFunction, problemKeyword } from './problem-keyword.js';

const comment = { $comment: { type: 'string' } };
const name = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z][A-Za-z0-9]*$' };
const idDocumentProps = {
  number: name,
  type: name,
  defaultType: { enum: ['residentId', 'hkMoResidencePermit', 'twResidencePermit', 'foreignPermanentResidentId', 'hkMoTravelPermit', 'twTravelPermit', 'passport'] },
  sex: name,
  birth: name,
  requireNewForeignPr: { type: 'boolean' },
  ...comment,
};

/** Every custom keyword: its function and the JSON Schema of its value. */
export const KEYWORDS: readonly { keyword: string; fn: ProblemFunction; metaSchema: AnySchemaObject }[] = [
  {
    keyword: 'yibiaoIdDocument',
    fn: yibiaoIdDocument as ProblemFunction,
    metaSchema: { type: 'object', required: ['number'], additionalProperties: false, properties: idDocumentProps },
  },
  {
    keyword: 'yibiaoAgeGate',
    fn: yibiaoAgeGate as ProblemFunction,
    metaSchema: {
      type: 'object',
      required: ['person', 'number', 'min', 'retirement'],
      additionalProperties: false,
      properties: {
        ...idDocumentProps,
        person: name,
        min: { type: 'integer', minimum: 0, maximum: 100 },
        retirement: { enum: ['error', 'warning', 'none'] },
      },
    },
  },
  {
    keyword: 'yibiaoDateOrder',
    fn: yibiaoDateOrder as ProblemFunction,
    metaSchema: {
      type: 'object',
      required: ['from', 'to'],
      additionalProperties: false,
      properties: { from: name, to: name, permanent: { type: 'string' }, toNotPast: { type: 'boolean' }, spanWarning: { type: 'boolean' }, ...comment },
    },
  },
  { keyword: 'yibiaoNotFuture', fn: yibiaoNotFuture as ProblemFunction, metaSchema: { const: true } },
  { keyword: 'yibiaoBankAccount', fn: yibiaoBankAccount as ProblemFunction, metaSchema: { const: true } },
  {
    keyword: 'yibiaoExclusive',
    fn: yibiaoExclusive as ProblemFunction,
    metaSchema: { type: 'array', maxItems: 50, items: { type: 'array', minItems: 2, maxItems: 2, items: name } },
  },
  {
    keyword: 'yibiaoPrerequisite',
    fn: yibiaoPrerequisite as ProblemFunction,
    metaSchema: {
      type: 'object',
      required: ['service', 'requires'],
      additionalProperties: false,
      properties: {
        service: name,
        requires: { type: 'array', minItems: 1, items: name },
        declaredAt: { type: 'string', pattern: '^(/[A-Za-z0-9]+)+$' },
        servicesKey: name,
        ...comment,
      },
    },
  },
  {
    keyword: 'yibiaoDivision',
    fn: yibiaoDivision as ProblemFunction,
    metaSchema: {
      anyOf: [
        { const: true },
        { type: 'object', additionalProperties: false, properties: { level: { enum: ['province', 'city', 'county'] }, ...comment } },
      ],
    },
  },
];


/**
 * The ajv plugin that teaches an ajv instance yibiao's formats and keywords.
 * Use it with yibiao's own compiler, with `@rjsf/validator-ajv8`
 * (`customizeValidator({ extenderFn: yibiaoAjvPlugin })`) or any ajv 8.
 * The instance must be created with `allErrors: true`.
 *
 * @param ajv - an ajv 8 instance (draft-07).
 * @returns the same instance.
 * @example
 * const ajv = yibiaoAjvPlugin(new Ajv({ allErrors: true, passContext: true }));
 */
export function yibiaoAjvPlugin(ajv: Ajv): Ajv {
  for (const [formatName, definition] of Object.entries(formats)) ajv.addFormat(formatName, definition);
  for (const { keyword, fn, metaSchema } of KEYWORDS) {
    if (!ajv.getKeyword(keyword)) ajv.addKeyword(problemKeyword(keyword, fn, metaSchema));
  }
  return ajv;
}
