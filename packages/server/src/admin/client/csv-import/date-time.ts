/**
 * Which number comes first in a date such as `01/02/2011`: `detect` reads each cell alone and refuses one that reads
 * two ways; a choice made in the import form settles those.
 */
export type DateOrder = 'detect' | 'dmy' | 'mdy'

/** Why a cell is not a date: it reads two ways, its year has two digits, or it is not a date at all. */
export type DateProblem = 'ambiguousDate' | 'twoDigitYear' | 'notADate'

export type DateReading = { ok: true; value: string } | { ok: false; problem: DateProblem }

const TIME = String.raw`(?:,?\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(z|[+-]\d{2}:?\d{2})?`
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:${TIME})?$`, 'i')
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?:${TIME})?$`, 'i')

/**
 * Reads a date or a date-time as exports write it and returns what the server's `timestamp` takes: ISO 8601 with
 * seconds, without an offset unless the cell has one (the server then reads it in the app's time zone). A date alone
 * is the start of that day. Accepted: `2011-12-10`, `2011/12/10`, `2011-12-10 08:26[:00]`, ISO with `T` and an offset,
 * `10.12.2011` (dots are always day first), `12/10/2011` and `12-10-2011` (day or month first: decided by the cell
 * when one part is above 12, otherwise by `order`), times as `8:26`, `08:26:00`, `8:26 PM`. Two-digit years are
 * refused.
 *
 * @example
 * readDateTime('2011-12-10', 'detect')        // { ok: true, value: '2011-12-10T00:00:00' }
 * readDateTime('10.12.2011 8:26', 'detect')   // { ok: true, value: '2011-12-10T08:26:00' }
 * readDateTime('01/02/2011', 'detect')        // { ok: false, problem: 'ambiguousDate' }
 * readDateTime('01/02/2011', 'mdy')           // { ok: true, value: '2011-01-02T00:00:00' }
 */
export function readDateTime(cell: string, order: DateOrder): DateReading {
  const text = cell.trim()
  const yearFirst = YEAR_FIRST.exec(text)
  if (yearFirst) {
    const [, year, , month, day, ...time] = yearFirst
    return dateTime(Number(year), Number(month), Number(day), time)
  }
  const yearLast = YEAR_LAST.exec(text)
  if (!yearLast) return { ok: false, problem: 'notADate' }
  const [, first, separator, second, year, ...time] = yearLast
  if (year!.length === 2) return { ok: false, problem: 'twoDigitYear' }
  const a = Number(first)
  const b = Number(second)
  let dayFirst: boolean
  if (separator === '.') dayFirst = true
  else if (a > 12 || b > 12) dayFirst = a > 12
  else if (a === b) dayFirst = true
  else if (order === 'detect') return { ok: false, problem: 'ambiguousDate' }
  else dayFirst = order === 'dmy'
  return dateTime(Number(year), dayFirst ? b : a, dayFirst ? a : b, time)
}

/** Checks the calendar and the clock and writes the ISO text. */
function dateTime(year: number, month: number, day: number, time: (string | undefined)[]): DateReading {
  const [hourText, minuteText, secondText, fraction = '', meridiem, offset] = time
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return { ok: false, problem: 'notADate' }
  let hour = Number(hourText ?? 0)
  const minute = Number(minuteText ?? 0)
  const second = Number(secondText ?? 0)
  if (meridiem) {
    if (hour < 1 || hour > 12) return { ok: false, problem: 'notADate' }
    hour = (hour % 12) + (meridiem.toLowerCase().startsWith('p') ? 12 : 0)
  }
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, problem: 'notADate' }
  let zone = ''
  if (offset) {
    zone = offset.toUpperCase() === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`
    if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(-2)) > 59)) return { ok: false, problem: 'notADate' }
  }
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  return { ok: true, value: `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${zone}` }
}
