import { describe, expect, it } from 'vitest'
import { normalizeCustomEvent } from './normalize-custom-event'
import { normalizeBatchEvent } from './normalize-event'

const now = Date.parse('2026-03-01T12:00:00Z')
const paths = (body: unknown) => {
  const result = normalizeCustomEvent(body, now)
  return result.ok ? [] : [...new Set(result.issues.map((issue) => issue.path))]
}
const nested = (depth: number): Record<string, unknown> => {
  let value: Record<string, unknown> = {}
  for (let level = 1; level < depth; level++) value = { a: value }
  return value
}

describe('normalizeCustomEvent', () => {
  it('keeps the name, the properties as JSON text, the messageId, and the time (now by default)', () => {
    expect(normalizeCustomEvent({ userId: 'u1', event: 'Viewed pricing' }, now)).toEqual({
      ok: true,
      event: { type: 'event', userId: 'u1', name: 'Viewed pricing', timestamp: now },
    })
    const given = normalizeCustomEvent(
      { userId: 'u1', event: 'Opened support ticket', properties: { ticket: 12, tags: ['billing'] }, timestamp: '2026-02-01T10:00:00Z', messageId: 'm1' },
      now,
    )
    expect(given).toEqual({
      ok: true,
      event: {
        type: 'event',
        userId: 'u1',
        name: 'Opened support ticket',
        properties: '{"ticket":12,"tags":["billing"]}',
        timestamp: Date.parse('2026-02-01T10:00:00Z'),
        messageId: 'm1',
      },
    })
  })

  it('takes a name of 1 to 200 characters, and properties 32 levels deep but not 33', () => {
    expect(paths({ userId: 'u1', event: 'e'.repeat(200) })).toEqual([])
    expect(paths({ userId: 'u1', event: 'e'.repeat(201) })).toEqual(['event'])
    expect(paths({ userId: 'u1', event: '' })).toEqual(['event'])
    expect(paths({ userId: 'u1', event: 'Line\nbreak' })).toEqual(['event'])
    expect(paths({ userId: 'u1', event: 'Deep', properties: nested(32) })).toEqual([])
    expect(paths({ userId: 'u1', event: 'Deep', properties: nested(33) })).toEqual(['properties'])
  })

  it('refuses what traits refuse, a missing userId, a time 26 h ahead and unknown fields', () => {
    expect(paths({ userId: 'u1', event: 'x', properties: JSON.parse('{"__proto__": {"admin": true}}') })).toEqual(['properties'])
    expect(paths({ userId: 'u1', event: 'x', properties: ['a'] })).toEqual(['properties'])
    expect(paths({ event: 'x' })).toEqual(['userId'])
    expect(paths({ userId: 'u1', event: 'x', timestamp: new Date(now + 26 * 3600_000).toISOString() })).toEqual(['timestamp'])
    expect(paths({ userId: 'u1', event: 'x', name: 'typo' })).toEqual([''])
  })

  it('is read in a batch by its type, issues named from the event’s place', () => {
    expect(normalizeBatchEvent({ type: 'event', userId: 'u1', event: 'x' }, 0, now, 'UTC')).toMatchObject({ ok: true, event: { type: 'event', name: 'x' } })
    expect(normalizeBatchEvent({ type: 'event', userId: 'u1', event: 'e'.repeat(201) }, 7, now, 'UTC')).toMatchObject({
      ok: false,
      issues: [{ path: 'batch.7.event' }],
    })
  })
})
