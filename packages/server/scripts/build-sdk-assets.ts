import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { packStandalone, type StandalonePackage } from '../../sdk/scripts/standalone-package'

/**
 * Makes what the server serves of the SDK, from the SDK's build (`crm-sdk`'s `dist/`): `crm-sdk.tgz`, an npm
 * package with no dependencies (ofetch bundled), and `sdk.js`, the SDK's `<script>` build, which defines the global
 * `CrmSdk`. Runs after every build of the server (its tsup config), since that build empties `dist/`; turbo builds
 * the SDK first. Returns undefined, with a warning, when the SDK is not built, so the server still builds (and
 * answers 503 on `/sdk.js` and `/sdk/crm-sdk.tgz`).
 *
 * @example
 * await buildSdkAssets('dist/sdk') // dist/sdk/crm-sdk.tgz and dist/sdk/sdk.js
 */
export async function buildSdkAssets(outDir: string): Promise<StandalonePackage | undefined> {
  const sdkRoot = dirname(createRequire(import.meta.url).resolve('crm-sdk/package.json'))
  const script = join(sdkRoot, 'dist', 'browser', 'crm-sdk.global.js')
  if (!existsSync(script) || !existsSync(join(sdkRoot, 'dist', 'index.js'))) {
    console.warn(`crm-sdk is not built (${sdkRoot}/dist): /sdk.js and /sdk/crm-sdk.tgz will answer 503. Run "npm run build".`)
    return undefined
  }
  mkdirSync(outDir, { recursive: true })
  const packed = await packStandalone(outDir, sdkRoot)
  // A temporary name and a rename: a server reading the file never sees half of it.
  const next = join(outDir, `sdk.js.${process.pid}.tmp`)
  copyFileSync(script, next)
  renameSync(next, join(outDir, 'sdk.js'))
  return packed
}
