import { describe, expect, it } from 'vitest'
import { eventRow } from './event-rows'
import { mapHeader } from './header'
import type { ImportOptions } from './import-types'
import { contentMessageIds } from './message-id'

const options: ImportOptions = { kind: 'detect', dateOrder: 'detect', decimalMark: 'detect', currency: 'USD' }

describe('eventRow', () => {
  it('makes an event with its other columns as properties and a messageId from its content', () => {
    const header = mapHeader(['User ID', 'Event Name', 'Date', 'page', 'plan'])
    const row = { line: 2, cells: ['u1', 'Viewed pricing', '2025-01-06', '/pricing', ''] }
    const made = eventRow(header, row, options, contentMessageIds())
    expect(made).toEqual({
      line: 2,
      rows: 1,
      event: {
        type: 'event',
        userId: 'u1',
        event: 'Viewed pricing',
        timestamp: '2025-01-06T00:00:00',
        properties: { page: '/pricing' },
        messageId: expect.stringMatching(/^csv-[0-9a-z]+-1$/),
      },
    })
    // The same file imported again gives the same messageId, so the server answers "duplicate".
    expect(eventRow(header, row, options, contentMessageIds())).toEqual(made)
  })

  it('keeps the file’s own messageId', () => {
    const made = eventRow(mapHeader(['userId', 'event', 'messageId']), { line: 2, cells: ['u1', 'Signed in', 'm-1'] }, options, contentMessageIds())
    expect(made).toMatchObject({ event: { messageId: 'm-1' } })
  })

  it('refuses a date that is not one, naming the row', () => {
    expect(eventRow(mapHeader(['userId', 'event', 'timestamp']), { line: 9, cells: ['u1', 'x', 'soon'] }, options, contentMessageIds())).toEqual({
      line: 9,
      code: 'notADate',
      column: 'timestamp',
      value: 'soon',
    })
  })
})
