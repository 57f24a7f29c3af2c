import { gzipSync } from 'node:zlib'
import { buildBrowserBundle } from './browser-build'

/** The budget of the browser ESM build, minified and gzipped, ofetch included. */
export const BROWSER_BUDGET_BYTES = 8 * 1024

/**
 * Builds the browser ESM bundle and weighs it, minified and gzipped.
 *
 * @example const { gzipped } = await measureBrowserBundle() // 7 9xx
 */
export async function measureBrowserBundle(): Promise<{ minified: number; gzipped: number }> {
  const code = await buildBrowserBundle()
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length }
}
