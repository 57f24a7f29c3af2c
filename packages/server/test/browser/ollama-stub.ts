import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export const STUB_ANSWER = 'Revenue comes mostly from repeat customers.'

/**
 * Ollama's HTTP API, stubbed (no model runs here): `/api/chat` and `/api/generate` answer a fixed text, `/api/tags`
 * lists the model. Counts the calls so a test can tell the assistant asked it.
 */
export async function startOllamaStub(model = 'qwen2.5:3b'): Promise<{ url: string; calls: string[]; close(): Promise<void> }> {
  const calls: string[] = []
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    calls.push(`${request.method} ${path}`)
    request.resume()
    request.on('end', () => {
      const now = new Date().toISOString()
      const bodies: Record<string, unknown> = {
        '/api/tags': { models: [{ name: model, model, modified_at: now, size: 1, digest: 'stub', details: {} }] },
        '/api/chat': { model, created_at: now, message: { role: 'assistant', content: STUB_ANSWER }, done: true, done_reason: 'stop' },
        '/api/generate': { model, created_at: now, response: STUB_ANSWER, done: true, done_reason: 'stop' },
        '/api/show': { modelfile: '', parameters: '', template: '', details: {} },
        '/api/version': { version: '0.6.0' },
      }
      const body = bodies[path]
      response.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify(body ?? { error: 'not found' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
