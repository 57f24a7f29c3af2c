import { expect, test, vi } from 'vitest'
import type { QueuedEvent } from '../queue/event-queue'
import { deliverBatch, type DeliveryHooks } from './deliver-batch'
import type { PostOutcome } from './post-batch'

const policy = { maxAttempts: 5, maxRetryTime: 60_000, retryDelay: 100, maxRetryDelay: 1000 }
const events = (count: number): QueuedEvent[] => Array.from({ length: count }, (_, index) => ({ id: `e${index}`, body: '{}', bytes: 2 }))

function recordingHooks(answers: ((part: QueuedEvent[]) => PostOutcome)[]) {
  const log = { posted: [] as string[][], sent: [] as string[], undelivered: [] as [string[], string, string][], delays: [] as number[] }
  let call = 0
  const hooks: DeliveryHooks = {
    post: async (part) => {
      log.posted.push(part.map((event) => event.id))
      return answers[Math.min(call++, answers.length - 1)]!(part)
    },
    sleep: async (ms) => void log.delays.push(ms),
    onSent: (part) => log.sent.push(...part.map((event) => event.id)),
    onUndelivered: (part, reason, code) => log.undelivered.push([part.map((event) => event.id), reason, code]),
    onRetry: vi.fn(),
  }
  return { hooks, log }
}

const ok = (rejected: PostOutcome['rejected'] = []): PostOutcome => ({ status: 200, rejected, code: 'http_200', message: 'HTTP 200' })
const status = (code: number, retryAfter?: number): PostOutcome => ({ status: code, code: `http_${code}`, message: `HTTP ${code}`, retryAfter })

test('a 413 splits the batch in halves, recursively, keeping order', async () => {
  const { hooks, log } = recordingHooks([(part) => (part.length > 2 ? status(413) : ok())])
  await deliverBatch(events(5), policy, hooks)
  expect(log.posted).toEqual([['e0', 'e1', 'e2', 'e3', 'e4'], ['e0', 'e1', 'e2'], ['e0', 'e1'], ['e2'], ['e3', 'e4']])
  expect(log.sent).toEqual(['e0', 'e1', 'e2', 'e3', 'e4'])
})

test('Retry-After wins over the backoff; the attempt limit ends it', async () => {
  const { hooks, log } = recordingHooks([() => status(429, 4000), () => status(503)])
  await deliverBatch(events(2), policy, hooks)
  expect(log.posted).toHaveLength(5)
  expect(log.delays[0]).toBe(4000)
  expect(log.delays.slice(1).every((delay) => delay < 1000)).toBe(true)
  expect(log.undelivered).toEqual([[['e0', 'e1'], 'retries_exhausted', 'delivery_failed']])
})

test('a 2xx without a batch answer is retried, a 400 is final', async () => {
  const { hooks, log } = recordingHooks([() => ({ status: 200, code: 'http_200', message: 'HTTP 200' }), () => status(400)])
  await deliverBatch(events(1), policy, hooks)
  expect(log.posted).toHaveLength(2)
  expect(log.undelivered).toEqual([[['e0'], 'rejected', 'http_400']])
})
