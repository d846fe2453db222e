/**
 * XSS through what a schema carries (SECURITY.md §2 "XSS", §3 cases 2 and 3),
 * on the generator side: the linter refuses markup and script URLs in every
 * form file, naming file and JSON pointer; the generated module escapes what
 * gets through; and shipped code has no HTML sink. The widget side (case 1,
 * case 4) is tests/security/xss.browser.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { compileForm } from '../../src/compile/compile-form.js';
import type { FormModel, LocalizedText } from '../../src/ir/types.js';
import { phoneParts, safeUrl } from '../../src/runtime/safe-url.js';
import { ROOT } from '../helpers/forms.js';
import type { Obj } from './helpers.js';
import { buildInto, compileHostile, type FormFiles, hostileProject, only, removeProject } from './hostile-form.js';
import { MARKUP_KEY, MARKUP_PAYLOADS, SCRIPT_URL, TEMPLATE_PAYLOADS } from './payloads.js';

const applicant = (f: FormFiles): Obj => (f.schema.properties as Obj).applicant;

/** Every place a form file carries text the widget may show, with the file and pointer a diagnostic must name. */
const TEXT_PLACES: readonly (readonly [string, string, string, (f: FormFiles, text: string) => void])[] = [
  ['the form title', 'forms/test/form.schema.json', '/title', (f, t) => {
    f.schema.title = t;
  }],
  ['a section title', 'forms/test/form.schema.json', '/properties/applicant/title', (f, t) => {
    applicant(f).title = t;
  }],
  ['a field description', 'forms/test/form.schema.json', '/properties/applicant/description', (f, t) => {
    applicant(f).description = t;
  }],
  ['an enum label', 'forms/test/form.schema.json', '/properties/services/items/oneOf/1/title', (f, t) => {
    (f.schema.properties as Obj).services.items.oneOf[1].title = t;
  }],
  ['ui:help', 'forms/test/ui.json', '/applicant/name/ui:help', (f, t) => {
    f.ui.applicant = { name: { 'ui:help': t } };
  }],
  ['an English title (i18n)', 'forms/test/i18n/en.json', '/fields/~1archiveTransfer~1receiver/title', (f, t) => {
    (f.en.fields as Obj)['/archiveTransfer/receiver'].title = t;
  }],
  ['an English option label (i18n)', 'forms/test/i18n/en.json', '/fields/~1services/options/archiveTransfer', (f, t) => {
    (f.en.fields as Obj)['/services'].options.archiveTransfer = t;
  }],
  ['the issuer in meta.json', 'forms/test/meta.json', '/issuer/zh-CN', (f, t) => {
    (f.meta.issuer as Obj)['zh-CN'] = t;
  }],
  ['a note in meta.json', 'forms/test/meta.json', '/notes/0/en', (f, t) => {
    f.meta.notes = [{ 'zh-CN': '注', en: t }];
  }],
];

describe('case 2: a script URL or a markup key is a lint error with file and JSON pointer', () => {
  it('refuses a javascript: link in ui:help, naming ui.json, the pointer and the fix', async () => {
    const result = await compileHostile((f) => {
      f.ui.applicant = { name: { 'ui:help': `详见 ${SCRIPT_URL}` } };
    });
    const d = only(result.diagnostics, 'E_SCHEMA_MARKUP');
    expect(d).toMatchObject({ severity: 'error', file: 'forms/test/ui.json', pointer: '/applicant/name/ui:help' });
    expect(d.line).toBeGreaterThan(0);
    expect(d.fix).toMatch(/https:.*tel:.*mailto:/);
    expect(result.artefacts).toBeUndefined();
  });

  it.each(TEXT_PLACES)('refuses a javascript: URL in %s (%s#%s)', async (_what, file, pointer, put) => {
    const result = await compileHostile((f) => put(f, SCRIPT_URL));
    expect(only(result.diagnostics, 'E_SCHEMA_MARKUP')).toMatchObject({ file, pointer });
    expect(result.artefacts).toBeUndefined();
  });

  it.each(['JavaScript:alert(1)', ' javascript :alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<b>x</b>'])(
    'refuses the script URL spelling %j in ui:help',
    async (url) => {
      const result = await compileHostile((f) => {
        f.ui.applicant = { name: { 'ui:help': url } };
      });
      expect(result.diagnostics.map((d) => d.code)).toContain('E_SCHEMA_MARKUP');
      expect(result.artefacts).toBeUndefined();
    },
  );

  it('refuses the property key x<iframe srcdoc> with its file and JSON pointer', async () => {
    const result = await compileHostile((f) => {
      applicant(f).properties[MARKUP_KEY] = { type: 'string', title: '备注', maxLength: 10 };
    });
    expect(only(result.diagnostics, 'E_SCHEMA_MARKUP')).toMatchObject({
      file: 'forms/test/form.schema.json',
      pointer: `/properties/applicant/properties/${MARKUP_KEY}`,
    });
    expect(result.artefacts).toBeUndefined();
  });

  it('refuses a markup key in meta.json and ui.json too', async () => {
    const meta = await compileHostile((f) => {
      (f.meta.services as Obj)[MARKUP_KEY] = { department: 'hrss' };
    });
    expect(meta.diagnostics.find((d) => d.code === 'E_SCHEMA_MARKUP')).toMatchObject({ file: 'forms/test/meta.json', pointer: `/services/${MARKUP_KEY}` });
    const ui = await compileHostile((f) => {
      f.ui[MARKUP_KEY] = {};
    });
    expect(only(ui.diagnostics, 'E_SCHEMA_MARKUP')).toMatchObject({ file: 'forms/test/ui.json', pointer: `/${MARKUP_KEY}` });
  });
});

describe('hostile schema strings: markup is refused wherever a form carries text', () => {
  const cases = TEXT_PLACES.flatMap(([what, file, pointer, put]) => MARKUP_PAYLOADS.map((payload) => [what, payload, file, pointer, put] as const));

  it.each(cases)('refuses markup in %s: %j', async (_what, payload, file, pointer, put) => {
    const result = await compileHostile((f) => put(f, payload));
    expect(only(result.diagnostics, 'E_SCHEMA_MARKUP')).toMatchObject({ severity: 'error', file, pointer });
    expect(result.artefacts).toBeUndefined();
  });

  it.each(TEMPLATE_PAYLOADS)('lets the plain-text payload %j through, verbatim in the model (the widget shows it as text)', async (payload) => {
    const result = await compileHostile((f) => {
      applicant(f).title = payload;
      (f.schema.properties as Obj).services.items.oneOf[0].title = payload;
      f.ui.applicant = { name: { 'ui:help': payload } };
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const model = result.artefacts?.model;
    expect(model?.sections.find((s) => s.key === 'applicant')?.title['zh-CN']).toBe(payload);
    expect(model?.services[0]?.title['zh-CN']).toBe(payload);
    expect(model?.sections.find((s) => s.key === 'applicant')?.fields[0]?.hint?.['zh-CN']).toBe(payload);
  });
});

/** The model with every text replaced by a hostile one (zh-CN and English each get their own). */
function poisoned(model: FormModel, payload: string): FormModel {
  const isText = (v: unknown): v is LocalizedText =>
    v !== null && typeof v === 'object' && typeof (v as Obj)['zh-CN'] === 'string' && typeof (v as Obj).en === 'string';
  const walk = (v: unknown): unknown => {
    if (isText(v)) return { 'zh-CN': `${payload}（中）`, en: `${payload} (en)` };
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, c]) => [k, walk(c)]));
    return v;
  };
  return walk(model) as FormModel;
}

describe('case 3: a title with </script> and a template expression — refused by the linter, and harmless in the module if it got past', () => {
  // A template-literal-looking title, on purpose: the generated module must not evaluate it.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload of SECURITY.md §3 case 3.
  const TITLE = '</script><script>window.__yibiaoXss=1</script>${window.__yibiaoXss=2}\u2028<!--';

  it('is refused by the linter at /title (first line of defence)', async () => {
    const result = await compileHostile((f) => {
      f.schema.title = TITLE;
    });
    expect(only(result.diagnostics, 'E_SCHEMA_MARKUP')).toMatchObject({ file: 'forms/test/form.schema.json', pointer: '/title' });
  });

  it('yields a generated module that imports and round-trips every string when the model carries it', async () => {
    const paths = hostileProject(() => undefined);
    const compiled = await compileForm(paths, 'test', paths.rulesRuntime);
    expect(compiled.artefacts).toBeDefined();
    const artefacts = compiled.artefacts!;
    const model = poisoned(artefacts.model, TITLE);
    const built = await buildInto({ ...artefacts, model }, paths, 'stub');
    onTestFinished(() => removeProject(paths));
    expect(built.partsCode).not.toMatch(/<\/script/i);
    expect(built.partsCode).not.toMatch(/[\u2028\u2029]/);
    const module = (await import(pathToFileURL(built.widgetFile).href)) as {
      model: FormModel;
      YibiaoTestForm: { form: { model: FormModel; loadEnglish?: () => Promise<void> } };
    };
    // The English texts are a lazy part: in once loaded, every string as it was.
    await module.YibiaoTestForm.form.loadEnglish?.();
    expect(module.model).toEqual(model);
    expect(module.model.title['zh-CN']).toBe(`${TITLE}（中）`);
    expect(module.YibiaoTestForm.form.model).toBe(module.model);
    expect((globalThis as Obj).__yibiaoXss).toBeUndefined();
  });

  it('leaves no raw </script or U+2028 in the real widget bundle of such a model', async () => {
    const paths = hostileProject(() => undefined);
    const compiled = await compileForm(paths, 'test', paths.rulesRuntime);
    onTestFinished(() => removeProject(paths));
    const built = await buildInto({ ...compiled.artefacts!, model: poisoned(compiled.artefacts!.model, TITLE) }, paths, 'real');
    // esbuild re-escapes the emitter's \u003c/script as <\/script; either way no raw end tag survives.
    expect(built.partsCode).not.toMatch(/<\/script/i);
    expect(built.partsCode).not.toMatch(/[\u2028\u2029]/);
    expect(built.widgetCode).toContain('<\\/script><script>window.__yibiaoXss=1');
  });
});

describe('shipped code has no HTML sink (SECURITY.md §2 XSS: Lit text bindings only)', () => {
  const SHIPPED = ['src/runtime', 'src/submission', 'src/rules'];
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
    });
  const sources = SHIPPED.flatMap((dir) => files(path.join(ROOT, dir))).map((file) => [path.relative(ROOT, file), readFileSync(file, 'utf8')] as const);
  const SINKS: readonly (readonly [string, RegExp])[] = [
    ['unsafeHTML/unsafeSVG/unsafeMathML', /\bunsafe(HTML|SVG|MathML)\b|directives\/unsafe-/],
    ['unsafeStatic / lit/static-html', /\bunsafeStatic\b|lit\/static-html/],
    ['innerHTML/outerHTML', /\.(inner|outer)HTML\b/],
    ['insertAdjacentHTML / document.write / createContextualFragment', /insertAdjacentHTML|document\.write|createContextualFragment/],
    ['a style attribute in a template', /\sstyle=/],
    ['a string-evaluating timer or eval', /\beval\s*\(|new\s+Function\s*\(|set(Timeout|Interval)\s*\(\s*['"`]/],
  ];

  it('finds the shipped sources', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(SINKS)('no shipped file uses %s', (_what, sink) => {
    const offenders = sources.filter(([, source]) => sink.test(source.replace(/^\s*(\/\/|\*).*$/gm, ''))).map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  it('binds an href only to an in-page #link or to a URL that went through safeUrl', () => {
    const offenders = sources
      .filter(([, source]) => /href=\$\{(?!`#)/.test(source) && !/from '\.\/safe-url\.js'/.test(source))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'http://example.org/', 'file:///etc/passwd', '//evil.example/'])(
    'safeUrl refuses %j (URLs only https:, tel:, mailto:)',
    (url) => {
      expect(safeUrl(url)).toBeUndefined();
    },
  );

  it('safeUrl keeps https:, tel: and mailto: links, and a phone text yields a tel: link of digits only', () => {
    for (const url of ['https://example.org/', 'tel:0631-5198106', 'mailto:help@example.org']) expect(safeUrl(url)).toBe(url);
    const parts = phoneParts(`<img src=x onerror=alert(1)> 0631-5198106 javascript:alert(1)`);
    expect(parts.href).toBe('tel:0631-5198106');
    expect(parts.before + (parts.number ?? '') + parts.after).toBe(`<img src=x onerror=alert(1)> 0631-5198106 javascript:alert(1)`);
  });
});
