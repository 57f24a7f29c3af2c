import { describe, expect, it } from 'vitest'
import { isEventDateTime } from '../../../schemas/common'
import { readDateTime, type DateOrder } from './date-time'

function read(cell: string, order: DateOrder = 'detect'): string {
  const reading = readDateTime(cell, order)
  return reading.ok ? reading.value : reading.problem
}

describe('readDateTime', () => {
  it('reads a date alone as the start of that day, without an offset (the app’s time zone)', () => {
    expect(read('2011-12-10')).toBe('2011-12-10T00:00:00')
    expect(read('2011/12/10')).toBe('2011-12-10T00:00:00')
    expect(read('2011-1-5')).toBe('2011-01-05T00:00:00')
  })

  it('reads ISO and spreadsheet date-times, keeping an offset when there is one', () => {
    expect(read('2010-12-01 08:26')).toBe('2010-12-01T08:26:00')
    expect(read('2010-12-01 8:26:07')).toBe('2010-12-01T08:26:07')
    expect(read('2010-12-01T08:26:07.250Z')).toBe('2010-12-01T08:26:07.250Z')
    expect(read('2010-12-01T08:26z')).toBe('2010-12-01T08:26:00Z')
    expect(read('2010-12-01T08:26:00+0300')).toBe('2010-12-01T08:26:00+03:00')
    expect(read('2010-12-01 08:26:00 -05:00')).toBe('2010-12-01T08:26:00-05:00')
  })

  it('reads dotted dates day first, as Russian and German spreadsheets write them', () => {
    expect(read('10.12.2011')).toBe('2011-12-10T00:00:00')
    expect(read('1.2.2011 9:05')).toBe('2011-02-01T09:05:00')
    expect(read('01.02.2011, 14:30:15')).toBe('2011-02-01T14:30:15')
    expect(read('01.02.2011', 'mdy')).toBe('2011-02-01T00:00:00')
  })

  it('reads slashed dates by the part above 12, or by the chosen order, and refuses them when they read two ways', () => {
    expect(read('12/13/2010 8:26')).toBe('2010-12-13T08:26:00')
    expect(read('13/12/2010')).toBe('2010-12-13T00:00:00')
    expect(read('13-12-2010')).toBe('2010-12-13T00:00:00')
    expect(read('05/05/2011')).toBe('2011-05-05T00:00:00')
    expect(read('01/02/2011')).toBe('ambiguousDate')
    expect(read('12/1/2010 8:26')).toBe('ambiguousDate')
    expect(read('01/02/2011', 'dmy')).toBe('2011-02-01T00:00:00')
    expect(read('01/02/2011', 'mdy')).toBe('2011-01-02T00:00:00')
    expect(read('12/1/2010 8:26 PM', 'mdy')).toBe('2010-12-01T20:26:00')
    expect(read('12/1/2010 12:05 am', 'mdy')).toBe('2010-12-01T00:05:00')
    expect(read('13/12/2010', 'mdy')).toBe('2010-12-13T00:00:00')
  })

  it('refuses two-digit years and what is not a date', () => {
    expect(read('12/1/10')).toBe('twoDigitYear')
    expect(read('10.12.11')).toBe('twoDigitYear')
    for (const cell of ['', 'yesterday', '2011-02-30', '2011-13-01', '31.04.2011', '2011-12-10 24:00', '2011-12-10 13:00 PM', '40513.35', '2011-12-10T10:00+25:00', '2011-12']) {
      expect(read(cell), cell).toBe('notADate')
    }
  })

  it('writes only what the server’s timestamp accepts', () => {
    for (const cell of ['2011-12-10', '10.12.2011 8:26', '2010-12-01T08:26z', '2010-12-01T08:26:07.250+0300', '12/1/2010 8:26 PM']) {
      const reading = readDateTime(cell, 'mdy')
      expect(reading.ok && isEventDateTime(reading.value), cell).toBe(true)
    }
  })
})
