#!/usr/bin/env node
/**
 * Generates widget/dist/custom-elements.json, the Custom Elements Manifest of
 * the widget: YibiaoFormElement as analysed from its class doc comment
 * (`@attr`, `@event`, `@slot`, `@csspart`, `@cssproperty`, `@cssstate`) and
 * its decorators, then one element per built form — `yibiao-<id>` /
 * `Yibiao<Id>Form` in `widget/dist/<id>.js` — inheriting all of it.
 *
 * Usage: node scripts/manifest.mjs   (after `npm run build`)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ELEMENT = 'src/runtime/form-element.ts';
const EVENTS = readdirSync(path.join(ROOT, 'src/runtime/events')).map((f) => `src/runtime/events/${f}`);
const OUT = path.join(ROOT, 'widget', 'dist', 'custom-elements.json');

/** Members and methods an embedder never uses: private, protected, Lit's lifecycle, and `@internal` host callbacks. */
const HIDDEN = new Set(['render', 'update', 'updated', 'firstUpdated', 'styles', 'compiledForm']);

function sourceFile(file) {
  return ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
}

function pascal(id) {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

const manifest = create({ modules: [sourceFile(ELEMENT), ...EVENTS.map(sourceFile)], plugins: [...litPlugin()] });

const elementModule = manifest.modules.find((m) => m.path === ELEMENT);
const base = elementModule?.declarations.find((d) => d.name === 'YibiaoFormElement');
if (base === undefined) throw new Error(`YibiaoFormElement not found in ${ELEMENT}`);
base.customElement = true;
base.members = (base.members ?? []).filter(
  (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#') && !HIDDEN.has(m.name) && !/@internal/.test(m.description ?? '') && !(m.description ?? '').startsWith('@internal'),
);
base.description ??= 'A joint-service application form rendered from a compiled form.';
// `dispatchEvent(new YibiaoChangeEvent(…))` is found as an event without a name; the doc comment names them all.
base.events = (base.events ?? []).filter((e) => typeof e.name === 'string' && e.name !== '');

/** The forms built into widget/dist, each with its model's title. */
const dist = path.join(ROOT, 'widget', 'dist');
const forms = existsSync(dist)
  ? readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.slice(0, -3))
      .filter((id) => existsSync(path.join(ROOT, 'dist', 'forms', id, 'model.json')))
      .sort()
  : [];

for (const id of forms) {
  const model = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'forms', id, 'model.json'), 'utf8'));
  const name = `Yibiao${pascal(id)}Form`;
  const tagName = `yibiao-${id}`;
  const modulePath = `widget/dist/${id}.js`;
  const inherited = (list) => (list ?? []).map((x) => ({ ...x, inheritedFrom: { name: 'YibiaoFormElement', module: ELEMENT } }));
  manifest.modules.push({
    kind: 'javascript-module',
    path: modulePath,
    declarations: [
      {
        kind: 'class',
        name,
        description: `${model.title['zh-CN']} (${model.title.en}). Form \`${model.id}\` version ${model.version}, schema ${model.schemaHash}.`,
        superclass: { name: 'YibiaoFormElement', module: ELEMENT },
        customElement: true,
        tagName,
        attributes: inherited(base.attributes),
        members: inherited(base.members),
        events: inherited(base.events),
        slots: base.slots ?? [],
        cssParts: base.cssParts ?? [],
        cssProperties: base.cssProperties ?? [],
        cssStates: base.cssStates ?? [],
      },
      { kind: 'variable', name: 'model', description: 'The form model (services, sections, fields, materials) the element renders.' },
    ],
    exports: [
      { kind: 'js', name, declaration: { name, module: modulePath } },
      { kind: 'js', name: 'model', declaration: { name: 'model', module: modulePath } },
      { kind: 'custom-element-definition', name: tagName, declaration: { name, module: modulePath } },
    ],
  });
}

writeFileSync(OUT, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`✓ ${path.relative(ROOT, OUT)}: YibiaoFormElement + ${forms.map((id) => `<yibiao-${id}>`).join(', ') || 'no built form'}`);
