import { describe, expect, it } from 'vitest';
import { DIVISIONS } from '../../../src/rules/divisions/data.js';
import { yibiaoDivision } from '../../../src/runtime/lazy/division-keyword.js';
import { loadedDivisions } from '../../../src/runtime/lazy/division-state.js';
import { PENDING_DIVISIONS, withDivisions } from '../../../src/runtime/lazy/divisions.js';

const wrong = { province: '130000', city: '130100', county: '130202' };
const right = { province: '130000', city: '130100', county: '130102' };

describe("the widget's lazy division tree", () => {
  it('checks nothing before the tree is loaded, then finds a county outside its city', async () => {
    expect(loadedDivisions()).toBeUndefined();
    expect(yibiaoDivision(wrong, true)).toEqual([]);
    let imports = 0;
    const form = withDivisions({ model: {} as never, validate: (() => true) as never }, async () => {
      imports += 1;
      return DIVISIONS;
    });
    expect(form.divisions).toBe(PENDING_DIVISIONS);
    const tree = await form.loadDivisions?.();
    await form.loadDivisions?.();
    expect(imports).toBe(1);
    expect(tree).toBe(DIVISIONS);
    expect(form.divisions).toBe(DIVISIONS);
    expect(yibiaoDivision(right, true)).toEqual([]);
    expect(yibiaoDivision(wrong, true)).toMatchObject([{ path: '/county', code: 'E_DIVISION' }]);
  });
});
