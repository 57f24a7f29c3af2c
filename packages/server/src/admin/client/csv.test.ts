import { describe, expect, it } from 'vitest'
import { parseCsv, toCsv } from './csv'

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and skips blank lines', () => {
    const text = 'id,name,note\r\n1,"Ada, Countess","said ""hi"""\n\n2,Bob,"two\nlines"\n'
    expect(parseCsv(text)).toEqual([
      ['id', 'name', 'note'],
      ['1', 'Ada, Countess', 'said "hi"'],
      ['2', 'Bob', 'two\nlines'],
    ])
  })

  it('keeps a last line without a line break and empty cells', () => {
    expect(parseCsv('a,b,c\n1,,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ])
  })
})

describe('toCsv', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(toCsv([['userId', 'name'], ['u1', 'Ada, "the first"'], ['u2', '=HYPERLINK("x")'], ['u3', null], ['u4', -5]])).toBe(
      'userId,name\r\nu1,"Ada, ""the first"""\r\nu2,"\'=HYPERLINK(""x"")"\r\nu3,\r\nu4,-5\r\n',
    )
  })

  it('round-trips through parseCsv', () => {
    const rows = [['a', 'b'], ['x\ny', 'say "z"'], ['1', '2'], ['1;2', 'tab\there']]
    expect(parseCsv(toCsv(rows))).toEqual(rows)
  })

  it('round-trips a defused formula as the text a spreadsheet shows, its prefix kept', () => {
    expect(parseCsv(toCsv([['=1+1', "x;=cmd|'/C calc'!A0"]]))).toEqual([["'=1+1", "x;=cmd|'/C calc'!A0"]])
  })
})
