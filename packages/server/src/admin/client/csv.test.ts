import { describe, expect, it } from 'vitest'
import { parseCsv, parseCsvLines, toCsv } from './csv'

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

  it('cuts at another delimiter when told, keeping it inside quotes', () => {
    expect(parseCsv('a;b;c\n"x; y";"1,5";\n', ';')).toEqual([
      ['a', 'b', 'c'],
      ['x; y', '1,5', ''],
    ])
    expect(parseCsv('a\tb\n"x\ty"\t2', '\t')).toEqual([
      ['a', 'b'],
      ['x\ty', '2'],
    ])
  })

  it('keeps an unclosed quote’s text to the end and text after a closing quote', () => {
    expect(parseCsv('a,b\n"x"y,"open')).toEqual([
      ['a', 'b'],
      ['xy', 'open'],
    ])
  })
})

describe('parseCsvLines', () => {
  it('numbers each row by the line it starts on, counting line breaks inside quotes and blank lines', () => {
    expect(parseCsvLines('id,note\r\n1,"two\r\nlines"\r\n\r\n2,"a\nb\nc"\n3,x')).toEqual([
      { line: 1, cells: ['id', 'note'] },
      { line: 2, cells: ['1', 'two\r\nlines'] },
      { line: 5, cells: ['2', 'a\nb\nc'] },
      { line: 8, cells: ['3', 'x'] },
    ])
  })

  it('has no rows for an empty text or only blank lines', () => {
    expect(parseCsvLines('')).toEqual([])
    expect(parseCsvLines('\n\r\n,,\n')).toEqual([])
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
