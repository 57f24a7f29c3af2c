import { describe, expect, it } from 'vitest'
import type { TimelineEntry } from '../../../customers/response-types'
import { countByGroup, filterTimeline, groupOf, propertiesText, TIMELINE_GROUPS } from './timeline-filter'

const timeline: TimelineEntry[] = [
  { type: 'event', at: '2026-01-05T10:00:00.000Z', event: 'Viewed pricing', properties: null },
  { type: 'purchase', at: '2026-01-06T10:00:00.000Z', orderId: 'o1', amount: 10, currency: 'USD' },
  { type: 'refund', at: '2026-01-07T10:00:00.000Z', refundId: 'r1', orderId: 'o1', amount: 2.5, currency: 'USD', reason: null },
  { type: 'profile_updated', at: '2026-01-03T10:00:00.000Z', fields: ['email'] },
  { type: 'signed_up', at: '2026-01-01T10:00:00.000Z' },
  { type: 'event', at: '2026-01-06T10:00:00.000Z', event: 'Signed in', properties: null },
]

describe('the timeline’s filters', () => {
  it('put every type of entry under one filter', () => {
    expect(['purchase', 'refund', 'event', 'signed_up', 'profile_updated'].map((type) => groupOf(type as TimelineEntry['type']))).toEqual([
      'purchases',
      'refunds',
      'events',
      'profile',
      'profile',
    ])
    expect(TIMELINE_GROUPS).toEqual(['purchases', 'refunds', 'events', 'profile'])
  })

  it('keep the chosen kinds, newest first, entries of one time in the server’s order', () => {
    const all = filterTimeline(timeline, new Set(TIMELINE_GROUPS))
    expect(all.map((entry) => entry.type)).toEqual(['refund', 'purchase', 'event', 'event', 'profile_updated', 'signed_up'])
    expect(all[2]).toMatchObject({ event: 'Signed in' })
    expect(filterTimeline(timeline, new Set(['refunds', 'events'])).map((entry) => entry.at)).toEqual([
      '2026-01-07T10:00:00.000Z',
      '2026-01-06T10:00:00.000Z',
      '2026-01-05T10:00:00.000Z',
    ])
    expect(filterTimeline(timeline, new Set())).toEqual([])
  })

  it('count what each filter would show', () => {
    expect(countByGroup(timeline)).toEqual({ purchases: 1, refunds: 1, events: 2, profile: 2 })
    expect(countByGroup([])).toEqual({ purchases: 0, refunds: 0, events: 0, profile: 0 })
  })
})

describe('propertiesText', () => {
  it('writes an event’s properties on one line, strings as they are, the rest as JSON, cut at 200 characters', () => {
    expect(propertiesText({ plan: 'pro', seats: 3, tags: ['a'], nested: { on: true } })).toBe('plan: pro; seats: 3; tags: ["a"]; nested: {"on":true}')
    expect(propertiesText(null)).toBe('')
    expect(propertiesText({})).toBe('')
    const long = propertiesText({ note: 'x'.repeat(500) })
    expect(long).toHaveLength(200)
    expect(long.endsWith('…')).toBe(true)
  })
})
