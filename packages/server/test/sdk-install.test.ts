import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createContext, runInContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSnippet, SDK_GLOBAL, sdkSnippet } from '../src/admin/client/views/snippets'
import { buildSdkAssets } from '../scripts/build-sdk-assets'
import { startServerProcess, type ServerProcess } from './server-process'

// The check, as a user with no registry for crm-sdk does it: a real server, a sign-up, a new Node project
// that installs the SDK from the server, and the admin page's Node snippet run as a script.
const run = promisify(execFile)
const sdkDir = fileURLToPath(new URL('../dist/sdk/', import.meta.url))
const project = mkdtempSync(join(tmpdir(), 'crm-sdk-user-'))
let server: ServerProcess | undefined
let keys: { publishable: string; secret: string }

/** The environment of a user's shell: no `npm_*` variables of the `npm test` this runs under. */
const userEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')))

/** npm in the user's project, with a registry where nothing listens: the install must need no registry at all. */
function npm(args: string[]) {
  const offline = ['--registry=http://127.0.0.1:9/', `--cache=${join(project, '.npm-cache')}`, '--fetch-retries=0', '--no-audit', '--no-fund', '--no-update-notifier']
  return run('npm', [...args, ...offline], { cwd: project, env: userEnv, timeout: 120_000, shell: process.platform === 'win32' })
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(server!.url + path, { headers: { authorization: `Bearer ${keys.secret}` } })
  expect(res.status, path).toBe(200)
  return (await res.json()) as T
}

beforeAll(async () => {
  // The server's build makes dist/sdk; a dist built before that step existed gets it here.
  if (!existsSync(join(sdkDir, 'crm-sdk.tgz')) || !existsSync(join(sdkDir, 'sdk.js'))) await buildSdkAssets(sdkDir)
  server = await startServerProcess({ CRM_DATABASE: ':memory:' })
  const res = await fetch(`${server.url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ name: 'Self-hoster', email: 'self-hoster@example.com', password: 'correct horse battery staple' }),
  })
  expect(res.status).toBe(201)
  keys = ((await res.json()) as { apiKeys: { publishable: string; secret: string } }).apiKeys
}, 120_000)

afterAll(async () => {
  await server?.stop()
  rmSync(project, { recursive: true, force: true })
})

describe('the SDK from the server', { timeout: 180_000 }, () => {
  it('installs into a new Node project from /sdk/crm-sdk.tgz with no registry, and the admin snippet delivers its events', async () => {
    const snippet = sdkSnippet(keys.publishable, server!.url)
    const [install, blank, ...code] = snippet.split('\n')
    expect(install).toBe(`npm install ${server!.url}/sdk/crm-sdk.tgz`)
    expect(blank).toBe('')

    await npm(['init', '-y'])
    await npm(install!.split(' ').slice(1))
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    expect(manifest.dependencies['crm-sdk']).toBe(`${server!.url}/sdk/crm-sdk.tgz`)
    // Self-contained: ofetch is bundled, nothing else was installed.
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> }
    expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/crm-sdk'])

    writeFileSync(join(project, 'track.mjs'), code.join('\n'))
    const { stdout, stderr } = await run(process.execPath, ['track.mjs'], { cwd: project, env: userEnv, timeout: 60_000 })
    expect(stdout + stderr).toBe('')

    const customer = await api<{ profile?: { name: string | null }; name?: string | null }>('/v1/customers/user_1')
    expect(JSON.stringify(customer)).toContain('Ada Lovelace')
    const purchases = await api<{ data: { orderId: string; userId: string; amount: number; currency: string }[] }>('/v1/purchases')
    expect(purchases.data).toEqual([expect.objectContaining({ orderId: 'order_1', userId: 'user_1', amount: 19.99, currency: 'USD' })])
  })

  it('the same snippet without its last line (no flush) still delivers, once', async () => {
    const code = sdkSnippet(keys.publishable, server!.url)
      .split('\n')
      .slice(2)
      .filter((line) => line !== 'await crm.flush()')
      .join('\n')
      .replaceAll('user_1', 'user_2')
      .replaceAll('order_1', 'order_2')
    writeFileSync(join(project, 'forgets-flush.mjs'), code)
    await run(process.execPath, ['forgets-flush.mjs'], { cwd: project, env: userEnv, timeout: 60_000 })
    const purchases = await api<{ data: { orderId: string }[] }>('/v1/purchases?userId=user_2')
    expect(purchases.data.map((purchase) => purchase.orderId)).toEqual(['order_2'])
  })

  it('revalidates the tarball by ETag', async () => {
    const first = await fetch(`${server!.url}/sdk/crm-sdk.tgz`)
    expect(first.headers.get('content-type')).toBe('application/gzip')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"sha256-/)
    const again = await fetch(`${server!.url}/sdk/crm-sdk.tgz`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
  })

  it('/sdk.js is the script build: it defines the global the browser snippet uses, which delivers to this server', async () => {
    const res = await fetch(`${server!.url}/sdk.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const script = await res.text()
    expect(browserSnippet(keys.publishable, server!.url)).toContain(`${SDK_GLOBAL}.createClient(`)

    // A page as far as the SDK sees one: a document, events on the window; the web APIs it calls are Node's.
    const page: Record<string, unknown> = {
      document: {},
      navigator: {},
      addEventListener() {},
      removeEventListener() {},
      fetch,
      Headers,
      AbortController,
      TextEncoder,
      URL,
      crypto,
      setTimeout,
      clearTimeout,
      queueMicrotask,
      console,
    }
    page.window = page
    const context = createContext(page)
    runInContext(script, context)
    const global = page[SDK_GLOBAL] as { createClient: (options: { apiKey: string; host: string }) => Record<string, (...args: unknown[]) => unknown> }
    expect(typeof global?.createClient).toBe('function')
    const crm = global.createClient({ apiKey: keys.publishable, host: server!.url })
    expect(crm.trackPurchase!({ orderId: 'order_3', userId: 'user_3', amount: 5, currency: 'USD', product: 'Tea' })).toBe(true)
    expect(await crm.flush!()).toMatchObject({ sent: 1, pending: 0 })
    const purchases = await api<{ data: { orderId: string }[] }>('/v1/purchases?userId=user_3')
    expect(purchases.data.map((purchase) => purchase.orderId)).toEqual(['order_3'])
  })
})
