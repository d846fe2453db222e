import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/forms.js';

/**
 * The Custom Elements Manifest (scripts/manifest.mjs): the element's API from
 * its class doc comment and decorators, and one element per built form.
 */
describe('widget/dist/custom-elements.json', () => {
  const built = existsSync(path.join(ROOT, 'widget', 'dist', 'shandong.js'));

  it.runIf(built)('documents the attributes, members, events, slots, parts, tokens and states', () => {
    const run = spawnSync(process.execPath, ['scripts/manifest.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'widget', 'dist', 'custom-elements.json'), 'utf8'));
    const base = manifest.modules.find((m: { path: string }) => m.path === 'src/runtime/form-element.ts').declarations.find(
      (d: { name: string }) => d.name === 'YibiaoFormElement',
    );
    const names = (list: { name: string }[] | undefined) => (list ?? []).map((x) => x.name);
    expect(names(base.attributes)).toEqual(['lang', 'readonly', 'draft-key', 'draft-ttl', 'no-draft']);
    expect(names(base.members)).toEqual(expect.arrayContaining(['data', 'signer', 'validate', 'submit', 'acknowledge', 'reset']));
    expect(names(base.members)).not.toContain('draftSnapshot');
    expect(names(base.events)).toEqual(['yibiao-change', 'yibiao-invalid', 'yibiao-submit', 'yibiao-invalid-data', 'yibiao-draft-saved']);
    expect(names(base.slots)).toEqual(['help']);
    expect(names(base.cssParts)).toEqual(expect.arrayContaining(['form', 'help', 'field', 'label', 'control', 'error-summary', 'submit', 'receipt']));
    expect(names(base.cssProperties)).toEqual(expect.arrayContaining(['--yibiao-color-focus', '--yibiao-color-error', '--yibiao-font-family']));
    expect(names(base.cssStates)).toEqual(['invalid', 'submitting', 'submitted']);
    const shandong = manifest.modules.find((m: { path: string }) => m.path === 'widget/dist/shandong.js');
    const element = shandong.declarations[0];
    expect([element.name, element.tagName, element.customElement]).toEqual(['YibiaoShandongForm', 'yibiao-shandong', true]);
    expect(names(element.events)).toEqual(names(base.events));
    expect(shandong.exports).toContainEqual({ kind: 'custom-element-definition', name: 'yibiao-shandong', declaration: { name: 'YibiaoShandongForm', module: 'widget/dist/shandong.js' } });
  });
});
