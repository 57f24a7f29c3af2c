import { execFile } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { assertBuilt } from './built-sdk'

const run = promisify(execFile)
const fixture = fileURLToPath(new URL('fixtures/exit-without-flush.mjs', import.meta.url))

// A real HTTP endpoint that answers as the server's POST /v1/batch does and records every event it receives.
let received: { type: string; messageId: string }[] = []
let delay = 0
let server: Server | undefined
let host: string

beforeAll(async () => {
  assertBuilt()
  const endpoint = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      const { batch } = JSON.parse(body) as { batch: { type: string; messageId: string }[] }
      setTimeout(() => {
        received.push(...batch)
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ accepted: batch.length, duplicates: 0, rejected: [] }))
      }, delay)
    })
  })
  server = endpoint
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve))
  host = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))))
beforeEach(() => {
  received = []
  delay = 0
})

const ids = () => received.map((event) => event.messageId)

test.each(['none', 'flush', 'shutdown'])('a Node script that ends with %s as its last step delivers both events, each once', async (ending) => {
  const started = Date.now()
  const { stdout, stderr } = await run(process.execPath, [fixture, host, ending], { timeout: 20_000 })
  expect(stdout + stderr).toBe('')
  expect(received.map((event) => event.type).sort()).toEqual(['purchase', 'user'])
  expect(new Set(ids()).size).toBe(2)
  // The 60 s batch interval was not waited for.
  expect(Date.now() - started).toBeLessThan(5000)
})

test('a slow answer is waited for: the exit flush keeps the process alive until delivery', async () => {
  delay = 1500
  await run(process.execPath, [fixture, host, 'none'], { timeout: 20_000 })
  expect(received).toHaveLength(2)
})

test('with the server down the process still ends, after the flushTimeout and not in a loop', async () => {
  const started = Date.now()
  // Nothing listens on port 9: every attempt fails at once and the SDK would retry for a minute.
  const { stderr } = await run(process.execPath, [fixture, 'http://127.0.0.1:9', 'none', '1500'], { timeout: 20_000 })
  const took = Date.now() - started
  expect(took).toBeGreaterThanOrEqual(1500)
  expect(took).toBeLessThan(6000)
  expect(stderr).toBe('')
})
