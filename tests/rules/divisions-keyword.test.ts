import path from 'node:path';
import { Ajv } from 'ajv';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { KEYWORD_NAMES } from '../../src/ajv/keyword-names.js';
import { yibiaoAjvPlugin } from '../../src/ajv/plugin.js';
import { divisionProblems, yibiaoDivision } from '../../src/rules/division-keyword.js';
import type { DivisionTree } from '../../src/runtime/compiled-form.js';
import { ROOT } from '../helpers/forms.js';

const shijiazhuang = { province: '130000', city: '130100', county: '130102' };
const wrongAt = (level: string) => [{ path: `/${level}`, code: 'E_DIVISION', severity: 'error', params: { level } }];

describe('yibiaoDivision', () => {
  it('accepts a real 省/市/县 path (河北省 石家庄市 长安区), with or without a detail line', () => {
    expect(yibiaoDivision(shijiazhuang, true)).toEqual([]);
    expect(yibiaoDivision({ ...shijiazhuang, detail: '中山东路1号' }, { level: 'county' })).toEqual([]);
  });

  it('reports a county that is not in the chosen city at /county', () => {
    expect(yibiaoDivision({ ...shijiazhuang, county: '130202' }, true)).toEqual(wrongAt('county'));
  });

  it('reports a city that is not in the chosen province at /city, and nothing below it', () => {
    expect(yibiaoDivision({ province: '130000', city: '370100', county: '370102' }, true)).toEqual(wrongAt('city'));
  });

  it('reports an unknown province at /province', () => {
    expect(yibiaoDivision({ province: '190000', city: '190100', county: '190101' }, true)).toEqual(wrongAt('province'));
  });

  it('accepts statistical development zones (威海 371071)', () => {
    expect(yibiaoDivision({ province: '370000', city: '371000', county: '371071' }, true)).toEqual([]);
  });

  it('leaves missing parts to required and malformed codes to pattern', () => {
    expect(yibiaoDivision({ province: '130000', city: '130100' }, true)).toEqual([]);
    expect(yibiaoDivision({ province: '130000', county: '130102' }, true)).toEqual([]);
    expect(yibiaoDivision({ province: '130000', city: '1301', county: '130102' }, true)).toEqual([]);
    expect(yibiaoDivision({}, true)).toEqual([]);
    expect(yibiaoDivision(null, true)).toEqual([]);
    expect(yibiaoDivision(['130000'], true)).toEqual([]);
  });

  it('checks only down to the level asked for', () => {
    expect(yibiaoDivision({ province: '130000', city: '130100', county: '999999' }, { level: 'city' })).toEqual([]);
    expect(yibiaoDivision({ province: '130000', city: '999900' }, { level: 'province' })).toEqual([]);
    expect(yibiaoDivision({ province: '130000', city: '999900' }, { level: 'city' })).toEqual(wrongAt('city'));
  });

  it('checks a single code (医保参保区划) at any level up to the one asked for', () => {
    expect(yibiaoDivision('130100', true)).toEqual([]);
    expect(yibiaoDivision('130102', true)).toEqual([]);
    expect(yibiaoDivision('130199', true)).toEqual([{ path: '', code: 'E_DIVISION', severity: 'error', params: { level: 'any' } }]);
    expect(yibiaoDivision('130102', { level: 'city' })).toHaveLength(1);
    expect(yibiaoDivision('13', true)).toEqual([]);
  });

  it('never echoes the checked codes in its params', () => {
    const [problem] = yibiaoDivision({ ...shijiazhuang, county: '130202' }, true);
    expect(JSON.stringify(problem?.params)).not.toContain('130');
  });

  it('works on any tree through divisionProblems', () => {
    const tree: DivisionTree = { source: 'test', provinces: [{ code: '110000', name: '甲', children: [{ code: '110100', name: '乙', children: [{ code: '110101', name: '丙' }] }] }] };
    expect(divisionProblems(tree, { province: '110000', city: '110100', county: '110101' }, true)).toEqual([]);
    expect(divisionProblems(tree, shijiazhuang, true)).toEqual(wrongAt('province'));
  });
});

describe('yibiaoDivision as an ajv keyword', () => {
  const ajv = yibiaoAjvPlugin(new Ajv({ allErrors: true, passContext: true }));
  const validate = ajv.compile({
    type: 'object',
    properties: { home: { type: 'object', yibiaoDivision: { level: 'county' } }, area: { type: 'string', yibiaoDivision: true } },
  });

  it('is a registered yibiao keyword', () => {
    expect(KEYWORD_NAMES).toContain('yibiaoDivision');
  });

  it('reports E_DIVISION at the wrong part of the object', () => {
    expect(validate({ home: shijiazhuang, area: '130100' })).toBe(true);
    expect(validate({ home: { ...shijiazhuang, county: '130202' } })).toBe(false);
    expect(validate.errors).toEqual([
      expect.objectContaining({ instancePath: '/home/county', keyword: 'yibiaoDivision', params: { code: 'E_DIVISION', level: 'county' } }),
    ]);
  });

  it('rejects values other than true or {level}', () => {
    expect(() => ajv.compile({ yibiaoDivision: { level: 'township' } })).toThrow();
    expect(() => ajv.compile({ yibiaoDivision: false })).toThrow();
  });
});

describe('bundling (the tree ships only with forms that use the keyword)', () => {
  const bundle = async (member: string) => {
    const result = await build({
      stdin: {
        contents: `import * as rules from ${JSON.stringify(path.join(ROOT, 'src', 'rules', 'runtime.ts'))};\nexport const f = rules.${member};\n`,
        resolveDir: ROOT,
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0]?.text ?? '';
  };

  it('drops the tree from a validator that does not use yibiaoDivision', async () => {
    expect(await bundle('yibiaoIdDocument')).not.toContain('"130102"');
  });

  it('includes the tree in a validator that uses yibiaoDivision', async () => {
    expect(await bundle('yibiaoDivision')).toContain('"130102"');
  });
});
