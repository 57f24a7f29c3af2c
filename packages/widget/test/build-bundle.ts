import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Vitest global setup: builds dist/widget.js and dist/charts.js with the package's own tsup config. */
export default function buildBundle(): void {
  const packageDir = fileURLToPath(new URL('..', import.meta.url))
  execFileSync('npx', ['tsup', '--silent'], { cwd: packageDir, stdio: 'inherit' })
}
