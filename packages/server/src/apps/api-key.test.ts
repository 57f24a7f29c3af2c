import { describe, expect, it } from 'vitest'
import { generateApiKey, hashApiKey, keyTypeOf } from './api-key'

describe('API keys', () => {
  it('are stored as their hex SHA-256 (FIPS 180-2 vectors), so keys issued before keep working', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(hashApiKey('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  it('carry their type in the prefix, 160 random bits, and a short prefix for recognition', () => {
    const secret = generateApiKey('secret')
    const publishable = generateApiKey('publishable')
    expect(secret.key).toMatch(/^crm_sk_[a-z2-7]{32}$/)
    expect(publishable.key).toMatch(/^crm_pk_[a-z2-7]{32}$/)
    expect(secret.prefix).toBe(secret.key.slice(0, 11))
    expect(secret.hash).toBe(hashApiKey(secret.key))
    expect([keyTypeOf(secret.key), keyTypeOf(publishable.key), keyTypeOf('sk_live_x')]).toEqual(['secret', 'publishable', undefined])
    expect(generateApiKey('secret').key).not.toBe(secret.key)
  })
})
