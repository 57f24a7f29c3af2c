import { beforeAll, describe, expect, it, vi } from 'vitest'

// i18n reads the saved language at load: a browser's globals, stubbed for Node.
let i18n: typeof import('./i18n')
beforeAll(async () => {
  const saved = new Map<string, string>()
  vi.stubGlobal('localStorage', { getItem: (key: string) => saved.get(key) ?? null, setItem: (key: string, value: string) => saved.set(key, value) })
  vi.stubGlobal('navigator', { languages: ['en-US'] })
  vi.stubGlobal('document', { documentElement: {} })
  i18n = await import('./i18n')
})

describe('counted phrases (tn)', () => {
  it('take the English forms: one for 1, other for the rest, the number formatted', () => {
    i18n.setLang('en')
    expect([0, 1, 2, 5, 21, 1.5, 1234].map((count) => i18n.tn('eventCount', count))).toEqual([
      '0 events',
      '1 event',
      '2 events',
      '5 events',
      '21 events',
      '1.5 events',
      '1,234 events',
    ])
    expect(i18n.tn('fromCustomers', 1)).toBe('from 1 customer')
  })

  it('take the Russian forms: one (1, 21, 101), few (2–4, 22), many (0, 5–20, 25, 111), other (fractions)', () => {
    i18n.setLang('ru')
    const events = [1, 21, 101, 2, 4, 22, 0, 5, 11, 12, 14, 25, 111, 1.5].map((count) => i18n.tn('eventCount', count).replace(/\s/g, ' '))
    expect(events).toEqual([
      '1 событие',
      '21 событие',
      '101 событие',
      '2 события',
      '4 события',
      '22 события',
      '0 событий',
      '5 событий',
      '11 событий',
      '12 событий',
      '14 событий',
      '25 событий',
      '111 событий',
      '1,5 события',
    ])
    expect([1, 21, 3, 12].map((count) => i18n.tn('fromCustomers', count))).toEqual(['от 1 клиента', 'от 21 клиента', 'от 3 клиентов', 'от 12 клиентов'])
    expect(i18n.tn('eventCount', 1234).replace(/\s/g, ' ')).toBe('1 234 события')
  })
})
