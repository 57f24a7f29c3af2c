import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readToken, signToken, type TokenClaims } from './signed-token'

const secret = new Uint8Array(randomBytes(32))
const claims: TokenClaims = { app: 'app_abc', scope: 'embed', exp: 2_000_000_000, jti: 'j1' }

describe('signed tokens', () => {
  it('reads back what it signed, until it expires', () => {
    const token = signToken(secret, claims)
    expect(token.startsWith('crm_et_')).toBe(true)
    expect(readToken(secret, token, 1_999_999_999)).toEqual(claims)
    expect(readToken(secret, token, 2_000_000_000)).toBeUndefined()
  })

  it('refuses a changed payload, a changed signature, another secret and other strings', () => {
    const token = signToken(secret, claims)
    const [body, signature] = token.slice('crm_et_'.length).split('.') as [string, string]
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, app: 'app_other' })).toString('base64url')
    expect(readToken(secret, `crm_et_${forgedBody}.${signature}`, 0)).toBeUndefined()
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`
    expect(readToken(secret, `crm_et_${body}.${flipped}`, 0)).toBeUndefined()
    expect(readToken(secret, `crm_et_${body}.${signature.slice(0, -2)}`, 0)).toBeUndefined()
    expect(readToken(new Uint8Array(randomBytes(32)), token, 0)).toBeUndefined()
    expect(readToken(secret, `${token}.x`, 0)).toBeUndefined()
    expect(readToken(secret, 'crm_sk_whatever', 0)).toBeUndefined()
  })

  it('refuses a correctly signed payload that is not a token', () => {
    const body = Buffer.from(JSON.stringify({ app: 'app_abc', scope: 'root', exp: 2_000_000_000, jti: 'j' })).toString('base64url')
    const forged = signToken(secret, claims).replace(/^crm_et_[^.]+/, `crm_et_${body}`)
    expect(readToken(secret, forged, 0)).toBeUndefined()
  })
})
