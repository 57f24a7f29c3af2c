import { defineConfig } from 'tsup'
import { buildSdkAssets } from './scripts/build-sdk-assets'

export default defineConfig({
  // The worker threads are loaded by file, next to main.js and index.js.
  entry: {
    main: 'src/main.ts',
    index: 'src/index.ts',
    'statistics-worker': 'src/insights/statistics-worker.ts',
    'writer-worker': 'src/ingestion/writer-worker.ts',
    'checkpoint-worker': 'src/store/checkpoint-worker.ts',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  // Native and large runtime dependencies stay in node_modules.
  external: ['better-sqlite3', '@node-rs/argon2'],
  // The SDK as the server serves it (dist/sdk: /sdk/crm-sdk.tgz, /sdk.js), made after every build because `clean`
  // empties dist/ (the tests' rebuild included).
  async onSuccess() {
    await buildSdkAssets('dist/sdk')
  },
})
