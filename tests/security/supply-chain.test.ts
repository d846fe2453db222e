/**
 * Supply chain (SECURITY.md §2 "Supply chain", "CSP", §3 case 10's bundle
 * half): every dependency is pinned with an integrity hash (`npm audit`
 * needs the registry's advisory endpoint, which this environment does not
 * serve — see docs/security.md); each built widget — its entry module and
 * the parts `widget/dist/<id>/parts.json` lists — has no source maps,
 * dev-mode code, runtime code generation or any network API, and imports
 * nothing but its own parts; and scripts/sri.mjs prints the SRI hash of the
 * exact bytes of every file.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/forms.js';

interface LockEntry {
  readonly version?: string;
  readonly resolved?: string;
  readonly integrity?: string;
  readonly link?: boolean;
  readonly dev?: boolean;
}
interface Lockfile {
  readonly lockfileVersion: number;
  readonly packages: Readonly<Record<string, LockEntry & { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>>;
}

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;

describe('the lockfile pins every dependency with an integrity hash (npm ci installs exactly it)', () => {
  const installed = Object.entries(lock.packages).filter(([name, entry]) => name !== '' && entry.link !== true);

  it('is a version-3 lockfile that lists the installed tree', () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(installed.length).toBeGreaterThan(100);
  });

  it('gives every package a version and a sha512 integrity hash', () => {
    const unpinned = installed.filter(([, e]) => typeof e.version !== 'string' || !/^sha512-[A-Za-z0-9+/]{86}==$/.test(e.integrity ?? '')).map(([name]) => name);
    expect(unpinned).toEqual([]);
  });

  it('resolves nothing outside the npm registry over https (no git, file or http tarballs)', () => {
    const elsewhere = installed
      .filter(([, e]) => e.resolved !== undefined && !e.resolved.startsWith('https://registry.npmjs.org/'))
      .map(([name, e]) => `${name} ← ${e.resolved}`);
    expect(elsewhere).toEqual([]);
  });

  it('pins the direct dependencies to exact versions, the same in package.json and the lockfile', () => {
    const ranges = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([, v]) => !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(v));
    expect(ranges).toEqual([]);
    const root = lock.packages[''];
    expect(root?.dependencies).toEqual(pkg.dependencies);
    expect(root?.devDependencies).toEqual(pkg.devDependencies);
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
    }
  });
});

const widgets = readdirSync(path.join(ROOT, 'widget', 'dist')).filter((f) => f.endsWith('.js')).sort();

describe.each(widgets)('widget/dist/%s', (file) => {
  const id = file.slice(0, -3);
  const parts = (JSON.parse(readFileSync(path.join(ROOT, 'widget', 'dist', id, 'parts.json'), 'utf8')) as { parts: { file: string; load: string; integrity: string }[] }).parts;
  /** The entry and every part, as one text: what any of them contains, the widget contains. */
  const code = parts.map((p) => readFileSync(path.join(ROOT, 'widget', 'dist', p.file), 'utf8')).join('\n');
  const formText = ['model.json', 'schema.json']
    .map((f) => {
      try {
        return readFileSync(path.join(ROOT, 'dist', 'forms', id, f), 'utf8');
      } catch {
        return '';
      }
    })
    .join('\n');

  it('carries no source map and no dev-mode code (case 10, supply chain)', () => {
    expect(code).not.toContain('sourceMappingURL');
    expect(code).not.toMatch(/Lit is in dev mode|dev mode|reactive-element\.dev|lit-html\.dev/i);
    expect(code).not.toContain('process.env.NODE_ENV');
  });

  it('generates no code at run time: no eval(, Function( or string timers (case 10)', () => {
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/[^.\w$]Function\s*\(/);
    expect(code).not.toMatch(/\bset(Timeout|Interval)\s*\(\s*["'`]/);
  });

  it('imports (statically or with import()) only its own listed parts, by a literal relative path', () => {
    expect(parts[0]).toMatchObject({ file, load: 'entry' });
    const listed = new Set(parts.map((p) => p.file));
    for (const part of parts) {
      const text = readFileSync(path.join(ROOT, 'widget', 'dist', part.file), 'utf8');
      // Every import( has a string literal: no computed module URL.
      expect(text.match(/\bimport\s*\(/g)?.length ?? 0, part.file).toBe(text.match(/\bimport\s*\(\s*"[^"]+"\s*\)/g)?.length ?? 0);
      for (const [, specifier = ''] of text.matchAll(/\bimport\s*(?:[\w${},\s*]*from\s*)?\(?\s*"([^"]+)"/g)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(part.file), specifier));
        expect(specifier.startsWith('./') && listed.has(target), `${part.file} imports ${specifier}`).toBe(true);
      }
    }
  });

  it('uses no network, storage or cross-window API of its own (fetch, XHR, beacon, sockets, localStorage, cookies, postMessage)', () => {
    const apis = ['fetch(', 'XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource', 'localStorage', 'sessionStorage', 'document.cookie', 'postMessage', '"message"', 'importScripts', 'serviceWorker'];
    expect(apis.filter((api) => code.includes(api))).toEqual([]);
  });

  it('contains no URL except those the form itself shows as text', () => {
    const urls = [...code.matchAll(/https?:\/\/[^\s"'`)\\]+/g)].map((m) => m[0]);
    expect(urls.filter((url) => !formText.includes(url))).toEqual([]);
  });

  it('does not bundle the SM2 library (loaded only by the verifier, never by the widget)', () => {
    expect(code).not.toMatch(/sm-crypto|doVerifySignature|sm2p256v1/);
  });

  it('has the SRI sha384 that scripts/sri.mjs prints, for the entry and for every part', () => {
    const sha384 = (f: string) => `sha384-${createHash('sha384').update(readFileSync(path.join(ROOT, 'widget', 'dist', f))).digest('base64')}`;
    const expected = sha384(file);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'sri.mjs'), '--json', id], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const [entry] = JSON.parse(run.stdout) as { integrity: string; tag: string; parts: { file: string; load: string; integrity: string; tag: string }[] }[];
    expect(entry?.integrity).toBe(expected);
    expect(entry?.tag).toBe(`<script type="module" src="/widget/dist/${id}.js" integrity="${expected}" crossorigin="anonymous"></script>`);
    expect(entry?.parts.map((p) => p.file)).toEqual(parts.slice(1).map((p) => `widget/dist/${p.file}`));
    for (const part of parts.slice(1)) {
      const printed = entry?.parts.find((p) => p.file === `widget/dist/${part.file}`);
      expect(printed?.integrity).toBe(sha384(part.file));
      expect(part.integrity, 'parts.json has the same hash').toBe(sha384(part.file));
      expect(printed?.tag).toBe(`<link rel="modulepreload" href="/widget/dist/${part.file}" integrity="${sha384(part.file)}" crossorigin="anonymous">`);
    }
  });
});

describe('scripts/sri.mjs', () => {
  it('refuses an unknown form with exit status 2 and a reason', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'sri.mjs'), 'no-such-form'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('npm run build');
  });

  it('writes the tag for another origin with --base', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'sri.mjs'), '--base', 'https://cdn.example.gov.cn/yibiao/1.0.0/', 'shandong'], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/src="https:\/\/cdn\.example\.gov\.cn\/yibiao\/1\.0\.0\/shandong\.js" integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous"/);
  });
});
