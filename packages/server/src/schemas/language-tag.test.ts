import { describe, expect, it } from 'vitest'
import { languageOfTag, LanguageTag } from './language-tag'

describe('languageOfTag', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN', 'en'],
    ['en-gb', 'en'],
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['RU-ru', 'ru'],
    ['ru_RU', 'ru'],
    ['en-US-u-ca-buddhist', 'en'],
    [' ru ', 'ru'],
  ])('reads %s as %s', (tag, language) => {
    expect(languageOfTag(tag)).toBe(language)
  })

  it.each(['de-DE', 'de', 'zh-Hant-TW', 'fr'])('leaves %s, a language not supported, to the app’s', (tag) => {
    expect(languageOfTag(tag)).toBeUndefined()
  })

  it.each(['x', '', '*', 'ru-', 'en--US', '12', 'i-klingon', 'en-US; DROP TABLE', 'x'.repeat(10_000)])('leaves %j, not a tag, to the app’s', (tag) => {
    expect(languageOfTag(tag)).toBeUndefined()
  })
})

describe('LanguageTag', () => {
  it('never fails to parse: a tag becomes its supported language or undefined', () => {
    expect(LanguageTag.parse('ru-RU')).toBe('ru')
    expect(LanguageTag.safeParse('garbage!').success).toBe(true)
    expect(LanguageTag.parse('garbage!')).toBeUndefined()
  })
})
