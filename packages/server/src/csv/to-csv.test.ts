import { describe, expect, it } from 'vitest'
import { csvRow, toCsv } from './to-csv'

/**
 * The cells a spreadsheet set to split columns on `separator` reads from the text (quotes respected, as Excel and
 * LibreOffice do): a Russian or German locale splits on `;`, a TSV import on a tab.
 */
function cellsSplitOn(text: string, separator: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === separator || char === '\n' || char === '\r') (cells.push(cell), (cell = ''))
    else cell += char
  }
  return [...cells, cell].filter((value) => value !== '')
}

describe('toCsv', () => {
  it('quotes what needs quoting and defuses formulas, keeping numbers typed', () => {
    expect(toCsv([['userId', 'name'], ['u1', 'Ada, "the first"'], ['u2', '=HYPERLINK("x")'], ['u3', null], ['u4', -5]])).toBe(
      'userId,name\r\nu1,"Ada, ""the first"""\r\nu2,"\'=HYPERLINK(""x"")"\r\nu3,\r\nu4,-5\r\n',
    )
  })

  it('leaves no cell starting a formula when a spreadsheet splits on ; , or tab', () => {
    const text = toCsv([['userId'], ["x;=cmd|'/C calc'!A0"], ["x,=cmd|'/C calc'!A0"], ["x\t=cmd|'/C calc'!A0"], ['=1+1']])
    for (const separator of [';', ',', '\t']) {
      const cells = cellsSplitOn(text, separator)
      expect(cells).toContain("x;=cmd|'/C calc'!A0")
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    }
  })

  it('writes one row with its CRLF for streaming writers', () => {
    expect(csvRow(['u1', 'Ada; Countess', 42])).toBe('u1,"Ada; Countess",42\r\n')
    expect(toCsv([])).toBe('')
  })
})
