import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { widgetParts } from '../../src/compile/widget-parts.js';

type Imports = Metafile['outputs'][string]['imports'];
const output = (imports: Imports) => ({ bytes: 1, inputs: {}, imports, exports: [] });

describe('widgetParts', () => {
  const metafile: Metafile = {
    inputs: {},
    outputs: {
      'widget/dist/f.js': output([
        { path: 'widget/dist/f/chunk-A.js', kind: 'import-statement' },
        { path: 'widget/dist/f/submission-part-B.js', kind: 'dynamic-import' },
      ]),
      'widget/dist/f/chunk-A.js': output([{ path: 'widget/dist/f/chunk-C.js', kind: 'import-statement' }]),
      'widget/dist/f/chunk-C.js': output([]),
      'widget/dist/f/submission-part-B.js': output([
        { path: 'widget/dist/f/chunk-A.js', kind: 'import-statement' },
        { path: 'widget/dist/f/chunk-D.js', kind: 'import-statement' },
      ]),
      'widget/dist/f/chunk-D.js': output([]),
    },
  };

  it('names the entry, the parts it imports statically (also through another part) eager, and the rest lazy', () => {
    expect(widgetParts(metafile, 'widget/dist/f.js', 'widget/dist')).toEqual([
      { file: 'f.js', load: 'entry' },
      { file: 'f/chunk-A.js', load: 'eager' },
      { file: 'f/chunk-C.js', load: 'eager' },
      { file: 'f/chunk-D.js', load: 'lazy' },
      { file: 'f/submission-part-B.js', load: 'lazy' },
    ]);
  });

  it('does not count a dynamic import as eager', () => {
    const parts = widgetParts(metafile, 'widget/dist/f.js', 'widget/dist');
    expect(parts.find((p) => p.file === 'f/submission-part-B.js')?.load).not.toBe('eager');
  });
});
