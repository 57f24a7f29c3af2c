import { createHmac, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readToken, signToken, type TokenClaims } from './signed-token'

const secret = new Uint8Array(randomBytes(32))
const claims: TokenClaims = { app: 'app_abc', scope: 'embed', kid: 'key_1', exp: 2_000_000_000, jti: 'j1' }

/** The body and signature of a token. */
const partsOf = (token: string) => token.slice('crm_et_'.length).split('.') as [string, string]

describe('signed tokens', () => {
  it('reads back what it signed, until it expires', () => {
    const token = signToken(secret, claims)
    expect(token.startsWith('crm_et_')).toBe(true)
    expect(readToken(secret, token, 1_999_999_999)).toEqual(claims)
    expect(readToken(secret, token, 2_000_000_000)).toBeUndefined()
    const admin: TokenClaims = { app: 'app_abc', scope: 'admin', sid: 's1', exp: 2_000_000_000, jti: 'j2' }
    expect(readToken(secret, signToken(secret, admin), 0)).toEqual(admin)
  })

  it('refuses a changed payload, a changed signature, another secret and other strings', () => {
    const token = signToken(secret, claims)
    const [body, signature] = partsOf(token)
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, app: 'app_other' })).toString('base64url')
    expect(readToken(secret, `crm_et_${forgedBody}.${signature}`, 0)).toBeUndefined()
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`
    expect(readToken(secret, `crm_et_${body}.${flipped}`, 0)).toBeUndefined()
    expect(readToken(secret, `crm_et_${body}.${signature.slice(0, -2)}`, 0)).toBeUndefined()
    expect(readToken(new Uint8Array(randomBytes(32)), token, 0)).toBeUndefined()
    expect(readToken(secret, `${token}.x`, 0)).toBeUndefined()
    expect(readToken(secret, 'crm_sk_whatever', 0)).toBeUndefined()
  })

  it('refuses a signature with padding or junk appended: only its exact spelling verifies', () => {
    const token = signToken(secret, claims)
    expect(readToken(secret, token, 0)).toEqual(claims)
    for (const suffix of ['=', '==', '!', '*', '~', ' ', '\n', '%3D']) {
      expect(readToken(secret, token + suffix, 0), JSON.stringify(suffix)).toBeUndefined()
    }
    const [body, signature] = partsOf(token)
    expect(readToken(secret, `crm_et_${body}.${signature.slice(0, 10)}!${signature.slice(10)}`, 0)).toBeUndefined()
    // The standard alphabet decodes to the same bytes in Buffer's base64url decoder.
    const standard = Buffer.from(signature, 'base64url').toString('base64')
    if (standard !== signature) expect(readToken(secret, `crm_et_${body}.${standard}`, 0)).toBeUndefined()
  })

  it('refuses the same claims spelled another way in the body, even with a valid MAC over that spelling', () => {
    const [body] = partsOf(signToken(secret, claims))
    const json = Buffer.from(body, 'base64url')
    const respelled = [`${body}=`, `${body}==`, `${body}!`, `${body.slice(0, 4)}*${body.slice(4)}`, json.toString('base64')].filter((other) => other !== body)
    for (const other of respelled) {
      expect(Buffer.from(other, 'base64url').equals(json), other).toBe(true) // what a lenient reader would accept
      expect(readToken(secret, signedBody(other), 0), other).toBeUndefined()
    }
  })

  it('refuses a correctly signed payload that is not a token', () => {
    for (const payload of [
      { app: 'app_abc', scope: 'root', exp: 2_000_000_000, jti: 'j' },
      { app: 'app_abc', scope: 'embed', exp: 2_000_000_000, jti: 'j' },
      { app: 'app_abc', scope: 'admin', exp: 2_000_000_000, jti: 'j' },
      { app: 'app_abc', scope: 'embed', kid: 'key_1', sid: 's1', exp: 2_000_000_000, jti: 'j' },
    ]) {
      expect(readToken(secret, signedBody(Buffer.from(JSON.stringify(payload)).toString('base64url')), 0), JSON.stringify(payload)).toBeUndefined()
    }
  })
})

/** A token whose body is `body` as given, with a valid MAC over exactly that string. */
function signedBody(body: string): string {
  return `crm_et_${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`
}
