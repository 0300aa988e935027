// The web app's build: `npm run build -w @tandem/web` (or `npm start`, which builds when sources changed).
// Dev: `npx vite packages/web` with the server on :4400 — /api and /auth are proxied to it.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // Vendor code in a few long-lived chunks; each page is its own lazy chunk (see src/app/routes.tsx).
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (id.includes('echarts') || id.includes('zrender')) return 'echarts';
          if (id.includes('@mantine') || id.includes('@floating-ui')) return 'mantine';
          if (id.includes('@tanstack')) return 'tanstack';
          if (id.includes('@tabler')) return 'icons';
          if (id.includes('/react') || id.includes('scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:4400', '/auth': 'http://127.0.0.1:4400' },
  },
});
