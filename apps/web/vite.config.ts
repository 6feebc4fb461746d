import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app is a static bundle served by the Pathwise server at `/` (one origin, so cookies and CSP
// stay simple). In development Vite serves it and forwards `/api` to a server started separately
// (`PATHWISE_API_URL`, default http://127.0.0.1:3000).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // Pages load on demand; the largest chunk (~550 kB, ~180 kB gzipped) is ECharts, fetched only by
  // the pages that draw a chart.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: {
      "/api": { target: process.env.PATHWISE_API_URL ?? "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
});
