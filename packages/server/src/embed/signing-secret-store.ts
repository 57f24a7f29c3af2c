import { randomBytes } from 'node:crypto'
import type { Db } from '../store'

/**
 * Named random secrets that sign tokens, kept in the database so tokens survive a restart and every process
 * serving the same database agrees on them.
 *
 * @example
 * const secret = new SigningSecretStore(db).secret('embed-tokens') // 32 random bytes, the same every time
 */
export class SigningSecretStore {
  readonly #insert
  readonly #select

  constructor(db: Db) {
    this.#insert = db.prepare('INSERT INTO signing_secrets (name, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING')
    this.#select = db.prepare<[string], { secret: Buffer }>('SELECT secret FROM signing_secrets WHERE name = ?')
  }

  /** The secret called `name`, created (32 random bytes) on first use. */
  secret(name: string): Uint8Array {
    this.#insert.run(name, randomBytes(32), Date.now())
    return new Uint8Array(this.#select.get(name)!.secret)
  }
}
