let known: Set<string> | null | undefined

/**
 * Whether `code` is an ISO 4217 currency code the platform knows, asking `Intl.supportedValuesOf`
 * instead of shipping a table.
 *
 * @example isCurrencyCode('EUR') // true
 */
export function isCurrencyCode(code: string): boolean {
  // Runtimes without the API (Safari before 15.4) get the shape check only; the server validates too.
  known ??= typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null
  return known ? known.has(code) : /^[A-Z]{3}$/.test(code)
}
