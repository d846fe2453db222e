import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectPaths } from '../compile/paths.js';
import type { Diagnostic } from './diagnostics.js';
import { readJsonFile } from './load.js';

/**
 * The English texts of the shared dictionary: every `forms/common/i18n/*.json`
 * (one per dictionary file, e.g. `person.json`), merged. Keys are origins such
 * as `person#/definitions/name`; a key defined twice is a diagnostic.
 *
 * @param paths - project paths.
 */
export async function readCommonEnglish(paths: Pick<ProjectPaths, 'root' | 'common'>): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; diagnostics: Diagnostic[] }> {
  const dir = path.join(paths.common, 'i18n');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const data: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const source = await readJsonFile(paths.root, path.join(dir, file));
    if ('code' in source) {
      diagnostics.push(source);
      continue;
    }
    for (const [key, value] of Object.entries(source.data as Record<string, unknown>)) {
      if (Object.hasOwn(data, key)) {
        diagnostics.push({
          code: 'E_I18N_DUPLICATE',
          severity: 'error',
          file: source.file,
          pointer: `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          message: { 'zh-CN': `英文文本 ${key} 重复定义`, en: `English text ${key} is defined twice` },
          fix: `keep ${key} in one file of forms/common/i18n`,
        });
      }
      data[key] = value;
    }
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, data };
}
