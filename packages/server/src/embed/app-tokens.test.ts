import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppsService } from '../apps'
import type { KeyCaller } from '../http/env'
import { createStores, openDatabase, type Stores } from '../store'
import { AppTokens } from './app-tokens'
import { signToken } from './signed-token'
import { SigningSecretStore } from './signing-secret-store'

let stores: Stores
let apps: AppsService
let tokens: AppTokens

beforeEach(() => {
  stores = createStores(openDatabase(':memory:', { synchronous: 'NORMAL' }))
  apps = new AppsService(stores.apps)
  tokens = new AppTokens({ secrets: new SigningSecretStore(stores.db), keys: apps, apps: stores.apps, accounts: stores.accounts })
})
afterEach(() => {
  apps.close()
  stores.db.close()
})

/** A new owner's app and the callers its two keys stand for. */
function newApp(name: string): { secret: KeyCaller; publishable: KeyCaller } {
  const ownerId = `user_${name}`
  stores.accounts.insertUser({ id: ownerId, name, email: `${name}@example.com`, passwordHash: 'x', createdAt: Date.now() })
  const { apiKeys } = apps.createApp(ownerId, { name, currency: 'USD', timezone: 'UTC', language: 'en' })
  return { secret: apps.authenticate(apiKeys.secret)!, publishable: apps.authenticate(apiKeys.publishable)! }
}

describe('embed tokens die with the key that minted them', () => {
  it('reads as an embed caller of the key’s app until that key is revoked', () => {
    const shop = newApp('shop')
    const { token } = tokens.mintEmbed(shop.secret, 600)!
    expect(tokens.verify(token)).toMatchObject({ app: { id: shop.secret.app.id }, keyType: 'embed', keyId: expect.stringMatching(/^et_/) })
    apps.revokeKey(shop.secret.app, shop.secret.keyId)
    expect(tokens.verify(token)).toBeUndefined()
  })

  it('keeps a token of another, live key of the same app working', () => {
    const shop = newApp('shop')
    const second = apps.createKey(shop.secret.app, 'secret', 'Second')
    const fromSecond = tokens.mintEmbed(apps.authenticate(second.key)!, 600)!
    const fromFirst = tokens.mintEmbed(shop.secret, 600)!
    apps.revokeKey(shop.secret.app, shop.secret.keyId)
    expect(tokens.verify(fromFirst.token)).toBeUndefined()
    expect(tokens.verify(fromSecond.token)?.app.id).toBe(shop.secret.app.id)
  })

  it('is minted by a live secret API key only: not a publishable key, an admin page’s token or a revoked key', () => {
    const shop = newApp('shop')
    expect(tokens.mintEmbed(shop.publishable, 600)).toBeUndefined()
    const adminPage: KeyCaller = { app: shop.secret.app, keyType: 'secret', keyId: 'session_abc' }
    expect(tokens.mintEmbed(adminPage, 600)).toBeUndefined()
    const other = newApp('other')
    expect(tokens.mintEmbed({ ...shop.secret, app: other.secret.app }, 600)).toBeUndefined()
    apps.revokeKey(shop.secret.app, shop.secret.keyId)
    expect(tokens.mintEmbed(shop.secret, 600)).toBeUndefined()
  })

  it('refuses a signed token whose key belongs to another app, or is a publishable key', () => {
    const shop = newApp('shop')
    const other = newApp('other')
    const secret = new SigningSecretStore(stores.db).secret('app-tokens')
    const claims = { scope: 'embed' as const, exp: Math.floor(Date.now() / 1000) + 600, jti: 'j1' }
    expect(tokens.verify(signToken(secret, { ...claims, app: shop.secret.app.publicId, kid: shop.secret.keyId }))).toBeDefined()
    expect(tokens.verify(signToken(secret, { ...claims, app: other.secret.app.publicId, kid: shop.secret.keyId }))).toBeUndefined()
    expect(tokens.verify(signToken(secret, { ...claims, app: shop.secret.app.publicId, kid: shop.publishable.keyId }))).toBeUndefined()
    expect(tokens.verify(signToken(secret, { ...claims, app: shop.secret.app.publicId, kid: 'key_unknown' }))).toBeUndefined()
  })

  it('looks the key up once: later requests are served from memory, and revocation still ends them at once', () => {
    const shop = newApp('shop')
    const lookups = vi.spyOn(stores.apps, 'findKeyById')
    const { token } = tokens.mintEmbed(shop.secret, 600)!
    for (let i = 0; i < 5; i++) expect(tokens.verify(token)).toBeDefined()
    expect(lookups).toHaveBeenCalledTimes(1)
    apps.revokeKey(shop.secret.app, shop.secret.keyId)
    expect(tokens.verify(token)).toBeUndefined()
  })
})
