import { defineConfig } from 'vite';

// `npm start` serves the project root so the demo page loads the built
// widget exactly as a government site would: /widget/dist/<form>.js.
export default defineConfig({
  root: '.',
  appType: 'mpa',
  publicDir: false,
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    open: false,
    fs: { allow: ['.'] },
  },
  build: {
    outDir: 'dist/demo',
    emptyOutDir: true,
    rollupOptions: { input: { demo: 'demo/index.html' } },
  },
});
