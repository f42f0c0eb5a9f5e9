// Builds the timeline page (src/web) into web-dist/, which the server serves as static files.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("./src/web"),
  base: "./",
  publicDir: false,
  build: {
    outDir: here("./web-dist"),
    emptyOutDir: true,
    // Note: no inline scripts or module preload polyfill, so the page runs under a strict CSP.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
});
