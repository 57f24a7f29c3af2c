import { describe, expect, it } from 'vitest'
import { contentMessageIds } from './message-id'

describe('contentMessageIds', () => {
  it('gives the same content the same id in every import, and numbers repeats within one', () => {
    const first = contentMessageIds()
    const a = first({ userId: 'u1', event: 'Opened support ticket', timestamp: '2025-01-05T10:00:00' })
    const b = first({ userId: 'u1', event: 'Opened support ticket', timestamp: '2025-01-05T10:00:00' })
    const c = first({ userId: 'u2', event: 'Opened support ticket', timestamp: '2025-01-05T10:00:00' })
    expect(a).toMatch(/^csv-[0-9a-z]+-1$/)
    expect(b).toBe(a.replace(/-1$/, '-2'))
    expect(c).not.toBe(a)
    const again = contentMessageIds()
    expect(again({ userId: 'u1', event: 'Opened support ticket', timestamp: '2025-01-05T10:00:00' })).toBe(a)
  })

  it('keeps ids short enough for the server', () => {
    const nextId = contentMessageIds()
    expect(nextId({ properties: { note: 'x'.repeat(10_000) } }).length).toBeLessThan(40)
  })

  it('does not collide on many near-identical events', () => {
    const nextId = contentMessageIds()
    const ids = new Set(Array.from({ length: 50_000 }, (_, index) => nextId({ userId: `u${index}`, event: 'Viewed pricing' })))
    expect(ids.size).toBe(50_000)
  })
})
