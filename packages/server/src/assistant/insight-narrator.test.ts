import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { chatReply, OLLAMA, ollamaChat, ollamaDown, ollamaSlow } from '../../test/fixtures/ollama-mock'
import { InsightNarrator } from './insight-narrator'
import { LanguageModel } from './language-model'

const mock = setupServer()
beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }))
afterEach(() => mock.resetHandlers())
afterAll(() => mock.close())

const facts = { headline: { period: '2026-09', revenue: 1234.5, revenueChange: 0.125 }, trends: [{ id: 'revenue-month', description: 'Revenue is rising by $40.5 a month' }] }
const ids = ['win-back', 'cross-sell-a-b']
const narrator = (timeoutMs = 2000) => new InsightNarrator(new LanguageModel({ enabled: true, host: OLLAMA, model: 'qwen2.5:3b', timeoutMs }))

describe('InsightNarrator against Ollama’s HTTP API', () => {
  it('uses a valid, grounded answer, asking for JSON by schema at temperature 0 with a token cap, once per facts', async () => {
    const chat = ollamaChat(() =>
      chatReply(JSON.stringify({ summary: 'Revenue reached $1,234.50 in 2026-09, up 12.5%, rising by $40.5 a month.', recommendationOrder: ['cross-sell-a-b', 'nope', 'win-back'] })),
    )
    mock.use(chat.handler)
    const subject = narrator()
    const narration = await subject.narrate(facts, ids, 'en')
    expect(narration).toEqual({
      summary: 'Revenue reached $1,234.50 in 2026-09, up 12.5%, rising by $40.5 a month.',
      order: ['cross-sell-a-b', 'win-back'],
      ai: { status: 'ok', model: 'qwen2.5:3b' },
    })
    const request = chat.requests[0] as unknown as { format: { type: string; required: string[] }; options: { temperature: number; num_predict: number }; stream: boolean }
    expect(request.format.type).toBe('object')
    expect(request.format.required).toEqual(['summary', 'recommendationOrder'])
    expect(request.options).toMatchObject({ temperature: 0, num_predict: 400 })
    expect(request.stream).toBe(false)
    await subject.narrate(facts, ids, 'en')
    expect(chat.requests).toHaveLength(1)
    await subject.narrate(facts, ids, 'ru')
    expect(chat.requests).toHaveLength(2)
    expect(chat.requests[1]!.messages[0]!.content).toContain('Russian')
  })

  it.each([
    ['invalid JSON', 'The revenue grew.', 'invalid_json'],
    ['a wrong schema', JSON.stringify({ text: 'Revenue grew' }), 'wrong_schema'],
    ['invented numbers', JSON.stringify({ summary: 'Revenue will reach $5,000 next month, up 40%.', recommendationOrder: [] }), 'invented_numbers'],
  ])('rejects %s and says why', async (_case, content, reason) => {
    mock.use(ollamaChat(() => chatReply(content)).handler)
    expect(await narrator().narrate(facts, ids, 'en')).toEqual({ summary: null, order: null, ai: { status: 'unavailable', model: 'qwen2.5:3b', reason } })
  })

  it('gives up on a slow model after its time-out', async () => {
    mock.use(ollamaSlow(2000))
    const started = performance.now()
    const narration = await narrator(150).narrate(facts, ids, 'en')
    expect(narration.ai).toEqual({ status: 'unavailable', model: 'qwen2.5:3b', reason: 'timeout' })
    expect(performance.now() - started).toBeLessThan(1500)
  })

  it('reports Ollama down as unreachable, and a missing model as such', async () => {
    mock.use(ollamaDown)
    expect((await narrator().narrate(facts, ids, 'en')).ai.reason).toBe('unreachable')
    mock.use(ollamaChat(() => Response.json({ error: 'model "qwen2.5:3b" not found, try pulling it first' }, { status: 404 })).handler)
    expect((await narrator().narrate(facts, ['x'], 'en')).ai.reason).toBe('model_missing')
  })

  it('answers a request in time with "pending" while a slow model keeps writing, then serves its text from the cache', async () => {
    const chat = ollamaChat(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300))
      return chatReply(JSON.stringify({ summary: 'Revenue reached $1,234.50 in 2026-09.', recommendationOrder: [] }))
    })
    mock.use(chat.handler)
    const subject = narrator()
    const first = await subject.narrateWithin(facts, ids, 'en', 30)
    expect(first).toEqual({ summary: null, order: null, ai: { status: 'unavailable', model: 'qwen2.5:3b', reason: 'pending' } })
    await new Promise((resolve) => setTimeout(resolve, 500))
    const later = await subject.narrateWithin(facts, ids, 'en', 30)
    expect(later.summary).toBe('Revenue reached $1,234.50 in 2026-09.')
    expect(later.ai.status).toBe('ok')
    expect(chat.requests).toHaveLength(1)
  })

  it('does not call the model when it is disabled', async () => {
    const disabled = new InsightNarrator(new LanguageModel({ enabled: false, host: OLLAMA, model: 'qwen2.5:3b' }))
    expect(await disabled.narrate(facts, ids, 'en')).toEqual({ summary: null, order: null, ai: { status: 'disabled' } })
  })
})
