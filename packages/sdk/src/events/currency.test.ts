import { expect, test } from 'vitest'
import { isCurrencyCode } from './currency'

test('knows ISO 4217 codes from the platform', () => {
  for (const code of ['USD', 'EUR', 'JPY', 'KWD', 'RUB']) expect(isCurrencyCode(code)).toBe(true)
})

test('refuses unknown or malformed codes', () => {
  for (const code of ['XYZ', 'QQQ', 'usd', 'US', 'USDD', '']) expect(isCurrencyCode(code)).toBe(false)
})
