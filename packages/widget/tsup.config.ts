import { defineConfig } from 'tsup'

export default defineConfig([
  {
    // dist/widget.js: a classic script for <script src=".../widget.js" async>, so document.currentScript works.
    entry: { widget: 'src/widget.ts' },
    format: 'iife',
    outExtension: () => ({ js: '.js' }),
    minify: true,
    target: 'es2022',
    platform: 'browser',
    sourcemap: false,
    clean: false,
  },
  {
    // dist/charts.js: the SVG charts as an ES module, shared with the admin page.
    entry: { charts: 'src/charts/index.ts' },
    format: 'esm',
    dts: true,
    target: 'es2022',
    platform: 'browser',
    clean: false,
  },
])
