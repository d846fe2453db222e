/**
 * SM2 stays out of the default path: the built widgets (each an entry module
 * and its parts in widget/dist/<id>/) contain no sm-crypto code, and the static import graph of
 * src/submission/index.ts never reaches the SM2 module or the SQLite store.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SUBMISSION = path.join(ROOT, 'src', 'submission');
const WIDGETS = path.join(ROOT, 'widget', 'dist');

/** Strings only sm-crypto-v2 (and its @noble/curves SM2 curve) bring into a bundle. */
const SM_CRYPTO_MARKERS = ['1234567812345678', 'random number pool', 'Invalid public key to compress', '28e9fa9e9d9f5e344d5a9e4bcf6509a7'];

function sm2Markers(code: string): string[] {
  const lower = code.toLowerCase();
  return SM_CRYPTO_MARKERS.filter((marker) => lower.includes(marker.toLowerCase()));
}

async function bundle(contents: string, splitting = false): Promise<Map<string, string>> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    splitting,
    outdir: path.join(ROOT, 'dist', 'bundle-test'),
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((f) => [path.basename(f.path), f.text]));
}

describe('SM2 is not in the widget bundle', () => {
  const widgets = existsSync(WIDGETS) ? readdirSync(WIDGETS).filter((f) => f.endsWith('.js')) : [];

  it('finds the built widgets (the suite runs after `npm run build`)', () => {
    expect(widgets).toContain('shandong.js');
  });

  it.each(widgets)('%s and its parts contain no sm-crypto code, but do contain this version of the submission code', (file) => {
    const id = file.replace(/\.js$/, '');
    const partsDir = path.join(WIDGETS, id);
    const parts = existsSync(partsDir) ? readdirSync(partsDir).filter((f) => f.endsWith('.js')) : [];
    const codes = [readFileSync(path.join(WIDGETS, file), 'utf8'), ...parts.map((f) => readFileSync(path.join(partsDir, f), 'utf8'))];
    for (const code of codes) {
      expect(sm2Markers(code)).toEqual([]);
      expect(code).not.toContain('better-sqlite3');
    }
    // Built from the current sources (the routing error code is new in this version), in the signing part or the entry.
    expect(codes.some((code) => code.includes('E_ROUTING_MISMATCH'))).toBe(true);
  });

  it('would show the markers if SM2 signing were bundled (positive control)', async () => {
    const [code = ''] = (await bundle(`import { createSm2Signer } from './src/submission/sm2-signer.ts'; console.log(createSm2Signer);`)).values();
    expect(sm2Markers(code).length).toBeGreaterThanOrEqual(3);
  });

  it("keeps SM2 out of a bundle of what the widget uses: buildPayload, signSubmission, createDeviceSigner", async () => {
    const [code = ''] = (
      await bundle(`import { buildPayload, createDeviceSigner, signSubmission } from './src/submission/index.ts'; console.log(buildPayload, createDeviceSigner, signSubmission);`)
    ).values();
    expect(sm2Markers(code)).toEqual([]);
    expect(code.length).toBeGreaterThan(1000);
  });

  it('puts SM2 in a separate chunk of a verifier bundle with code splitting', async () => {
    const files = await bundle(`import { verify } from './src/submission/index.ts'; console.log(verify);`, true);
    const entry = files.get('entry.js') ?? '';
    expect(sm2Markers(entry)).toEqual([]);
    expect([...files.values()].some((code) => sm2Markers(code).length > 0)).toBe(true);
  });
});

/** Source without its comment lines (doc comments may mention imports). */
const code = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\*\*|\/\/)/.test(line))
    .join('\n');

describe('static import graph of src/submission/index.ts', () => {
  /** Follows `import … from` and `export … from` (not `import type`, not dynamic `import()`). */
  function reachable(entry: string): Set<string> {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      if (!file.startsWith('/')) return;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'";]*?from\s+'([^']+)'/gm)) {
        const specifier = match[1] ?? '';
        if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
        else seen.add(specifier);
      }
    };
    visit(entry);
    return seen;
  }

  it('never reaches sm2.ts, sm2-signer.ts, sm-crypto-v2, the SQLite store or better-sqlite3', () => {
    const graph = reachable(path.join(SUBMISSION, 'index.ts'));
    expect(graph.has(path.join(SUBMISSION, 'verify.ts'))).toBe(true);
    expect(graph.has(path.join(SUBMISSION, 'token-signature.ts'))).toBe(true);
    for (const forbidden of ['sm2.ts', 'sm2-signer.ts', 'sqlite-nonce-store.ts']) expect(graph.has(path.join(SUBMISSION, forbidden)), forbidden).toBe(false);
    expect(graph.has('sm-crypto-v2')).toBe(false);
    expect(graph.has('better-sqlite3')).toBe(false);
  });

  it('loads sm2.js only with a dynamic import(), from the verifier and the SM2 signer', () => {
    const importers = readdirSync(SUBMISSION)
      .filter((f) => f.endsWith('.ts') && f !== 'sm2.ts')
      .filter((f) => /import\('\.\/sm2\.js'\)/.test(code(readFileSync(path.join(SUBMISSION, f), 'utf8'))));
    expect(importers.sort()).toEqual(['sm2-signer.ts', 'token-signature.ts']);
    // …and sm2.ts loads sm-crypto-v2 itself dynamically, so the bundled CLI does not load it at start-up.
    expect(readFileSync(path.join(SUBMISSION, 'sm2.ts'), 'utf8')).toMatch(/import\('sm-crypto-v2'\)/);
    expect(readFileSync(path.join(SUBMISSION, 'sm2.ts'), 'utf8')).not.toMatch(/^import .* from 'sm-crypto-v2'/m);
  });
});
