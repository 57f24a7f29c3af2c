import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Database } from '../src/store/sqlite-driver'
import { afterAll, describe, expect, it } from 'vitest'
import { signUp, startServerProcess } from './server-process'

const dir = mkdtempSync(join(tmpdir(), 'crm-shutdown-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the request in flight, commits it, refuses new connections and exits 0', async () => {
    const database = join(dir, 'crm.sqlite')
    const server = await startServerProcess({ CRM_DATABASE: database })
    const key = (await signUp(server.url, 'stop@example.com')).secret
    const body = JSON.stringify({ batch: [{ type: 'purchase', orderId: 'in-flight', userId: 'u', amount: 1, currency: 'USD', product: 'p' }] })

    const { port } = new URL(server.url)
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/batch', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode!, text }))
      })
      req.on('error', reject)
      // Half the body now, the signal, then the rest: the request is in flight when the server is told to stop.
      req.write(body.slice(0, 20))
      setTimeout(() => {
        server.child.kill('SIGTERM')
        setTimeout(() => req.end(body.slice(20)), 300)
      }, 200)
    })
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve))
    const res = await answer
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toMatchObject({ accepted: 1 })
    await expect(fetch(`${server.url}/v1/connection`)).rejects.toThrow()
    expect(await exited).toBe(0)
    const db = new Database(database, { readonly: true })
    expect(db.prepare("SELECT count(*) AS n FROM purchases WHERE order_id = 'in-flight'").get()).toEqual({ n: 1 })
    db.close()
  })
})
