import { defineConfig } from 'vite';

export default defineConfig({
  // Relative paths: dist/ runs from any folder or static host, offline.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  server: { host: '127.0.0.1' },
});
