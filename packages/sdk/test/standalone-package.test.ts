import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { BUNDLED_LICENSES, packStandalone, type StandalonePackage } from '../scripts/standalone-package'
import { assertBuilt } from './built-sdk'

const run = promisify(execFile)
const folder = mkdtempSync(join(tmpdir(), 'crm-sdk-standalone-test-'))
let packed: StandalonePackage

beforeAll(async () => {
  assertBuilt()
  packed = await packStandalone(folder)
  await run('tar', ['xzf', packed.tarball, '-C', folder])
}, 120_000)
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const file = (path: string) => readFileSync(join(folder, 'package', path), 'utf8')

test('the tarball is the SDK\'s build with no dependencies: ofetch is bundled and its license travels with it', async () => {
  expect(packed.tarball).toBe(join(folder, 'crm-sdk.tgz'))
  const { stdout } = await run('tar', ['tzf', packed.tarball])
  expect(stdout.split('\n').filter(Boolean).sort()).toEqual(
    [
      'README.md',
      BUNDLED_LICENSES,
      'dist/browser/crm-sdk.global.js',
      'dist/browser/crm-sdk.min.js',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'package.json',
    ].map((path) => `package/${path}`),
  )
  const manifest = JSON.parse(file('package.json')) as Record<string, unknown>
  const source = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, unknown>
  expect(manifest).not.toHaveProperty('dependencies')
  expect(manifest).not.toHaveProperty('devDependencies')
  expect(manifest).not.toHaveProperty('scripts')
  expect(manifest).toMatchObject({ name: 'crm-sdk', version: source.version, exports: source.exports, types: source.types })
  expect(packed.bundled.map((entry) => entry.split('@')[0])).toContain('ofetch')
  for (const entry of packed.bundled) expect(file(BUNDLED_LICENSES)).toContain(`## ${entry}`)
  for (const entry of ['dist/index.js', 'dist/index.cjs']) expect(file(entry)).not.toMatch(/from\s*["']ofetch["']|require\(["']ofetch["']\)/)
})

test('its ESM and CommonJS entries load on their own', async () => {
  const esm = (await import(pathToFileURL(join(folder, 'package', 'dist', 'index.js')).href)) as { createClient: unknown }
  const cjs = createRequire(import.meta.url)(join(folder, 'package', 'dist', 'index.cjs')) as { createClient: unknown }
  expect(typeof esm.createClient).toBe('function')
  expect(typeof cjs.createClient).toBe('function')
})
