// A number as people write it: digits with thousands separators (",", ".", spaces including the narrow no-break
// space Russian uses) and a decimal part after "." or ",".
const NUMBER = /\d+(?:[ \u00a0\u202f,.]\d+)*/g

/**
 * Reads the numbers written in a text, in English or Russian notation ("1,234.5", "1 234,5", "12.5%", "0,93").
 *
 * @example
 * numbersIn('Revenue was $1,234.50, up 12,5 %') // [1234.5, 12.5]
 */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER)].map(([token]) => readNumber(token))
}

const SPACE = /[ \u00a0\u202f]/

function readNumber(token: string): number {
  const separators = token.replace(/\d/g, '')
  const groups = token.split(/[ \u00a0\u202f,.]/)
  const last = separators.at(-1)
  if (last === undefined || SPACE.test(last)) return Number(groups.join(''))
  const kinds = new Set(separators.replace(/[ \u00a0\u202f]/g, ''))
  const repeated = separators.split(last).length - 1 > 1
  // "1,234.5" (two kinds) and "1 234,5" (spaces, then one mark) end in a decimal part; "1,234,567" does not;
  // a lone "," before exactly three digits is an English thousands separator (unless after a lone 0), otherwise a
  // Russian decimal comma.
  // "0,012" is a decimal whatever the digits: no thousands separator follows a lone zero.
  const decimal =
    kinds.size > 1 || (!repeated && (last === '.' || (groups.at(-1) ?? '').length !== 3 || separators.length > 1 || groups[0] === '0'))
  return decimal ? Number(`${groups.slice(0, -1).join('')}.${groups.at(-1)}`) : Number(groups.join(''))
}

/** Every number in a JSON value: its numeric leaves and the numbers written inside its strings (dates, texts). */
export function numbersOf(value: unknown, into: number[] = []): number[] {
  if (typeof value === 'number' && Number.isFinite(value)) into.push(value)
  else if (typeof value === 'string') into.push(...numbersIn(value))
  else if (Array.isArray(value)) for (const item of value) numbersOf(item, into)
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) numbersOf(item, into)
  return into
}

/**
 * Whether a stated number is one of the facts, as people round them: equal after rounding the fact to 0 to 3
 * decimals, within 0.5 % of it, or the same as a percentage (0.125 stated as 12.5 or 13).
 *
 * @example
 * isGrounded(12, [0.1234]) // true: 12 %
 */
export function isGrounded(stated: number, facts: readonly number[]): boolean {
  const candidates = (fact: number) => [Math.abs(fact), Math.abs(fact * 100)]
  return facts.some((fact) =>
    candidates(fact).some((value) => {
      if (value === stated) return true
      if ([0, 1, 2, 3].some((digits) => Math.round(value * 10 ** digits) / 10 ** digits === stated)) return true
      return value !== 0 && Math.abs(stated - value) / value <= 0.005
    }),
  )
}

/**
 * The numbers a text states that the facts do not hold: an answer with any is rejected.
 *
 * @example
 * ungroundedNumbers('Revenue grew 40%', { change: 0.12 }) // [40]
 */
export function ungroundedNumbers(text: string, facts: unknown): number[] {
  const known = numbersOf(facts)
  return numbersIn(text).filter((stated) => !isGrounded(stated, known))
}
