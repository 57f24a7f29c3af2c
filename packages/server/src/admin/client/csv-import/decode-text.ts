export type DecodedText = {
  text: string
  /** The encoding it was read in, to show the user when it is not UTF-8. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252'
}

/**
 * Reads a file's bytes as text without its byte-order mark. UTF-8 unless a BOM says UTF-16 (Excel's "Unicode text")
 * or the bytes are not UTF-8: then Windows-1251 when the non-ASCII bytes run together as Cyrillic words do (what a
 * Russian Excel saves as CSV), otherwise Windows-1252 (a Western one).
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // { text: 'a', encoding: 'utf-8' }
 * decodeText(new Uint8Array([0xcf, 0xf0, 0xe8]))       // { text: 'При', encoding: 'windows-1251' }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  try {
    return { text: withoutBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' }
  } catch {
    const encoding = looksCyrillic(bytes) ? 'windows-1251' : 'windows-1252'
    return { text: new TextDecoder(encoding).decode(bytes), encoding }
  }
}

/** A text read elsewhere (`File.text()`, a test) may still start with U+FEFF. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Whether most non-ASCII bytes have a non-ASCII neighbour: Cyrillic words do, accented Latin letters rarely. */
function looksCyrillic(bytes: Uint8Array): boolean {
  let high = 0
  let together = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue
    high++
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) together++
  }
  return high > 0 && together / high > 0.5
}
