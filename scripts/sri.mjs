#!/usr/bin/env node
// Subresource Integrity for the built widget modules (SECURITY.md §2 "Supply chain":
// releases publish an SRI sha384). Run after `npm run build`:
//
//   node scripts/sri.mjs                 # every widget/dist/<id>.js
//   node scripts/sri.mjs shandong        # one form
//   node scripts/sri.mjs --json          # [{ form, file, bytes, integrity, tag, parts: [{ file, load, bytes, integrity, tag }] }]
//   node scripts/sri.mjs --base https://cdn.example.gov.cn/yibiao/2025.1.0/ shandong
//
// A widget is its entry `<id>.js` plus the parts in `<id>/` that `<id>/parts.json` lists:
// eager parts (imported statically by the entry) and lazy parts (imported on first need:
// signing, drafts, files, the division tree). Each part is printed as a
// `<link rel="modulepreload">` with its integrity: a module fetched that way is the one
// the entry's `import` and `import()` use, so the whole widget is pinned.
// The hash is of the exact bytes served: re-run it for every build, and serve the
// files with `Access-Control-Allow-Origin` when the page is on another origin.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'widget', 'dist');

const args = process.argv.slice(2);
const json = args.includes('--json');
const baseAt = args.indexOf('--base');
const base = baseAt >= 0 ? args[baseAt + 1] : '/widget/dist/';
const forms = args.filter((a, i) => !a.startsWith('--') && !(baseAt >= 0 && i === baseAt + 1));

/** The `sha384-…` integrity value of some bytes (W3C SRI, base64 of the SHA-384 digest). */
function integrityOf(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

function escapeAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

let ids;
try {
  ids = forms.length > 0 ? forms : readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
} catch {
  process.stderr.write('sri: widget/dist is missing — run `npm run build` first\n');
  process.exit(2);
}

const out = [];
for (const form of ids) {
  if (!/^[a-z][a-z0-9-]*$/.test(form)) {
    process.stderr.write(`sri: not a form id: ${form}\n`);
    process.exit(2);
  }
  const file = path.join(dist, `${form}.js`);
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    process.stderr.write(`sri: ${path.relative(root, file)} is missing — run \`npm run build\` first\n`);
    process.exit(2);
  }
  const integrity = integrityOf(bytes);
  const src = `${base}${form}.js`;
  const tag = `<script type="module" src="${escapeAttribute(src)}" integrity="${integrity}" crossorigin="anonymous"></script>`;
  out.push({ form, file: path.relative(root, file), bytes: bytes.length, integrity, tag, parts: partsOf(form) });
}

/** The eager and lazy parts `widget/dist/<form>/parts.json` lists, each hashed from the file itself. */
function partsOf(form) {
  let listed;
  try {
    listed = JSON.parse(readFileSync(path.join(dist, form, 'parts.json'), 'utf8')).parts;
  } catch {
    return [];
  }
  return listed
    .filter((part) => part.load !== 'entry')
    .map((part) => {
      if (!/^[a-z0-9-]+\/[A-Za-z0-9_-]+\.js$/.test(part.file)) {
        process.stderr.write(`sri: unexpected part ${JSON.stringify(part.file)} in ${form}/parts.json\n`);
        process.exit(2);
      }
      const partBytes = readFileSync(path.join(dist, part.file));
      const partIntegrity = integrityOf(partBytes);
      const href = `${base}${part.file}`;
      return {
        file: path.relative(root, path.join(dist, part.file)),
        load: part.load,
        bytes: partBytes.length,
        integrity: partIntegrity,
        tag: `<link rel="modulepreload" href="${escapeAttribute(href)}" integrity="${partIntegrity}" crossorigin="anonymous">`,
      };
    });
}

if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
else {
  for (const entry of out) {
    process.stdout.write(`${entry.form}\t${entry.integrity}\n${entry.tag}\n`);
    for (const part of entry.parts) process.stdout.write(`${part.tag}${part.load === 'lazy' ? '  <!-- lazy part -->' : ''}\n`);
  }
}
