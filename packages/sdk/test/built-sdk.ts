import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The SDK's built ESM entry, as `npm run build` writes it. */
export const BUILT_SDK = join(root, 'dist', 'index.js')

function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    // Tests beside the code are not part of the build.
    if (entry.isDirectory()) latest = Math.max(latest, newest(path))
    else if (!entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(path).mtimeMs)
  }
  return latest
}

/**
 * Throws unless `dist/` is built and newer than every source file of `src/`, so a test of the built SDK never passes or
 * fails on an old build. `npm test` builds first (turbo); a single file needs `npm run build -w crm-sdk`.
 *
 * @example beforeAll(assertBuilt)
 */
export function assertBuilt(): void {
  if (!existsSync(BUILT_SDK)) throw new Error(`${BUILT_SDK} is missing: run "npm run build -w crm-sdk" first`)
  if (statSync(BUILT_SDK).mtimeMs < newest(join(root, 'src'))) throw new Error(`${BUILT_SDK} is older than src/: run "npm run build -w crm-sdk"`)
}
