import type { QueuedEvent } from '../queue/event-queue'
import type { EventKind, InputByKind, UserInput } from './types'
import { utf8Length } from './utf8-length'
import { toTimedEvent, toUserEvent } from './wire-event'

/**
 * A validated input as the queue holds it: its wire JSON and that JSON's exact UTF-8 size.
 *
 * @example serializeEvent('user', { userId: 'u1' }, 'm1', Date.now()) // { id: 'm1', body: '{"type":"user",…}', bytes: 46 }
 */
export function serializeEvent(kind: EventKind, input: InputByKind[EventKind], id: string, now: number): QueuedEvent {
  const body = JSON.stringify(kind === 'user' ? toUserEvent(input as UserInput, id) : toTimedEvent(kind, input as InputByKind[typeof kind], id, now))
  return { id, body, bytes: utf8Length(body) }
}
