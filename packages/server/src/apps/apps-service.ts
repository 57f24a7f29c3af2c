import { ApiError } from '../http/api-error'
import type { KeyCaller } from '../http/env'
import { randomId } from '../ids'
import type { ApiKeyRow, AppRow, AppSettings, AppsStore, KeyType } from '../store'
import { isoTime } from '../time'
import { generateApiKey, hashApiKey, keyTypeOf } from './api-key'

export type AppView = {
  id: string
  name: string
  currency: string
  timezone: string
  language: string
  createdAt: string
  lastEventAt: string | null
  keys: KeyView[]
}

export type KeyView = {
  id: string
  type: KeyType
  name: string | null
  prefix: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

export type NewKeys = { publishable: string; secret: string }


/**
 * Apps and API keys: creation, settings, key issue and revocation, and authentication of a presented key.
 * Key look-ups (by the key, and by its id for the tokens it mints) are cached in memory (revocation evicts at
 * once); last-use times are buffered and written every `flushIntervalMs`, so using a key costs no write.
 *
 * @example
 * const caller = apps.authenticate('crm_sk_…') // { app, keyType: 'secret', keyId } or undefined
 */
export class AppsService {
  readonly #keysByHash = new Map<string, ApiKeyRow | null>()
  readonly #keysById = new Map<string, ApiKeyRow | null>()
  readonly #appsById = new Map<number, AppRow>()
  readonly #lastUsed = new Map<string, number>()
  readonly #timer: NodeJS.Timeout

  constructor(
    private readonly store: AppsStore,
    flushIntervalMs = 30_000,
  ) {
    this.#timer = setInterval(() => this.flushKeyUse(), flushIntervalMs)
    this.#timer.unref()
  }

  /** Creates an app with one publishable and one secret key; the raw keys are returned only here. */
  createApp(ownerId: string, settings: AppSettings): { app: AppView; apiKeys: NewKeys } {
    const app = this.store.insertApp({ publicId: randomId('app_', 10), ownerId, createdAt: Date.now(), ...settings })
    const publishable = this.#issueKey(app.id, 'publishable', 'Default publishable key')
    const secret = this.#issueKey(app.id, 'secret', 'Default secret key')
    return { app: this.view(app), apiKeys: { publishable: publishable.key, secret: secret.key } }
  }

  listApps(ownerId: string): AppView[] {
    return this.store.listAppsByOwner(ownerId).map((app) => this.view(app))
  }

  /** The owner's app by its public id; `404` for an app that does not exist or belongs to someone else. */
  ownedApp(ownerId: string, publicId: string): AppRow {
    const app = this.store.findAppByPublicId(publicId)
    if (!app || app.ownerId !== ownerId) throw new ApiError(404, 'not_found', `No app with id "${publicId}".`)
    return app
  }

  updateApp(app: AppRow, changes: Partial<AppSettings>): AppView {
    const settings: AppSettings = {
      name: changes.name ?? app.name,
      currency: changes.currency ?? app.currency,
      timezone: changes.timezone ?? app.timezone,
      language: changes.language ?? app.language,
    }
    this.store.updateApp(app.id, settings)
    this.#appsById.delete(app.id)
    return this.view(this.store.findAppById(app.id)!)
  }

  createKey(app: AppRow, type: KeyType, name: string | null): KeyView & { key: string } {
    const { key, row } = this.#issueKey(app.id, type, name)
    return { ...this.#keyView(row), key }
  }

  revokeKey(app: AppRow, keyId: string): void {
    const hash = this.store.revokeKey(app.id, keyId, Date.now())
    if (hash === undefined) throw new ApiError(404, 'not_found', `No active key with id "${keyId}" in this app.`)
    this.#keysByHash.delete(hash)
    this.#keysById.delete(keyId)
  }

  /** The caller a raw API key stands for, or undefined for an unknown or revoked key. */
  authenticate(rawKey: string): KeyCaller | undefined {
    if (!keyTypeOf(rawKey)) return undefined
    const hash = hashApiKey(rawKey)
    let key = this.#keysByHash.get(hash)
    if (key === undefined) {
      key = this.store.findKeyByHash(hash) ?? null
      if (this.#keysByHash.size > 10_000) this.#keysByHash.clear()
      this.#keysByHash.set(hash, key)
    }
    if (!key || key.revokedAt !== null) return undefined
    const app = this.app(key.appId)
    if (!app) return undefined
    this.#lastUsed.set(key.id, Date.now())
    return { app, keyType: key.type, keyId: key.id }
  }

  /**
   * The caller the key with id `keyId` stands for, while that key lives; undefined once it is revoked, or for an id
   * that is not a key's (a session's, say). For tokens a key mints, which must die with it; served from memory, as
   * it runs on every request such a token makes. Does not count as a use of the key.
   *
   * @example
   * apps.keyCaller('key_abc') // { app, keyType: 'secret', keyId: 'key_abc' }, or undefined after revokeKey
   */
  keyCaller(keyId: string): KeyCaller | undefined {
    let key = this.#keysById.get(keyId)
    if (key === undefined) {
      key = this.store.findKeyById(keyId) ?? null
      if (this.#keysById.size > 10_000) this.#keysById.clear()
      this.#keysById.set(keyId, key)
    }
    if (!key || key.revokedAt !== null) return undefined
    const app = this.app(key.appId)
    return app && { app, keyType: key.type, keyId: key.id }
  }

  /** An app's current settings by internal id (cached). */
  app(appId: number): AppRow | undefined {
    let app = this.#appsById.get(appId)
    if (!app) {
      app = this.store.findAppById(appId)
      if (app) this.#appsById.set(appId, app)
    }
    return app
  }

  /** The app as stored now, counters included (not cached). */
  freshApp(appId: number): AppRow | undefined {
    return this.store.findAppById(appId)
  }

  /** Writes buffered key last-use times. Called on a timer and at shutdown. */
  flushKeyUse(): void {
    if (this.#lastUsed.size === 0) return
    const pending = new Map(this.#lastUsed)
    this.#lastUsed.clear()
    this.store.touchKeys(pending)
  }

  close(): void {
    clearInterval(this.#timer)
    this.flushKeyUse()
  }

  view(app: AppRow): AppView {
    return {
      id: app.publicId,
      name: app.name,
      currency: app.currency,
      timezone: app.timezone,
      language: app.language,
      createdAt: new Date(app.createdAt).toISOString(),
      lastEventAt: isoTime(app.lastEventAt),
      keys: this.store.listKeys(app.id).map((key) => this.#keyView(key)),
    }
  }

  #keyView(key: ApiKeyRow): KeyView {
    const pending = this.#lastUsed.get(key.id)
    const lastUsedAt = pending !== undefined ? Math.max(pending, key.lastUsedAt ?? 0) : key.lastUsedAt
    return {
      id: key.id,
      type: key.type,
      name: key.name,
      prefix: key.prefix,
      createdAt: new Date(key.createdAt).toISOString(),
      lastUsedAt: isoTime(lastUsedAt),
      revokedAt: isoTime(key.revokedAt),
    }
  }

  #issueKey(appId: number, type: KeyType, name: string | null): { key: string; row: ApiKeyRow } {
    const generated = generateApiKey(type)
    const row: ApiKeyRow = {
      id: generated.id,
      appId,
      type,
      name,
      prefix: generated.prefix,
      hash: generated.hash,
      createdAt: Date.now(),
      lastUsedAt: null,
      revokedAt: null,
    }
    this.store.insertKey(row)
    return { key: generated.key, row }
  }
}
