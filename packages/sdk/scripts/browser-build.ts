import { fileURLToPath } from 'node:url'
import { build, type BuildOptions } from 'esbuild'

/**
 * Internal property names the browser build shortens, as Preact's mangle.json does: names of the SDK's own objects
 * (queue, retry hooks, page persistence) that never cross the public API or the wire. Kept as an explicit list so
 * nothing public, and no built-in such as `push`, can be renamed by accident.
 */
export const INTERNAL_PROPERTIES = /^(onUndelivered|onSent|onRetry|post|sleep|leftBehind|schedule|detach|settle|snapshot|take|waiting|bytes|inBrowser|retryAfter|adopt)$/

/** esbuild options of the browser bundles: everything bundled (ofetch too), minified, for current browsers. */
export const BROWSER_BUILD: BuildOptions = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: 'es2022',
  mangleProps: INTERNAL_PROPERTIES,
}

/**
 * The browser ESM bundle, built in memory as `npm run build` writes `dist/browser/crm-sdk.min.js`.
 *
 * @example const code = await buildBrowserBundle() // Uint8Array of minified JavaScript
 */
export async function buildBrowserBundle(): Promise<Uint8Array> {
  const result = await build({
    ...BROWSER_BUILD,
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    format: 'esm',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.contents
}
