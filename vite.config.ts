import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from disk by Electron (file://) and by the web host, so paths are relative.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
});
