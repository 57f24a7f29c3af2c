import { describe, expect, it } from 'vitest'
import { mapHeader } from './header'
import type { ImportOptions } from './import-types'
import { userRow } from './user-rows'

const options: ImportOptions = { kind: 'detect', dateOrder: 'detect', decimalMark: 'detect', currency: 'USD' }

describe('userRow', () => {
  it('maps known columns case-insensitively, other columns to traits, and leaves empty cells out', () => {
    const header = mapHeader(['UserID', 'Name', 'email', 'plan'])
    expect(userRow(header, { line: 2, cells: ['u1', 'Ada', '', 'pro'] }, options)).toEqual({
      line: 2,
      rows: 1,
      event: { type: 'user', userId: 'u1', name: 'Ada', traits: { plan: 'pro' } },
    })
    expect(userRow(header, { line: 3, cells: ['', 'No id', 'x@example.com', ''] }, options)).toEqual({
      line: 3,
      rows: 1,
      event: { type: 'user', name: 'No id', email: 'x@example.com' },
    })
  })

  it('reads the sign-up date from createdAt, else from a date column, and refuses one that reads two ways', () => {
    expect(userRow(mapHeader(['userId', 'Registration date']), { line: 2, cells: ['u1', '10.12.2011'] }, options)).toMatchObject({
      event: { createdAt: '2011-12-10T00:00:00' },
    })
    expect(userRow(mapHeader(['userId', 'Date']), { line: 2, cells: ['u1', '2011-12-10 08:26'] }, options)).toMatchObject({
      event: { createdAt: '2011-12-10T08:26:00' },
    })
    expect(userRow(mapHeader(['userId', 'Date']), { line: 4, cells: ['u1', '01/02/2011'] }, options)).toEqual({
      line: 4,
      code: 'ambiguousDate',
      column: 'Date',
      value: '01/02/2011',
    })
  })
})
