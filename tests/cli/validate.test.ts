import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/cli/commands/validate.js';
import { builtFormRegistry } from '../../src/cli/form-registry.js';
import { examples, formIds, ROOT } from '../helpers/forms.js';

/**
 * `yibiao validate` gives every example its expected verdict: exit 0 valid,
 * 1 invalid, 2 unreadable input or unknown form. Every example goes through
 * the command's code in-process; the built binary is run for the exit codes.
 */
const registry = builtFormRegistry(path.join(ROOT, 'dist', 'forms'));
const CLI = path.join(ROOT, 'bin', 'yibiao.js');
const dir = mkdtempSync(path.join(tmpdir(), 'yibiao-cli-'));

function run(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 30_000 });
}

function dataFile(name: string, data: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

describe.each(formIds())('yibiao validate %s', (formId) => {
  it.each(examples(formId).map((e) => [e.file, e] as const))('%s', async (_file, example) => {
    const outcome = await validateCommand(registry, formId, JSON.stringify(example.data), { date: example.date, lang: 'en' });
    expect(outcome.exitCode, outcome.stdout).toBe(example.kind === 'valid' ? 0 : 1);
    for (const expected of example.expect ?? []) expect(outcome.stdout).toContain(`✗ ${expected.path || '/'} `);
  });

  it('exits 0 and 1 as a process', () => {
    const valid = examples(formId).find((e) => e.kind === 'valid');
    const invalid = examples(formId).find((e) => e.kind === 'invalid');
    expect(run('validate', formId, dataFile(`${formId}-valid.json`, valid?.data), '--date', valid?.date ?? '').status).toBe(0);
    expect(run('validate', formId, dataFile(`${formId}-invalid.json`, invalid?.data), '--date', invalid?.date ?? '').status).toBe(1);
  });
});

describe('yibiao validate usage errors', () => {
  it('exits 2 for an unknown form', () => {
    expect(run('validate', 'atlantis', dataFile('empty.json', {})).status).toBe(2);
  });

  it('exits 2 for unreadable input', () => {
    const result = run('validate', 'shandong', dataFile('broken.json', '{"services": ['));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot read');
  });

  it('exits 2 for a malformed --date', () => {
    expect(run('validate', 'shandong', dataFile('empty2.json', {}), '--date', '2026-13-01').status).toBe(2);
  });

  it('prints zh-CN messages by default and English with --lang en', async () => {
    const invalid = examples('shandong').find((e) => e.file === 'invalid/id-checksum.json');
    const text = JSON.stringify(invalid?.data);
    expect((await validateCommand(registry, 'shandong', text, { date: '2026-11-23' })).stdout).toContain('校验码不正确');
    expect((await validateCommand(registry, 'shandong', text, { date: '2026-11-23', lang: 'en' })).stdout).toContain('check character');
  });

  it('prints warnings without failing', async () => {
    const valid = examples('shandong').find((e) => e.file === 'valid/all-services.json');
    const data = structuredClone(valid?.data) as { housingFundAccount: { withholdingAccount: string } };
    data.housingFundAccount.withholdingAccount = '6217001234567890123';
    const outcome = await validateCommand(registry, 'shandong', JSON.stringify(data), { date: '2026-11-23', lang: 'en' });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toContain('W_BANK_LUHN');
  });
});
