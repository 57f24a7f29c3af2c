const encoder = new TextEncoder()

/**
 * The exact number of bytes `text` takes as UTF-8 on the wire (not its UTF-16 `length`).
 * ASCII-only text, the common case, skips the encoder.
 *
 * @example utf8Length('€') // 3
 */
export function utf8Length(text: string): number {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length
}
