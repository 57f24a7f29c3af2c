import type { QueuedEvent } from '../queue/event-queue'
import { fullJitterDelay, type BackoffPolicy } from './backoff'
import type { PostOutcome } from './post-batch'

/** Per-event rejection codes that may succeed later; every other code is final. */
const RETRYABLE_CODES = new Set(['rate_limited', 'internal_error', 'unavailable', 'timeout'])

/** The retry budget of one batch, shared by the halves it may be split into. */
export interface RetryPolicy extends BackoffPolicy {
  maxAttempts: number
  maxRetryTime: number
}

/** Why events leave the retry loop undelivered: refused for good by the server, or out of attempts or time. */
export type UndeliveredReason = 'rejected' | 'retries_exhausted'

/** What the retry loop needs from its owner. */
export interface DeliveryHooks {
  post(events: QueuedEvent[]): Promise<PostOutcome>
  sleep(ms: number): Promise<void>
  onSent(events: QueuedEvent[]): void
  onUndelivered(events: QueuedEvent[], reason: UndeliveredReason, code: string, message: string): void
  onRetry(attempt: number, delay: number, reason: string): void
}

/**
 * Delivers one batch under one policy: backoff with full jitter or `Retry-After`, an attempt limit and a time budget.
 * Network errors, timeouts, 408, 429, 5xx and a 2xx without a batch answer are retried; other 4xx are final.
 * A `413` splits the batch in halves; from a partial success only the events rejected for a retryable reason go again,
 * with the same ids, so the server's dedup keeps delivery exactly-once. Every event ends in exactly one hook.
 *
 * @example await deliverBatch(events, { maxAttempts: 10, maxRetryTime: 60_000, retryDelay: 500, maxRetryDelay: 30_000 }, hooks)
 */
export async function deliverBatch(events: QueuedEvent[], policy: RetryPolicy, hooks: DeliveryHooks): Promise<void> {
  const startedAt = Date.now()
  let attempts = 0
  const parts = [events]
  for (let part = parts.shift(); part; part = parts.shift()) {
    const { status, rejected, code, message, retryAfter } = await hooks.post(part)
    let again = part
    let reason = message
    if (status === 413) {
      const half = Math.ceil(part.length / 2)
      if (part.length > 1) parts.unshift(part.slice(0, half), part.slice(half))
      else hooks.onUndelivered(part, 'rejected', code, message)
      continue
    }
    if (rejected && status < 300) {
      const sent: QueuedEvent[] = []
      again = []
      part.forEach((event, index) => {
        // Rejections are few (usually none), so a search per event beats building an index.
        const rejection = rejected.find((item) => item.index === index)
        if (!rejection) sent.push(event)
        else if (RETRYABLE_CODES.has(rejection.code)) {
          again.push(event)
          reason = `${rejection.code}: ${rejection.message}`
        } else hooks.onUndelivered([event], 'rejected', rejection.code, rejection.message)
      })
      hooks.onSent(sent)
      if (!again.length) continue
    } else if (status >= 300 && status < 500 && status !== 408 && status !== 429) {
      hooks.onUndelivered(part, 'rejected', code, message)
      continue
    }
    attempts++
    const delay = retryAfter ?? fullJitterDelay(attempts, policy)
    if (attempts >= policy.maxAttempts || Date.now() - startedAt + delay > policy.maxRetryTime) {
      hooks.onUndelivered(again, 'retries_exhausted', 'delivery_failed', `gave up after ${attempts} attempts: ${reason}`)
      continue
    }
    hooks.onRetry(attempts, delay, reason)
    await hooks.sleep(delay)
    parts.unshift(again)
  }
}
