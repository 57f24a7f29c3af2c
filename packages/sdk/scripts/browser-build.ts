import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { build, type BuildOptions, type Plugin } from 'esbuild'

/**
 * Internal property names the browser build shortens, as Preact's mangle.json does: names of the SDK's own objects
 * (queue, retry hooks, page persistence) that never cross the public API or the wire. Kept as an explicit list so
 * nothing public, and no built-in such as `push`, can be renamed by accident.
 */
export const INTERNAL_PROPERTIES =
  /^(onUndelivered|onSent|onRetry|post|sleep|leftBehind|schedule|detach|settle|snapshot|take|waiting|bytes|inBrowser|retryAfter|adopt|watch|unwatch)$/

/**
 * Swaps Node-only modules for their `.browser.ts` stand-ins in the browser builds: a page has no process exit to
 * flush before, and those bytes would count against the size budget.
 *
 * @example await build({ ...BROWSER_BUILD, entryPoints: ['src/index.ts'] }) // BROWSER_BUILD includes it
 */
export const NODE_ONLY_STUBS: Plugin = {
  name: 'crm-sdk-node-only-stubs',
  setup(build) {
    build.onResolve({ filter: /\/node\/exit-flush$/ }, (args) => ({ path: join(args.resolveDir, `${args.path}.browser.ts`) }))
  },
}

/** esbuild options of the browser bundles: everything bundled (ofetch too), minified, for current browsers. */
export const BROWSER_BUILD: BuildOptions = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: 'es2022',
  mangleProps: INTERNAL_PROPERTIES,
  plugins: [NODE_ONLY_STUBS],
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
