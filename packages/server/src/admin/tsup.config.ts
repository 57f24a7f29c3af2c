import { defineConfig } from 'tsup'

// The admin page's client: one minified browser bundle (plus its stylesheet) that the server serves from dist/admin.
export default defineConfig({
  entry: { admin: 'src/admin/client/main.ts' },
  outDir: 'dist/admin',
  format: ['esm'],
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  clean: true,
  dts: false,
  noExternal: [/.*/],
})
