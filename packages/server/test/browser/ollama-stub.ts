import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export const STUB_ANSWER = 'Revenue comes mostly from repeat customers.'

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; enum?: unknown[]; const?: unknown }

/** The simplest value that fits a JSON schema: every string says `STUB_ANSWER`, which holds no number to check. */
function sampleOf(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return schema.enum[0]
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  if (type === 'object') return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, value]) => [name, sampleOf(value)]))
  if (type === 'array') return []
  if (type === 'number' || type === 'integer') return 0
  if (type === 'boolean') return false
  if (type === 'null') return null
  return STUB_ANSWER
}

/**
 * Ollama's HTTP API, stubbed (no model runs here): `/api/chat` answers `STUB_ANSWER`, or, when asked for a JSON
 * `format`, the simplest JSON of that schema with `STUB_ANSWER` in its strings; `/api/tags` lists the model.
 * Records the paths called so a test can tell the assistant asked it.
 */
export async function startOllamaStub(model = 'qwen2.5:3b'): Promise<{ url: string; calls: string[]; close(): Promise<void> }> {
  const calls: string[] = []
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    calls.push(`${request.method} ${path}`)
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      let asked: { format?: JsonSchema | string } = {}
      try {
        asked = JSON.parse(Buffer.concat(chunks).toString() || '{}')
      } catch {
        // not JSON: answer as text
      }
      const content = typeof asked.format === 'object' ? JSON.stringify(sampleOf(asked.format)) : STUB_ANSWER
      const now = new Date().toISOString()
      const bodies: Record<string, unknown> = {
        '/api/tags': { models: [{ name: model, model, modified_at: now, size: 1, digest: 'stub', details: {} }] },
        '/api/chat': { model, created_at: now, message: { role: 'assistant', content }, done: true, done_reason: 'stop' },
        '/api/generate': { model, created_at: now, response: content, done: true, done_reason: 'stop' },
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
