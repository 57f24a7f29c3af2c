import { decimalOf, type Decimal } from './decimal'

/**
 * Which mark separates the decimals: `detect` reads each cell alone and refuses one that reads two ways (`1,200`);
 * a choice made in the import form settles those.
 */
export type DecimalMark = 'detect' | '.' | ','

/** Why a cell is not an amount: it reads two ways, it is not a number, or it contradicts the chosen decimal mark. */
export type AmountProblem = 'ambiguousAmount' | 'notAnAmount' | 'amountFormat'

export type AmountReading = { ok: true; value: Decimal } | { ok: false; problem: AmountProblem }

// Spaces of every width and apostrophes group thousands in French, Russian, Swiss and Excel-with-locale exports.
const GROUP_SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g
const APOSTROPHES = /[\u2019']/g
const MAX_LENGTH = 40

/**
 * Reads an amount as spreadsheets in any locale write it: `1,200.50`, `1 200,50` (any space, also non-breaking and
 * thin), `1.200,50`, `1'200.50`, a minus, `−` (U+2212), a trailing minus, accounting parentheses, and a
 * formula-defusing apostrophe before it (`'-4`). A lone `,` or
 * `.` followed by exactly three digits (`1,200`, `1.250`) reads two ways; with `decimalMark: 'detect'` it is refused
 * rather than guessed.
 *
 * @example
 * readAmount('1 200,50', 'detect') // { ok: true, value: { units: 120050n, scale: 2 } }
 * readAmount('1,200', 'detect')    // { ok: false, problem: 'ambiguousAmount' }
 * readAmount('1,200', '.')         // { ok: true, value: { units: 1200n, scale: 0 } }
 */
export function readAmount(cell: string, decimalMark: DecimalMark): AmountReading {
  // A leading apostrophe is how CSV writers (this product's export too) keep a spreadsheet from running `-4` as a
  // formula; the number is what follows.
  let text = cell.trim().replace(/^'(?=[-+\u2212(]?\s*[0-9.,])/, '')
  if (text === '' || text.length > MAX_LENGTH) return { ok: false, problem: 'notAnAmount' }
  let negative = false
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true
    text = text.slice(1, -1).trim()
  }
  const sign = /^([-+\u2212])\s*/.exec(text) ?? /\s*([-\u2212])$/.exec(text)
  if (sign) {
    if (negative) return { ok: false, problem: 'notAnAmount' }
    negative = sign[1] !== '+'
    text = sign.index === 0 ? text.slice(sign[0].length) : text.slice(0, sign.index)
  }
  text = text.replace(GROUP_SPACES, ' ').replace(APOSTROPHES, "'")
  if (!/^[0-9 ',.]*[0-9][0-9 ',.]*$/.test(text) || /^[ ']|[ ',.]$/.test(text) || /[ ',.]{2}/.test(text)) {
    return { ok: false, problem: 'notAnAmount' }
  }
  const plain = plainDigits(text, decimalMark)
  if (typeof plain !== 'string') return { ok: false, problem: plain.problem }
  return { ok: true, value: decimalOf(negative ? `-${plain}` : plain) }
}

/** The cell (signs gone, spaces normalised) as digits with an optional `.` before the decimals, or why not. */
function plainDigits(text: string, decimalMark: DecimalMark): string | { problem: AmountProblem } {
  const separators = [...text.matchAll(/[ ',.]/g)].map((match) => match[0])
  if (separators.length === 0) return text
  const last = separators.at(-1)!
  const kinds = new Set(separators)
  // The last mark is the decimal one when another kind of mark groups before it (`1,200.50`, `1 200,50`).
  if ((last === '.' || last === ',') && kinds.size === 2 && separators.indexOf(last) === separators.length - 1) {
    if (decimalMark !== 'detect' && decimalMark !== last) return { problem: 'amountFormat' }
    return groupedThenDecimal(text, last)
  }
  if (kinds.size > 1) return { problem: 'notAnAmount' }
  // One kind of mark only. Spaces, apostrophes and a repeated mark can only group (`1 200`, `1,200,000`).
  if (last === ' ' || last === "'" || separators.length > 1) {
    if (decimalMark === last) return { problem: 'amountFormat' }
    return grouped(text, last) ?? { problem: 'notAnAmount' }
  }
  const [whole = '', fraction = ''] = text.split(last)
  const asGroups = grouped(text, last)
  if (decimalMark === 'detect') {
    if (asGroups === undefined) return `${whole}.${fraction}`
    return { problem: 'ambiguousAmount' }
  }
  if (decimalMark === last) return `${whole}.${fraction}`
  return asGroups ?? { problem: 'amountFormat' }
}

/** `1 200,50` with `,` as the decimal mark: the part before it must be properly grouped. */
function groupedThenDecimal(text: string, mark: '.' | ','): string | { problem: AmountProblem } {
  const cut = text.lastIndexOf(mark)
  const whole = text.slice(0, cut)
  const group = whole.match(/[ ',.]/)![0]
  const digits = grouped(whole, group)
  return digits === undefined ? { problem: 'notAnAmount' } : `${digits}.${text.slice(cut + 1)}`
}

/** The digits when `text` is thousands grouped by `mark` (1–3 digits, then groups of exactly 3), else undefined. */
function grouped(text: string, mark: string): string | undefined {
  const groups = text.split(mark)
  const [first = '', ...rest] = groups
  if (!/^[0-9]{1,3}$/.test(first) || (first.startsWith('0') && first !== '0') || rest.some((group) => !/^[0-9]{3}$/.test(group))) return undefined
  // `0,500` is a decimal written with a leading zero, never a grouped 500.
  if (first === '0') return undefined
  return groups.join('')
}
