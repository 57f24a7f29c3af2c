import { defineConfig } from 'tsup'
import { INTERNAL_PROPERTIES, NODE_ONLY_STUBS } from './scripts/browser-build'

export default defineConfig([
  // npm consumers: ESM + CJS with types; ofetch stays a dependency so apps share one copy.
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    sourcemap: true,
  },
  // <script> users and the size budget: everything bundled, minified, for browsers (see scripts/browser-build.ts).
  {
    entry: { 'crm-sdk': 'src/index.ts' },
    outDir: 'dist/browser',
    format: ['esm', 'iife'],
    globalName: 'CrmSdk',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    noExternal: ['ofetch'],
    esbuildPlugins: [NODE_ONLY_STUBS],
    esbuildOptions(options) {
      options.mangleProps = INTERNAL_PROPERTIES
    },
    outExtension: ({ format }) => ({ js: format === 'iife' ? '.global.js' : '.min.js' }),
  },
])
