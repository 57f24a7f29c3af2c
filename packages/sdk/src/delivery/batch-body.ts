import type { QueuedEvent } from '../queue/event-queue'

/**
 * The JSON body of `POST /v1/batch`, joined from the events' stored JSON without re-serializing them.
 * `key` carries a publishable key in the body for `navigator.sendBeacon`, which cannot set headers.
 *
 * @example batchBody([{ id, body: '{"type":"user","userId":"u1"}', bytes: 29 }])
 */
export function batchBody(events: readonly QueuedEvent[], key?: string): string {
  const keyField = key ? `,"key":${JSON.stringify(key)}` : ''
  return `{"batch":[${events.map((event) => event.body).join(',')}],"sentAt":"${new Date().toISOString()}"${keyField}}`
}
