import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readAdminAsset, readWidgetScript } from '../../src/admin'

const serverRoot = fileURLToPath(new URL('../../', import.meta.url))
const widgetRoot = fileURLToPath(new URL('../../../widget/', import.meta.url))

/**
 * Builds the admin page's bundle (and the widget when it has no build) and loads both into the server's asset
 * cache at once, so a concurrent `tsup --clean` of the server's dist cannot pull them away mid-test.
 */
export function buildBrowserAssets(): void {
  execFileSync('npx', ['tsup', '--config', 'src/admin/tsup.config.ts'], { cwd: serverRoot, stdio: 'ignore' })
  if (!existsSync(`${widgetRoot}dist/widget.js`)) execFileSync('npx', ['tsup'], { cwd: widgetRoot, stdio: 'ignore' })
  if (!readAdminAsset('admin.js') || !readAdminAsset('admin.css')) throw new Error('admin bundle missing after build')
  if (!readWidgetScript()) throw new Error('widget bundle missing after build')
}
