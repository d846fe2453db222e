import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { embedSnippet } from '../../demo/src/export/embed-snippet.js';
import { sri } from '../../demo/src/export/sri.js';
import { rjsfUiSchema } from '../../demo/src/reference/rjsf-ui-schema.js';

describe('export', () => {
  it('computes SRI as sha384 of the exact bytes', async () => {
    const bytes = new TextEncoder().encode('export const x = 1;\n');
    const expected = Buffer.from(await webcrypto.subtle.digest('SHA-384', bytes)).toString('base64');
    expect(await sri(bytes)).toBe(`sha384-${expected}`);
  });

  it('writes the embed snippet with integrity, crossorigin and the element', () => {
    expect(embedSnippet({ formId: 'guangxi', baseUrl: 'https://www.example.gov.cn/widget/dist', integrity: 'sha384-abc' })).toBe(
      '<script type="module" src="https://www.example.gov.cn/widget/dist/guangxi.js" integrity="sha384-abc" crossorigin="anonymous"></script>\n<yibiao-guangxi lang="zh-CN"></yibiao-guangxi>',
    );
  });

  it('escapes a URL prefix that would leave the attribute', () => {
    expect(embedSnippet({ formId: 'x', baseUrl: '/a"><script>', integrity: 'sha384-abc' })).toContain('src="/a&quot;>&lt;script>/x.js"');
  });
});

describe('rjsfUiSchema', () => {
  it('maps yibiao widget names rjsf lacks and drops object widgets', () => {
    const ui = { applicant: { birth: { 'ui:widget': 'year-month' }, agreed: { 'ui:widget': 'yes-no' }, address: { 'ui:widget': 'address' }, note: { 'ui:widget': 'textarea' } } };
    expect(rjsfUiSchema(ui)).toEqual({
      applicant: { birth: { 'ui:widget': 'text' }, agreed: { 'ui:widget': 'radio' }, address: {}, note: { 'ui:widget': 'textarea' } },
      'ui:submitButtonOptions': { norender: true },
    });
  });
});
