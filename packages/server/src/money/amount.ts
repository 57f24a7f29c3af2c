import { currencyExponent } from './currency'

/** The largest amount accepted, in minor units: well inside 2^53 so sums of many orders stay exact. */
export const MAX_MINOR_UNITS = 1e15

const DECIMAL = /^(\d+)(?:\.(\d+))?$/

export type AmountResult = { ok: true; minor: number } | { ok: false; message: string }

/**
 * Converts an amount in major units (a JSON number or a decimal string) to integer minor units of `currency`.
 * A decimal string is read exactly. A JSON number may carry binary floating-point noise from the sender's
 * arithmetic (`0.1 + 0.2`, `3 * 5.1`): within a billionth of a minor unit of a whole one, it is that one; otherwise
 * it is read as the decimal it prints as. More decimals than the currency has are rounded half up, as an invoice
 * rounds: real price lists hold unit prices below the minor unit (0.001 GBP, fuel at 1.459 USD a litre), and the
 * totals summed from them. Refuses negatives, non-numbers and absurd sizes.
 *
 * @example
 * toMinorUnits('19.99', 'USD') // { ok: true, minor: 1999 }
 * toMinorUnits(1500, 'JPY')    // { ok: true, minor: 1500 }
 * toMinorUnits(1.235, 'USD')   // { ok: true, minor: 124 }
 * toMinorUnits(-1, 'USD')      // { ok: false, message: 'must not be negative' }
 */
export function toMinorUnits(amount: number | string, currency: string): AmountResult {
  let text: string
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) return { ok: false, message: 'must be a finite number' }
    if (amount < 0) return { ok: false, message: 'must not be negative' }
    if (amount > MAX_MINOR_UNITS) return { ok: false, message: 'is too large' }
    const scaled = amount * 10 ** currencyExponent(currency)
    const minor = Math.round(scaled)
    if (Math.abs(scaled - minor) <= 1e-9 * Math.max(1, scaled)) {
      return minor > MAX_MINOR_UNITS ? { ok: false, message: 'is too large' } : { ok: true, minor }
    }
    // Not a whole number of minor units: round the decimal the sender wrote, not its binary approximation.
    text = amount.toString()
    if (text.includes('e')) text = amount.toFixed(20).replace(/0+$/, '')
  } else {
    const minor = plainDecimalToMinor(amount, currencyExponent(currency))
    if (minor !== undefined) return { ok: true, minor }
    text = amount.trim()
  }
  if (text.startsWith('-')) return { ok: false, message: 'must not be negative' }
  const match = DECIMAL.exec(text)
  if (!match) return { ok: false, message: 'must be a decimal number such as 19.99' }
  const exponent = currencyExponent(currency)
  const whole = match[1]!
  const fraction = match[2] ?? ''
  if (whole.length > 16) return { ok: false, message: 'is too large' }
  // Half up: the first digit past the currency's decides.
  const roundUp = fraction.length > exponent && fraction.charCodeAt(exponent) >= 53 /* 5 */ ? 1 : 0
  const minor = Number(whole) * 10 ** exponent + Number(fraction.slice(0, exponent).padEnd(exponent, '0') || '0') + roundUp
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR_UNITS) return { ok: false, message: 'is too large' }
  return { ok: true, minor }
}

/**
 * The common decimal string (`19.99`: digits, then at most the currency's decimals) read without a regular
 * expression; `undefined` for anything else, which the general path reads, rounds or refuses. With at most 15 digits the
 * value is exact and under `MAX_MINOR_UNITS`.
 */
function plainDecimalToMinor(text: string, exponent: number): number | undefined {
  let whole = 0
  let index = 0
  for (; index < text.length; index++) {
    const digit = text.charCodeAt(index) - 48
    if (digit < 0 || digit > 9) break
    whole = whole * 10 + digit
  }
  const wholeDigits = index
  if (wholeDigits === 0 || wholeDigits + exponent > 15) return undefined
  if (index === text.length) return whole * 10 ** exponent
  if (text.charCodeAt(index) !== 46 /* . */) return undefined
  let fraction = 0
  const decimals = text.length - index - 1
  if (decimals === 0 || decimals > exponent) return undefined
  for (index += 1; index < text.length; index++) {
    const digit = text.charCodeAt(index) - 48
    if (digit < 0 || digit > 9) return undefined
    fraction = fraction * 10 + digit
  }
  return whole * 10 ** exponent + fraction * 10 ** (exponent - decimals)
}

/**
 * Converts integer minor units back to a major-unit number for JSON responses.
 *
 * @example
 * toMajorUnits(1999, 'USD') // 19.99
 */
export function toMajorUnits(minor: number, currency: string): number {
  const exponent = currencyExponent(currency)
  return exponent === 0 ? minor : Number((minor / 10 ** exponent).toFixed(exponent))
}
