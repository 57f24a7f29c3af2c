import { describe, expect, it } from 'vitest'
import { toMajorUnits, toMinorUnits } from './amount'
import { currencyExponent, isCurrency } from './currency'

describe('currencies', () => {
  it('knows ISO 4217 codes and their exponents', () => {
    expect(isCurrency('USD')).toBe(true)
    expect(isCurrency('usd')).toBe(false)
    expect(isCurrency('XXY')).toBe(false)
    expect([currencyExponent('JPY'), currencyExponent('USD'), currencyExponent('KWD')]).toEqual([0, 2, 3])
  })
})

describe('toMinorUnits', () => {
  it.each([
    [19.99, 'USD', 1999],
    ['19.99', 'USD', 1999],
    [0.1 + 0.2 - 0.3 + 0.3, 'USD', 30],
    [1500, 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['10.500', 'USD', 1050],
    [0, 'EUR', 0],
    [1.1, 'USD', 110],
    [0.1 + 0.2, 'USD', 30],
    [3 * 5.1, 'USD', 1530],
    [15.299999999999999, 'USD', 1530],
    // More decimals than the currency has: rounded half up, from the decimal the sender wrote.
    [1.234, 'USD', 123],
    [1.235, 'USD', 124],
    [1.005, 'USD', 101],
    [1.999, 'USD', 200],
    [0.005, 'USD', 1],
    [0.001, 'GBP', 0],
    [1e-9, 'USD', 0],
    ['12.5', 'JPY', 13],
    ['12.49', 'JPY', 12],
    ['1.4595', 'KWD', 1460],
    ['0.00499999', 'USD', 0],
  ])('%s %s is %d minor units', (amount, currency, minor) => {
    expect(toMinorUnits(amount, currency)).toEqual({ ok: true, minor })
  })

  it.each([
    [-1, 'USD', /negative/],
    ['-1', 'USD', /negative/],
    [Number.NaN, 'USD', /finite/],
    [Number.POSITIVE_INFINITY, 'USD', /finite/],
    [1e20, 'USD', /too large/],
    ['99999999999999999999', 'USD', /too large/],
    ['1e3', 'USD', /decimal number/],
    ['abc', 'USD', /decimal number/],
    ['', 'USD', /decimal number/],
  ])('refuses %s %s', (amount, currency, message) => {
    const result = toMinorUnits(amount, currency)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })
})

describe('toMajorUnits', () => {
  it('inverts toMinorUnits', () => {
    expect(toMajorUnits(1999, 'USD')).toBe(19.99)
    expect(toMajorUnits(1500, 'JPY')).toBe(1500)
    expect(toMajorUnits(1234, 'KWD')).toBe(1.234)
  })
})

describe('toMinorUnits on decimal strings', () => {
  /** The reading the general path makes of a decimal string, in exact integers: scaled, then rounded half up. */
  function reference(text: string, exponent: number): { ok: true; minor: number } | { ok: false } {
    const match = /^\s*(\d+)(?:\.(\d+))?\s*$/.exec(text)
    if (!match || match[1]!.length > 16) return { ok: false }
    const fraction = match[2] ?? ''
    const scale = 10n ** BigInt(fraction.length)
    const scaled = (BigInt(match[1]!) * scale + BigInt(fraction || '0')) * 10n ** BigInt(exponent)
    const minor = (2n * scaled + scale) / (2n * scale)
    return minor > 1_000_000_000_000_000n ? { ok: false } : { ok: true, minor: Number(minor) }
  }

  it('reads and rounds every generated decimal string as exact arithmetic does, for currencies of 0, 2 and 3 decimals', () => {
    const characters = ['0', '1', '5', '9', '.', ' ', '-', 'e']
    let seed = 7
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed % below
    }
    const samples = ['0', '00.10', '19.99', '19.999', '1.', '.5', '999999999999999', '9999999999999.99', '99999999999999.99']
    for (let n = 0; n < 3000; n++) {
      const length = 1 + random(20)
      samples.push(Array.from({ length }, () => characters[random(random(4) === 0 ? characters.length : 5)]).join(''))
    }
    for (const currency of ['JPY', 'USD', 'KWD']) {
      for (const text of samples) {
        const result = toMinorUnits(text, currency)
        const expected = reference(text, currencyExponent(currency))
        expect({ text, currency, ok: result.ok, minor: result.ok ? result.minor : undefined }).toEqual({
          text,
          currency,
          ok: expected.ok,
          minor: expected.ok ? expected.minor : undefined,
        })
      }
    }
  })
})
