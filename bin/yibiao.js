#!/usr/bin/env node
// The yibiao CLI. `npm run build` bundles src/cli into dist/cli.js.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('yibiao: dist/cli.js is missing — run `npm run build` first\n');
  process.exit(2);
}
const { main } = await import(cli.href);
await main(process.argv);
