import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { loadConfig } from '../src/config'
import { createCrm, type Crm } from '../src/crm'
import { serverTimeouts } from '../src/http/server-timeouts'
import { createLogger } from '../src/logger'

export type TestServer = {
  url: string
  crm: Crm
  /** JSON request to the server; `cookie` and `key` add credentials, `origin` defaults to the server's own. */
  call(method: string, path: string, options?: CallOptions): Promise<{ status: number; body: any; headers: Headers }>
  signup(name?: string): Promise<Account>
  /** A digest of every row of every table: equal before and after means the database is unchanged. */
  digest(): string
  close(): Promise<void>
}

export type CallOptions = { body?: unknown; rawBody?: string | Uint8Array; contentType?: string; cookie?: string; key?: string; origin?: string | null; headers?: Record<string, string> }
export type Account = { cookie: string; appId: string; publishable: string; secret: string; userId: string; email: string }

let counter = 0

/**
 * Starts the real server (real SQLite file in a temp folder, real HTTP on a random port); `logLines` collects what
 * it logs at `info` and above.
 */
export async function startTestServer(env: Record<string, string> = {}, options: { logLines?: string[] } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-test-'))
  const config = loadConfig({ CRM_DATABASE: join(dir, 'crm.sqlite'), CRM_AI: 'off', CRM_LOG_LEVEL: 'silent', ...env })
  const { logLines } = options
  const crm = createCrm(config, { logger: logLines ? createLogger('info', (line) => logLines.push(line)) : createLogger('silent') })
  const server = serve({ fetch: crm.app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: serverTimeouts(config) })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const call: TestServer['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers }
    if (options.origin !== null && method !== 'GET') headers.origin = options.origin ?? url
    if (options.cookie) headers.cookie = options.cookie
    if (options.key) headers.authorization = `Bearer ${options.key}`
    let body: string | Uint8Array | undefined
    if (options.rawBody !== undefined) body = options.rawBody
    else if (options.body !== undefined) body = JSON.stringify(options.body)
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json'
    const res = await fetch(url + path, { method, headers, ...(body !== undefined ? { body: body as unknown as BodyInit } : {}) })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as any, headers: res.headers }
  }

  return {
    url,
    crm,
    call,
    async signup(name = 'Ada') {
      counter += 1
      const email = `${name.toLowerCase().replace(/\W/g, '')}${counter}-${Date.now()}@example.com`
      const res = await call('POST', '/api/auth/signup', { body: { name, email, password: 'correct horse battery' } })
      if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`)
      const cookie = res.headers.get('set-cookie')!.split(';', 1)[0]!
      return { cookie, appId: res.body.app.id, publishable: res.body.apiKeys.publishable, secret: res.body.apiKeys.secret, userId: res.body.user.id, email }
    },
    digest() {
      const db = crm.stores.db
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
      const hash = createHash('sha256')
      for (const { name } of tables) hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all(), (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))
      return hash.digest('hex')
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await crm.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
