import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the proxy did to each request, by kind. */
export interface FaultCounts {
  passed: number
  failedBefore: number
  failedAfter: number
  resetBefore: number
  resetAfter: number
  delayed: number
}

/**
 * A node:http proxy in front of the real server that misbehaves like a bad network, seeded so a run can be replayed:
 * some requests get a 500 without reaching the server, some reach it and still get a 500 (the events are stored but
 * the client cannot know), some have their connection reset before or after the server saw them, some are delayed
 * past the client's timeout.
 */
export async function startFaultyProxy(target: string, seed: number, delayMs: number) {
  let state = seed
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
  const counts: FaultCounts = { passed: 0, failedBefore: 0, failedAfter: 0, resetBefore: 0, resetAfter: 0, delayed: 0 }
  const upstream = new URL(target)

  const relay = (incoming: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const outgoing = forward(
        { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }))
          response.on('error', reject)
        },
      )
      outgoing.on('error', reject)
      outgoing.end(body)
    })

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer) => {
    const roll = random()
    if (roll < 0.1) {
      counts.failedBefore++
      outgoing.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"code":"internal_error","message":"proxy says no"}}')
      return
    }
    if (roll < 0.18) {
      counts.resetBefore++
      incoming.socket.destroy()
      return
    }
    if (roll < 0.28) {
      counts.delayed++
      await new Promise((resolve) => setTimeout(resolve, delayMs))
    }
    const answer = await relay(incoming, body)
    if (roll >= 0.28 && roll < 0.36) {
      counts.failedAfter++
      outgoing.writeHead(502, { 'content-type': 'application/json' }).end('{"error":{"code":"bad_gateway","message":"lost the answer"}}')
      return
    }
    if (roll >= 0.36 && roll < 0.44) {
      counts.resetAfter++
      incoming.socket.destroy()
      return
    }
    if (roll >= 0.28) counts.passed++
    if (!outgoing.destroyed) outgoing.writeHead(answer.status, answer.headers).end(answer.body)
  }

  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      handle(incoming, outgoing, Buffer.concat(chunks)).catch(() => incoming.socket.destroy())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, counts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
