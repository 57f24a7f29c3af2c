import { execFileSync } from 'node:child_process'
import { existsSync, statSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Tests that start the real server process need a current `dist/main.js`: build it when it is missing or stale. */
export default function setup(): void {
  const main = join(root, 'dist', 'main.js')
  if (existsSync(main) && statSync(main).mtimeMs >= newestSource(join(root, 'src'))) return
  execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' })
}
