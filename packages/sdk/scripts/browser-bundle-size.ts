import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { BROWSER_BUILD } from './browser-build'

/** The budget of the browser ESM build, minified and gzipped, ofetch included. */
export const BROWSER_BUDGET_BYTES = 8 * 1024

/**
 * Builds the browser ESM bundle as `npm run build` makes `dist/browser/crm-sdk.min.js` and weighs it.
 *
 * @example const { gzipped } = await measureBrowserBundle() // 7 9xx
 */
export async function measureBrowserBundle(): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    ...BROWSER_BUILD,
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    format: 'esm',
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.contents
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length }
}
