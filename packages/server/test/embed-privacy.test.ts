import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syntheticShop } from '../scripts/synthetic-shop'
import { loadEvents } from './fixtures/load-events'
import { chatReply, OLLAMA, ollamaChat, ollamaTags } from './fixtures/ollama-mock'
import { type Account, startTestServer, type TestServer } from './harness'

// An embed token sits in a public web page: whatever it reads must hold no customer's name, email, phone or userId.
// The shop's customers carry distinctive ids, names, emails and phones, so any of them in a response is a leak.

const ASOF = '2026-10-01T00:00:00Z'
const MARKERS = ['pii-uid-', 'Quaxley', '@pii-mail.example', '+1-555-0199-']

const mock = setupServer(ollamaTags(['qwen2.5:3b']))
let server: TestServer
let shop: Account
let embedToken: string

beforeAll(async () => {
  mock.listen({ onUnhandledRequest: 'bypass' })
  server = await startTestServer({ CRM_AI: 'on', OLLAMA_HOST: OLLAMA })
  shop = await server.signup('Privacy')
  await loadEvents(server, shop.secret, personalShop())
  embedToken = (await server.call('POST', '/v1/embed-tokens', { key: shop.secret })).body.token
}, 120_000)
afterAll(async () => {
  await server.close()
  mock.close()
})

/** The synthetic coffee shop, its customers given ids, names, emails and phones that nothing else contains. */
function personalShop(): unknown[] {
  const personal = (userId: string) => userId.replace('cust-', 'pii-uid-')
  return syntheticShop({ customers: 300, start: new Date('2024-10-01T00:00:00Z'), days: 730 }).map((event) => {
    if (event.type !== 'user') return { ...event, userId: personal(event.userId) }
    const n = event.userId.slice('cust-'.length)
    return { ...event, userId: personal(event.userId), name: `Zora Quaxley ${n}`, email: `zora.${n}@pii-mail.example`, phone: `+1-555-0199-${n}` }
  })
}

function leaksIn(body: unknown): string[] {
  const text = JSON.stringify(body)
  return MARKERS.filter((marker) => text.includes(marker))
}

/** A model that looks everything up, a single customer too, then answers without a figure. */
function curiousModel() {
  return ollamaChat((body) => {
    if (body.format) return chatReply(JSON.stringify({ answer: 'Here is what the shop’s data says.' }))
    if (body.messages.some((message) => message.role === 'tool')) return chatReply('I have what I need.')
    return chatReply('', [
      { name: 'overview', arguments: {} },
      { name: 'sales_report', arguments: { from: '2026-01-01', to: '2026-09-30', interval: 'month' } },
      { name: 'trends', arguments: {} },
      { name: 'forecast', arguments: {} },
      { name: 'segments', arguments: {} },
      { name: 'recommendations', arguments: {} },
      { name: 'customer', arguments: { userId: 'pii-uid-00001' } },
    ])
  })
}

/** Every read of an embed token, with queries that bring top customers and audiences out. */
const READS = [
  `/v1/reports/sales?interval=month&asOf=${ASOF}`,
  `/v1/reports/sales?interval=day&from=2026-09-01&to=2026-09-30&asOf=${ASOF}`,
  '/v1/reports/sales',
  `/v1/reports/events?interval=month&asOf=${ASOF}&top=100`,
  `/v1/insights?asOf=${ASOF}`,
  `/v1/insights?asOf=${ASOF}&lang=ru`,
  '/v1/insights',
  `/v1/insights/trends?asOf=${ASOF}`,
  `/v1/insights/forecast?asOf=${ASOF}`,
  `/v1/insights/forecast?asOf=${ASOF}&interval=month`,
  `/v1/insights/recommendations?asOf=${ASOF}`,
]

describe('what an embed token reads holds no personal data', { timeout: 120_000 }, () => {
  it('the same reads with a secret key do name customers: top customers and audiences', async () => {
    const report = await server.call('GET', READS[0]!, { key: shop.secret })
    expect(report.body.topCustomers[0].userId).toMatch(/^pii-uid-/)
    expect(report.body.topCustomers[0].name).toMatch(/Quaxley/)
    const recommendations = await server.call('GET', `/v1/insights/recommendations?asOf=${ASOF}`, { key: shop.secret })
    const audiences = recommendations.body.data.filter((recommendation: { audience?: unknown }) => recommendation.audience)
    expect(audiences.length).toBeGreaterThan(0)
    expect(leaksIn(audiences)).toEqual(['pii-uid-'])
  })

  it('reports and insights: top customers anonymous by rank, audiences counts only', async () => {
    for (const path of READS) {
      const res = await server.call('GET', path, { key: embedToken })
      expect(res.status, path).toBe(200)
      expect(leaksIn(res.body), path).toEqual([])
    }
    const report = (await server.call('GET', READS[0]!, { key: embedToken })).body
    expect(report.topCustomers.length).toBeGreaterThan(0)
    report.topCustomers.forEach((customer: object, index: number) => {
      expect(Object.keys(customer).sort()).toEqual(['orders', 'rank', 'revenue'])
      expect(customer).toMatchObject({ rank: index + 1 })
    })
    const { data } = (await server.call('GET', `/v1/insights/recommendations?asOf=${ASOF}`, { key: embedToken })).body
    const audiences = data.flatMap((recommendation: { audience?: object }) => (recommendation.audience ? [recommendation.audience] : []))
    expect(audiences.length).toBeGreaterThan(0)
    for (const audience of audiences) expect(Object.keys(audience)).toEqual(['count'])
  })

  it('the assistant: the model is shown no customer, and neither the answer nor its facts name one', async () => {
    const chat = curiousModel()
    mock.use(chat.handler)
    const res = await server.call('POST', '/v1/assistant/ask', { key: embedToken, body: { question: 'Who are my best customers?', asOf: ASOF } })
    expect(res.status).toBe(200)
    expect(leaksIn(res.body)).toEqual([])
    expect(res.body.facts.map((fact: { tool: string }) => fact.tool)).toEqual(['overview', 'sales_report', 'trends', 'forecast', 'segments', 'recommendations'])
    const offered = chat.requests.flatMap((request) => (request.tools ?? []) as { function: { name: string } }[]).map((tool) => tool.function.name)
    expect(offered).not.toContain('customer')
    // What the server told the model (the tools' results; the model's own calls name the id it made up).
    const results = chat.requests.flatMap((request) => request.messages.filter((message) => message.role === 'tool'))
    expect(results.length).toBeGreaterThanOrEqual(7)
    expect(leaksIn(results)).toEqual([])
    expect(results.some((message) => message.content.includes('unknown tool customer'))).toBe(true)

    // The same question with the secret key: the model does see customers, so the check above has teeth.
    const full = curiousModel()
    mock.use(full.handler)
    const answered = await server.call('POST', '/v1/assistant/ask', { key: shop.secret, body: { question: 'Who are my best customers?', asOf: ASOF } })
    expect(answered.status).toBe(200)
    const fullResults = full.requests.flatMap((request) => request.messages.filter((message) => message.role === 'tool'))
    expect(leaksIn(fullResults)).toEqual(expect.arrayContaining(['pii-uid-', 'Quaxley']))
  })

  it('every GET of /openapi.json: the token reads reports and insights only, and nothing personal', async () => {
    const document = (await server.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> }
    const readable: string[] = []
    for (const [path, methods] of Object.entries(document.paths)) {
      if (!('get' in methods)) continue
      const res = await server.call('GET', path.replace(/\{\w+\}/g, 'pii-uid-00001'), { key: embedToken })
      if (res.status >= 300) continue
      readable.push(path)
      expect(leaksIn(res.body), path).toEqual([])
    }
    expect(readable.filter((path) => path.startsWith('/v1/')).sort()).toEqual(
      ['/v1/insights', '/v1/insights/forecast', '/v1/insights/recommendations', '/v1/insights/trends', '/v1/reports/events', '/v1/reports/sales'].sort(),
    )
  })
})
