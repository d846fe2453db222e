import { describe, expect, it } from 'vitest';
import { keepExisting } from '../../demo/src/preview/keep-existing.js';
import type { FormModel } from '../../src/ir/types.js';

const text = (zh: string) => ({ 'zh-CN': zh, en: zh });
const model = {
  id: 'demo',
  servicesPath: '/services',
  services: [
    { id: 'a', title: text('甲'), department: 'hrss', sections: [] },
    { id: 'b', title: text('乙'), department: 'hrss', sections: ['b'] },
  ],
  sections: [
    { key: 'applicant', title: text('申请人'), fields: [{ path: '/applicant/name', key: 'name', kind: 'text', title: text('姓名'), required: true }] },
    {
      key: 'b',
      title: text('乙'),
      service: 'b',
      fields: [{ path: '/b/way', key: 'way', kind: 'radio', title: text('方式'), required: true, options: [{ value: 'post', label: text('邮寄') }] }],
    },
  ],
} as unknown as FormModel;

describe('keepExisting', () => {
  it('keeps what still has a field, and the services that still exist', () => {
    const typed = { services: ['a', 'gone', 'b'], applicant: { name: '张三', removed: 'x' }, b: { way: 'post' }, oldSection: { x: 1 } };
    expect(keepExisting(model, typed)).toEqual({ services: ['a', 'b'], applicant: { name: '张三' }, b: { way: 'post' } });
  });

  it('drops a choice whose option no longer exists', () => {
    expect(keepExisting(model, { b: { way: 'window' } })).toEqual({});
  });

  it('gives an empty object for data that is not an object', () => {
    expect(keepExisting(model, undefined)).toEqual({});
    expect(keepExisting(model, 'x')).toEqual({});
  });
});
