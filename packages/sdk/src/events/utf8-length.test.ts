import { expect, test } from 'vitest'
import { utf8Length } from './utf8-length'

test('counts UTF-8 bytes, not UTF-16 code units', () => {
  for (const text of ['', 'plain ascii', 'Zoë', '€', '日本語', '🛒 cart', '{"name":"Ёжик в тумане"}'])
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length)
  expect(utf8Length('🛒')).toBe(4)
  expect('🛒'.length).toBe(2)
})
