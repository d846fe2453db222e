import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as rules from '../../src/rules/index.js';

const RULES_DIR = fileURLToPath(new URL('../../src/rules/', import.meta.url));

describe('src/rules/index', () => {
  it('exports exactly the public functions and tables by name', () => {
    expect(Object.keys(rules).sort()).toEqual(
      [
        'ETHNIC_GROUPS',
        'ID_DOCUMENT_TYPES',
        'addMonthsClamped',
        'ageOn',
        'checkBankAccount',
        'checkIdDocument',
        'checkResidentId',
        'checkUscc',
        'checkWorkingAge',
        'compareDates',
        'isIdDocumentType',
        'isLandline',
        'isMobile',
        'isPostcode',
        'isRealDate',
        'isValidUscc',
        'isYearMonth',
        'luhnValid',
        'normalizeDigits',
        'normalizeIdNumber',
        'normalizeLandline',
        'normalizeMobile',
        'normalizeText',
        'residentIdCheckChar',
        'retirementAgeMonths',
        'retirementDate',
        'todayInShanghai',
        'usccCheckChar',
      ].sort(),
    );
  });

  it('uses no export * barrel', () => {
    expect(readFileSync(`${RULES_DIR}index.ts`, 'utf8')).not.toMatch(/export\s+\*/);
  });
});

describe('src/rules sources', () => {
  // The domain-rule modules (other files in the folder have their own tests).
  const files = [
    'bank-account.ts',
    'dates.ts',
    'ethnic-groups.ts',
    'id-document.ts',
    'index.ts',
    'luhn.ts',
    'normalize.ts',
    'phone.ts',
    'problem.ts',
    'resident-id.ts',
    'retirement.ts',
    'uscc.ts',
  ];

  it('are all present', () => {
    const present = readdirSync(RULES_DIR);
    for (const file of files) expect(present).toContain(file);
  });

  it('import only relative .js siblings inside src/rules, never node:* or packages', () => {
    for (const file of files) {
      const source = readFileSync(`${RULES_DIR}${file}`, 'utf8');
      for (const match of source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1] ?? match[2] ?? '';
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/[a-z0-9-]+\.js$/);
      }
    }
  });

  it('use no eval, new Function or default export', () => {
    for (const file of files) {
      const source = readFileSync(`${RULES_DIR}${file}`, 'utf8');
      expect(source, file).not.toMatch(/\beval\s*\(|new\s+Function\b|export\s+default\b/);
    }
  });
});
