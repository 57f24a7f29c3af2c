import { describe, expect, it } from 'vitest'
import { decodeText } from './decode-text'

/** Windows-1251 bytes of ASCII and Russian letters (А–я are 0xC0–0xFF, Ё 0xA8, ё 0xB8). */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => {
    const code = char.codePointAt(0)!
    if (code < 0x80) return code
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0
    if (char === 'Ё') return 0xa8
    if (char === 'ё') return 0xb8
    throw new Error(`not in the test's table: ${char}`)
  }))
}

/** Windows-1252 bytes of ASCII and Latin-1 letters. */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => char.codePointAt(0)!))
}

describe('decodeText', () => {
  it('reads UTF-8 with or without a BOM, and drops the BOM', () => {
    const utf8 = new TextEncoder().encode('Заказ;Сумма\n1;2')
    expect(decodeText(utf8)).toEqual({ text: 'Заказ;Сумма\n1;2', encoding: 'utf-8' })
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: 'Заказ;Сумма\n1;2', encoding: 'utf-8' })
  })

  it('reads UTF-16 with a BOM, as Excel saves "Unicode text"', () => {
    const text = 'Invoice\tPrice\n1\t2,5'
    const le = [0xff, 0xfe, ...[...text].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])]
    const be = [0xfe, 0xff, ...[...text].flatMap((char) => [char.charCodeAt(0) >> 8, char.charCodeAt(0) & 0xff])]
    expect(decodeText(Uint8Array.from(le))).toEqual({ text, encoding: 'utf-16le' })
    expect(decodeText(Uint8Array.from(be))).toEqual({ text, encoding: 'utf-16be' })
  })

  it('reads a Russian Excel CSV (not UTF-8) as Windows-1251', () => {
    const text = 'Дата;Клиент;Сумма\n10.12.2011;Семён Ёлкин;1 200,50\n'
    expect(decodeText(cp1251(text))).toEqual({ text, encoding: 'windows-1251' })
  })

  it('reads a Western file that is not UTF-8 as Windows-1252', () => {
    const text = 'Description,Price\nCAFÉ CREAM CUP,2.55\nCRÈME BRÛLÉE SET,4.95\n'
    expect(decodeText(cp1252(text))).toEqual({ text, encoding: 'windows-1252' })
  })
})
