import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { chatReply, OLLAMA, ollamaChat, ollamaDown, ollamaTags } from './fixtures/ollama-mock'
import { type Account, startTestServer, type TestServer } from './harness'

// The server runs in this process, so msw answers its calls to Ollama's HTTP API; calls to the server itself pass.
const mock = setupServer(ollamaTags(['qwen2.5:3b']))
let server: TestServer
let shop: Account

beforeAll(async () => {
  mock.listen({ onUnhandledRequest: 'bypass' })
  server = await startTestServer({ CRM_AI: 'on', OLLAMA_HOST: OLLAMA })
  shop = await server.signup('Assistant')
  const batch = [
    { type: 'purchase', orderId: 'o1', userId: 'ann', amount: '10.00', currency: 'USD', timestamp: '2026-03-01T10:00:00Z', product: 'Tea' },
    { type: 'purchase', orderId: 'o2', userId: 'bob', amount: '32.50', currency: 'USD', timestamp: '2026-03-09T10:00:00Z', product: 'Cup' },
  ]
  await server.call('POST', '/v1/batch', { key: shop.secret, body: { batch } })
})
afterEach(() => mock.resetHandlers())
afterAll(async () => {
  await server.close()
  mock.close()
})

const ask = (question: string) =>
  server.call('POST', '/v1/assistant/ask', { key: shop.secret, body: { question, asOf: '2026-04-01T00:00:00Z' } })

/** A model that looks up March's sales with a tool call, then answers with `final`. */
function toolUsingModel(final: string) {
  return ollamaChat((body) => {
    if (body.format) return chatReply(JSON.stringify({ answer: final }))
    if (body.messages.some((message) => message.role === 'tool')) return chatReply('I have what I need.')
    return chatReply('', [{ name: 'sales_report', arguments: { from: '2026-03-01', to: '2026-03-31', interval: 'month' } }])
  })
}

describe('POST /v1/assistant/ask', () => {
  it('answers through whitelisted tool calls, with the facts it used', async () => {
    const chat = toolUsingModel('In March revenue was 42.5 USD from 2 orders.')
    mock.use(chat.handler)
    const res = await ask('How were sales in March?')
    expect(res.status).toBe(200)
    expect(res.body.answer).toBe('In March revenue was 42.5 USD from 2 orders.')
    expect(res.body.ai).toEqual({ status: 'ok', model: 'qwen2.5:3b' })
    expect(res.body.facts).toHaveLength(1)
    expect(res.body.facts[0]).toMatchObject({ tool: 'sales_report', arguments: { from: '2026-03-01', to: '2026-03-31', interval: 'month' } })
    expect(res.body.facts[0].result.totals).toMatchObject({ revenue: 42.5, orders: 2 })
    const toolNames = (chat.requests[0] as unknown as { tools: { function: { name: string } }[] }).tools.map((tool) => tool.function.name)
    expect(toolNames).toEqual(['overview', 'sales_report', 'trends', 'forecast', 'segments', 'recommendations', 'customer'])
  })

  it('replaces an answer with invented numbers by the facts themselves', async () => {
    mock.use(toolUsingModel('In March revenue was 9,999 USD and will double.').handler)
    const res = await ask('How were sales in March?')
    expect(res.status).toBe(200)
    expect(res.body.ai).toEqual({ status: 'unavailable', model: 'qwen2.5:3b', reason: 'invented_numbers' })
    expect(res.body.answer).toContain('Sales 2026-03-01 – 2026-03-31: revenue 42.5 USD, 2 orders, 2 customers.')
  })

  it('refuses tools outside the whitelist and bad arguments, and still grounds the answer', async () => {
    const chat = ollamaChat((body) => {
      if (body.format) return chatReply(JSON.stringify({ answer: 'Nothing to report.' }))
      if (body.messages.some((message) => message.role === 'tool')) return chatReply('done')
      return chatReply('', [
        { name: 'run_sql', arguments: { query: 'SELECT * FROM users' } },
        { name: 'sales_report', arguments: { from: 'yesterday' } },
      ])
    })
    mock.use(chat.handler)
    const res = await ask('Show me everything')
    expect(res.status).toBe(200)
    // Neither call ran, so the overview was looked up for the answer to rest on.
    expect(res.body.facts.map((fact: { tool: string }) => fact.tool)).toEqual(['overview'])
    const toolMessages = chat.requests[1]!.messages.filter((message) => message.role === 'tool').map((message) => message.content)
    expect(toolMessages[0]).toContain('unknown tool run_sql')
    expect(toolMessages[1]).toContain('invalid arguments')
  })

  it('answers 503 ai_unavailable when Ollama is down', async () => {
    mock.use(ollamaDown)
    const res = await ask('How were sales?')
    expect(res.status).toBe(503)
    expect(res.body.error.code).toBe('ai_unavailable')
  })

  it('validates the question and needs a secret key', async () => {
    expect((await server.call('POST', '/v1/assistant/ask', { key: shop.secret, body: { question: '' } })).status).toBe(400)
    expect((await server.call('POST', '/v1/assistant/ask', { key: shop.publishable, body: { question: 'Hi' } })).status).toBe(403)
  })
})

describe('the insights summary from the model', () => {
  it('uses the model’s summary when it holds only the facts’ numbers, and the template when it does not', async () => {
    mock.use(ollamaChat(() => chatReply(JSON.stringify({ summary: 'March brought 42.5 USD of revenue from 2 orders.', recommendationOrder: [] }))).handler)
    const good = await server.call('GET', '/v1/insights?asOf=2026-04-01T00:00:00Z', { key: shop.secret })
    expect(good.body.ai).toEqual({ status: 'ok', model: 'qwen2.5:3b' })
    expect(good.body.summary).toBe('March brought 42.5 USD of revenue from 2 orders.')

    mock.use(ollamaChat(() => chatReply(JSON.stringify({ summary: 'March brought 77 USD.', recommendationOrder: [] }))).handler)
    const bad = await server.call('GET', '/v1/insights?asOf=2026-04-01T00:00:00Z&lang=ru', { key: shop.secret })
    expect(bad.body.ai).toEqual({ status: 'unavailable', model: 'qwen2.5:3b', reason: 'invented_numbers' })
    expect(bad.body.summary).toMatch(/^Выручка за 2026-03/)
  })
})

describe('without a language model', () => {
  it('answers 503 ai_unavailable and says insights are template texts', async () => {
    const offline = await startTestServer({ CRM_AI: 'off' })
    try {
      const account = await offline.signup('Offline')
      const res = await offline.call('POST', '/v1/assistant/ask', { key: account.secret, body: { question: 'How were sales?' } })
      expect(res.status).toBe(503)
      expect(res.body.error.code).toBe('ai_unavailable')
      const insights = await offline.call('GET', '/v1/insights', { key: account.secret })
      expect(insights.body.ai).toEqual({ status: 'disabled' })
    } finally {
      await offline.close()
    }
  })
})
