import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app is a static bundle served by the Pathwise server at `/` (one origin, so cookies and CSP
// stay simple). In development Vite serves it and forwards `/api` to a server started separately
// (`PATHWISE_API_URL`, default http://127.0.0.1:3000).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      "/api": { target: process.env.PATHWISE_API_URL ?? "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
});
