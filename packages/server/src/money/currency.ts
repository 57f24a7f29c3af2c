const supported = new Set(Intl.supportedValuesOf('currency'))
const exponents = new Map<string, number>()

/**
 * Whether `code` is an ISO 4217 currency the platform knows (uppercase, as the contract requires).
 *
 * @example
 * isCurrency('USD') // true
 * isCurrency('usd') // false
 */
export function isCurrency(code: string): boolean {
  return supported.has(code)
}

/**
 * The number of minor-unit digits of a currency: JPY 0, USD 2, KWD 3.
 *
 * @example
 * currencyExponent('KWD') // 3
 */
export function currencyExponent(code: string): number {
  let exponent = exponents.get(code)
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits as number
    exponents.set(code, exponent)
  }
  return exponent
}
