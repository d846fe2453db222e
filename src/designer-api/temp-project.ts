import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ProjectPaths } from '../compile/paths.js';
import { isRecord } from '../schema/walk.js';
import { FORM_ID, type SourceText } from './types.js';

/** A throw-away project the designer compiles edited files in; the checkout is never written. */
export interface TempProject {
  /** Paths of the temp project; the runtime, rules and division modules stay the checkout's. */
  readonly paths: ProjectPaths;
  /**
   * Makes `forms/` hold an up-to-date copy of the checkout's `forms/common`, the
   * edited files of `id`, and — when they declare `extends` — the checkout's
   * base forms, so diagnostics name `forms/<id>/<file>` as in the checkout.
   */
  write(id: string, files: readonly SourceText[]): Promise<void>;
  /** Removes the temp directory. */
  dispose(): Promise<void>;
}

/** How many `extends` hops are followed before giving up (loadForm reports the cycle). */
const MAX_BASES = 8;

function baseOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    return isRecord(data) && typeof data.extends === 'string' && FORM_ID.test(data.extends) ? data.extends : undefined;
  } catch {
    return undefined; // loadForm reports the syntax error with its line
  }
}

/** Names, sizes and modification times of every file under `dir`: changes when any file does. */
async function stampOf(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  const stats = await Promise.all(
    files.map(async (file) => {
      const { size, mtimeMs } = await stat(file);
      return `${file}:${size}:${mtimeMs}`;
    }),
  );
  return stats.join('\n');
}

/**
 * Creates a temp project under the OS temp directory.
 *
 * @param checkout - the paths of the real project (source of `forms/common` and base forms).
 */
export async function createTempProject(checkout: ProjectPaths): Promise<TempProject> {
  const root = await mkdtemp(path.join(tmpdir(), 'yibiao-designer-'));
  const forms = path.join(root, 'forms');
  const paths: ProjectPaths = { ...checkout, root, forms, common: path.join(forms, 'common') };
  let commonStamp = '';

  /** Copies the checkout's forms/common when it changed since the last copy (someone edits the dictionary). */
  async function syncCommon(): Promise<void> {
    const stamp = await stampOf(checkout.common);
    if (stamp === commonStamp) return;
    await rm(paths.common, { recursive: true, force: true });
    await cp(checkout.common, paths.common, { recursive: true });
    commonStamp = stamp;
  }

  async function copyBases(id: string, extendsText: string | undefined): Promise<void> {
    const seen = new Set([id]);
    let base = baseOf(extendsText);
    while (base !== undefined && !seen.has(base) && seen.size <= MAX_BASES) {
      seen.add(base);
      const from = path.join(checkout.forms, base);
      if (!existsSync(from)) return; // loadForm reports the missing base form
      await cp(from, path.join(forms, base), { recursive: true, filter: (src) => path.basename(src) !== 'examples' });
      const next = path.join(from, 'extends.json');
      base = existsSync(next) ? baseOf(await readFile(next, 'utf8')) : undefined;
    }
  }

  return {
    paths,
    async write(id, files) {
      await mkdir(forms, { recursive: true });
      const stale = (await readdir(forms)).filter((name) => name !== 'common');
      await Promise.all([syncCommon(), ...stale.map((name) => rm(path.join(forms, name), { recursive: true, force: true }))]);
      const dir = path.join(forms, id);
      await mkdir(path.join(dir, 'i18n'), { recursive: true });
      for (const file of files) await writeFile(path.join(dir, file.path), file.text);
      await copyBases(id, files.find((f) => f.path === 'extends.json')?.text);
    },
    async dispose() {
      await rm(root, { recursive: true, force: true });
    },
  };
}
