import { http, HttpResponse, type DefaultBodyType, type StrictResponse } from 'msw'
import { setupServer } from 'msw/node'

export const HOST = 'http://crm.test'
export const API_KEY = 'crm_pk_test_0123456789'

export interface WireEvent {
  type: 'user' | 'purchase' | 'refund' | 'event'
  messageId: string
  [field: string]: unknown
}

interface BatchRequestBody {
  batch: WireEvent[]
  key?: string
  sentAt?: string
}

/** What the handler sees of one request: its parsed body and the running request number (from 1). */
export interface IncomingBatch {
  number: number
  events: WireEvent[]
  authorization: string | null
  contentType: string | null
  body: BatchRequestBody
}

/**
 * A reply the scenario chooses: `store` runs the real contract behaviour (dedup by messageId, a `rejected` list),
 * optionally rejecting some indexes; the rest model failures.
 */
export type Reply =
  | { kind: 'store'; reject?: (event: WireEvent, index: number) => { code: string; message: string } | undefined }
  | { kind: 'status'; status: number; headers?: Record<string, string>; storeFirst?: boolean }
  | { kind: 'network_error'; storeFirst?: boolean }
  | { kind: 'hang' }

/**
 * An in-memory stand-in for `POST /v1/batch` as the contract describes it, served through msw:
 * events are stored once per messageId, and every delivery (first or duplicate) is recorded.
 */
export function createMockCrm(decide: (incoming: IncomingBatch) => Reply = () => ({ kind: 'store' })) {
  const stored = new Map<string, WireEvent>()
  const deliveries: string[] = []
  const requests: IncomingBatch[] = []
  let number = 0

  const store = (events: WireEvent[], reject?: Extract<Reply, { kind: 'store' }>['reject']) => {
    let accepted = 0
    let duplicates = 0
    const rejected: { index: number; code: string; message: string }[] = []
    events.forEach((event, index) => {
      const refusal = reject?.(event, index)
      if (refusal) return void rejected.push({ index, ...refusal })
      deliveries.push(event.messageId)
      if (stored.has(event.messageId)) duplicates++
      else {
        stored.set(event.messageId, event)
        accepted++
      }
    })
    return { accepted, duplicates, rejected }
  }

  const server = setupServer(
    http.post(`${HOST}/v1/batch`, async ({ request }): Promise<StrictResponse<DefaultBodyType>> => {
      const text = await request.text()
      const body = JSON.parse(text) as BatchRequestBody
      const incoming: IncomingBatch = {
        number: ++number,
        events: body.batch,
        authorization: request.headers.get('authorization'),
        contentType: request.headers.get('content-type'),
        body,
      }
      requests.push(incoming)
      if (new TextEncoder().encode(text).length > 1024 * 1024 || body.batch.length > 1000)
        return HttpResponse.json({ error: { code: 'payload_too_large', message: 'over 1 MiB' } }, { status: 413 })
      const reply = decide(incoming)
      switch (reply.kind) {
        case 'store':
          return HttpResponse.json(store(body.batch, reply.reject))
        case 'status':
          if (reply.storeFirst) store(body.batch)
          return HttpResponse.json({ error: { code: 'failure', message: `status ${reply.status}` } }, { status: reply.status, headers: reply.headers })
        case 'network_error':
          if (reply.storeFirst) store(body.batch)
          return HttpResponse.error()
        case 'hang':
          return new Promise(() => {})
      }
    }),
  )
  const reset = () => {
    stored.clear()
    deliveries.length = 0
    requests.length = 0
    number = 0
  }
  return { server, stored, deliveries, requests, reset }
}
