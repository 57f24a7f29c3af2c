import { describe, expect, it } from 'vitest'
import { absDecimal, addDecimals, decimalOf, decimalSign, decimalText, multiplyDecimals, wholeNumber } from './decimal'

describe('decimal', () => {
  it('reads and writes plain decimals, keeping every digit', () => {
    expect(decimalOf('-12.50')).toEqual({ units: -1250n, scale: 2 })
    expect(decimalOf('.5')).toEqual({ units: 5n, scale: 1 })
    expect(decimalText(decimalOf('0.001'))).toBe('0.001')
    expect(decimalText(decimalOf('-0.05'))).toBe('-0.05')
    expect(decimalText(decimalOf('1200'))).toBe('1200')
    expect(() => decimalOf('1,2')).toThrow()
    expect(() => decimalOf('-')).toThrow()
  })

  it('adds and multiplies exactly where floats drift', () => {
    expect(decimalText(addDecimals(decimalOf('0.1'), decimalOf('0.2')))).toBe('0.3')
    let total = decimalOf('0')
    for (let i = 0; i < 1000; i++) total = addDecimals(total, multiplyDecimals(decimalOf('3'), decimalOf('0.001')))
    expect(decimalText(total)).toBe('3.000')
    expect(decimalText(multiplyDecimals(decimalOf('-12'), decimalOf('2.55')))).toBe('-30.60')
  })

  it('tells the sign, drops it, and gives whole numbers only when whole', () => {
    expect(decimalSign(decimalOf('-0.01'))).toBe(-1)
    expect(decimalSign(decimalOf('0.00'))).toBe(0)
    expect(decimalText(absDecimal(decimalOf('-4.5')))).toBe('4.5')
    expect(wholeNumber(decimalOf('12.0'))).toBe(12)
    expect(wholeNumber(decimalOf('-6'))).toBe(-6)
    expect(wholeNumber(decimalOf('1.5'))).toBeUndefined()
    expect(wholeNumber(decimalOf('99999999999999999999'))).toBeUndefined()
  })
})
