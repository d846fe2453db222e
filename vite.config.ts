import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { projectPaths } from './src/compile/paths.js';
import { designerApi } from './src/designer-api/vite-plugin.js';

const root = fileURLToPath(new URL('.', import.meta.url));

// `npm start` serves the project root: the designer at /demo/ (demo/index.html)
// compiles edited forms through the designerApi endpoints, and the embed page
// (/demo/embed.html) loads the built widget exactly as a government site
// would: /widget/dist/<form>.js.
export default defineConfig({
  root,
  appType: 'mpa',
  publicDir: false,
  plugins: [designerApi({ paths: projectPaths(root) })],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    open: false,
    fs: { allow: [root] },
  },
  optimizeDeps: {
    // Discovered up front so the first visit does not reload the page to re-optimise.
    entries: ['demo/index.html', 'demo/embed.html'],
    include: [
      'ajv',
      'ajv/dist/compile/codegen/index.js',
      'ajv/dist/compile/names.js',
      '@rjsf/core',
      '@rjsf/utils',
      '@rjsf/validator-ajv8',
      'react',
      'react-dom/client',
      'jose',
      'canonicalize',
    ],
  },
  build: {
    outDir: 'dist/demo',
    emptyOutDir: true,
    rolldownOptions: { input: { designer: 'demo/index.html', embed: 'demo/embed.html' } },
  },
});
