/**
 * An exact decimal number: `units` × 10^−`scale`. Invoice totals are sums of quantity × unit price, and a float sum of
 * thousands of lines drifts by fractions of a penny; the server rounds the total once, so it must arrive exact.
 */
export type Decimal = { units: bigint; scale: number }

/**
 * A decimal from plain digits, an optional minus and an optional point (the amount reader's normalised text).
 *
 * @example
 * decimalOf('-12.50') // { units: -1250n, scale: 2 }
 */
export function decimalOf(text: string): Decimal {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text)
  if (!match || `${match[2]}${match[3] ?? ''}` === '') throw new Error(`not a plain decimal: ${text}`)
  const fraction = match[3] ?? ''
  const units = BigInt(`${match[2]}${fraction}` || '0')
  return { units: match[1] === '-' ? -units : units, scale: fraction.length }
}

/**
 * The sum, exact, at the larger of the two scales.
 *
 * @example
 * decimalText(addDecimals(decimalOf('0.1'), decimalOf('0.2'))) // '0.3'
 */
export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale)
  return { units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale }
}

/**
 * The product, exact.
 *
 * @example
 * decimalText(multiplyDecimals(decimalOf('3'), decimalOf('2.55'))) // '7.65'
 */
export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale }
}

/**
 * The number without its sign.
 *
 * @example
 * decimalText(absDecimal(decimalOf('-4.5'))) // '4.5'
 */
export function absDecimal(value: Decimal): Decimal {
  return value.units < 0n ? { units: -value.units, scale: value.scale } : value
}

/**
 * −1, 0 or 1.
 *
 * @example
 * decimalSign(decimalOf('-0.01')) // -1
 */
export function decimalSign(value: Decimal): -1 | 0 | 1 {
  return value.units < 0n ? -1 : value.units > 0n ? 1 : 0
}

/**
 * The whole number it is, or undefined when it has a fraction or is past what a JSON number holds exactly.
 *
 * @example
 * wholeNumber(decimalOf('12.0')) // 12
 * wholeNumber(decimalOf('1.5'))  // undefined
 */
export function wholeNumber(value: Decimal): number | undefined {
  const divisor = 10n ** BigInt(value.scale)
  if (value.units % divisor !== 0n) return undefined
  const whole = value.units / divisor
  return whole <= BigInt(Number.MAX_SAFE_INTEGER) && whole >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(whole) : undefined
}

/**
 * The JSON decimal string the server reads (`amount`, `price`), every digit kept: the server rounds half up to the
 * currency's exponent, once.
 *
 * @example
 * decimalText({ units: 120050n, scale: 2 }) // '1200.50'
 */
export function decimalText(value: Decimal): string {
  const digits = (value.units < 0n ? -value.units : value.units).toString().padStart(value.scale + 1, '0')
  const whole = digits.slice(0, digits.length - value.scale)
  const fraction = digits.slice(digits.length - value.scale)
  return `${value.units < 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}
