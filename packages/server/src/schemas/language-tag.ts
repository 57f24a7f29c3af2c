import { z } from '@hono/zod-openapi'
import { Language } from './common'

type SupportedLanguage = z.output<typeof Language>
const SUPPORTED: ReadonlySet<string> = new Set(Language.options)

/**
 * The supported language (`en`, `ru`) of a BCP 47 tag, or `undefined` when its language is another one or the tag
 * is not a tag at all: the caller then speaks the app's language. Case and region do not matter (`EN`, `ru-RU`,
 * `en-US-u-ca-buddhist`), and `ru_RU`, the POSIX spelling, is read as `ru-RU`.
 *
 * @example
 * languageOfTag('en-US')      // 'en'
 * languageOfTag('ru')         // 'ru'
 * languageOfTag('de-DE')      // undefined: not supported
 * languageOfTag('x')          // undefined: not a BCP 47 tag
 */
export function languageOfTag(tag: string): SupportedLanguage | undefined {
  let language: string
  try {
    // The platform's parser: canonical case, and a RangeError for what is not a well-formed tag.
    const [canonical] = Intl.getCanonicalLocales(tag.trim().replaceAll('_', '-'))
    if (canonical === undefined) return undefined
    language = new Intl.Locale(canonical).language
  } catch {
    return undefined
  }
  return SUPPORTED.has(language) ? (language as SupportedLanguage) : undefined
}

/**
 * The `lang` of a request: any text, read as a BCP 47 tag; its supported language, or `undefined` (the app's
 * `language` then) for another language or a malformed tag. Never a validation error: a page's `<html lang>`
 * goes into it as it is.
 *
 * @example
 * LanguageTag.parse('en-US') // 'en'
 * LanguageTag.parse('de')    // undefined
 */
export const LanguageTag = z
  .string()
  .transform((tag) => languageOfTag(tag))
  .openapi({
    type: 'string',
    example: 'en-US',
    description:
      'Language of the texts, as a BCP 47 tag (`en`, `en-US`, `ru-RU`, any case). Its language is used when supported ' +
      '(`en`, `ru`); any other language, or a malformed tag, gets the app’s `language`. Never an error. Default: the app’s `language`',
  })
