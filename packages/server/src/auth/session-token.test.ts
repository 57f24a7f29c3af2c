import { describe, expect, it } from 'vitest'
import { createSessionToken, parseSessionToken, secretMatches } from './session-token'

describe('session tokens', () => {
  it('round-trip: the secret matches its stored hash, another does not', () => {
    const created = createSessionToken()
    const parsed = parseSessionToken(created.token)
    expect(parsed).toEqual({ id: created.id, secret: created.secret })
    expect(secretMatches(created.secret, created.secretHash)).toBe(true)
    expect(secretMatches(createSessionToken().secret, created.secretHash)).toBe(false)
    expect(created.secretHash).toHaveLength(32)
  })

  it('refuses malformed tokens', () => {
    for (const token of ['', 'abc', 'a.b.c', '.b', 'a.']) expect(parseSessionToken(token)).toBeUndefined()
  })

  it('never repeats', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => createSessionToken().id))
    expect(ids.size).toBe(1000)
  })
})
