import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { chmod, mkdtemp, rename, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

const NPM_CHROMIUM = '@sparticuz/chromium'

// Run in a child so that its TMPDIR, where `executablePath()` unpacks, is a folder of our own (see below).
const UNPACK_SCRIPT = 'const { default: chromium } = await import(process.argv[1]); process.stdout.write(await chromium.executablePath())'

/**
 * Unpacks the Chromium that `@sparticuz/chromium` ships (brotli-compressed, Linux x64 only) into
 * `<tmpdir>/crm-chromium-<version>/` on first use and returns its executable; later calls, from any process, return
 * the same path at once. Returns `undefined` where the package is not installed or its build cannot run here.
 *
 * `executablePath()` itself unpacks straight to `/tmp/chromium` and counts the file as unpacked as soon as it exists,
 * so test files that start at once could launch a half-written browser. Here each caller unpacks into a folder of its
 * own and renames it into place, which is atomic: the first rename wins, and the others drop their copy.
 *
 * @example
 * await unpackNpmChromium() // '/tmp/crm-chromium-153.0.0/chromium'
 */
export async function unpackNpmChromium(): Promise<string | undefined> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined
  const entry = resolveNpmChromium()
  if (entry === undefined) return undefined
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }
  const folder = join(tmpdir(), `crm-chromium-${version}`)
  const executable = join(folder, 'chromium')
  if (existsSync(executable)) return executable

  const staging = await mkdtemp(`${folder}.unpacking-`)
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', UNPACK_SCRIPT, pathToFileURL(entry).href], {
      env: { ...process.env, TMPDIR: staging },
    })
    // mkdtemp makes it private; other users of a shared /tmp must be able to run it as well.
    await chmod(staging, 0o755)
    await rename(staging, folder)
  } catch (error) {
    // The rename fails when another process's copy is already in place, and then that copy is as good as ours.
    if (!existsSync(executable)) throw error
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
  return executable
}

function resolveNpmChromium(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(NPM_CHROMIUM)
  } catch {
    return undefined
  }
}
