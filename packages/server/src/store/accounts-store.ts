import type { Db } from './database'

export type UserRow = { id: string; name: string; email: string; passwordHash: string; createdAt: number }
export type SessionRow = { id: string; userId: string; secretHash: Uint8Array; createdAt: number; lastVerifiedAt: number }

/**
 * Users and their sessions.
 *
 * @example
 * const accounts = new AccountsStore(db)
 * accounts.findUserByEmail('ada@example.com')
 */
export class AccountsStore {
  readonly #insertUser
  readonly #userByEmail
  readonly #userById
  readonly #insertSession
  readonly #sessionById
  readonly #touchSession
  readonly #deleteSession
  readonly #deleteExpired

  constructor(private readonly db: Db) {
    this.#insertUser = db.prepare(
      'INSERT INTO users (id, name, email, password_hash, created_at) VALUES (@id, @name, @email, @passwordHash, @createdAt)',
    )
    const userColumns = 'id, name, email, password_hash AS passwordHash, created_at AS createdAt'
    this.#userByEmail = db.prepare<[string], UserRow>(`SELECT ${userColumns} FROM users WHERE email = ?`)
    this.#userById = db.prepare<[string], UserRow>(`SELECT ${userColumns} FROM users WHERE id = ?`)
    this.#insertSession = db.prepare(
      'INSERT INTO sessions (id, user_id, secret_hash, created_at, last_verified_at) VALUES (@id, @userId, @secretHash, @createdAt, @lastVerifiedAt)',
    )
    this.#sessionById = db.prepare<[string], SessionRow>(
      'SELECT id, user_id AS userId, secret_hash AS secretHash, created_at AS createdAt, last_verified_at AS lastVerifiedAt FROM sessions WHERE id = ?',
    )
    this.#touchSession = db.prepare('UPDATE sessions SET last_verified_at = ? WHERE id = ?')
    this.#deleteSession = db.prepare('DELETE FROM sessions WHERE id = ?')
    this.#deleteExpired = db.prepare('DELETE FROM sessions WHERE last_verified_at < ?')
  }

  /**
   * Runs `work` in one transaction, so a sign-up creates its user, app and keys together or not at all. Immediate:
   * it reads before it writes, and the writer thread's connection may commit in between.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate()
  }

  insertUser(user: UserRow): void {
    this.#insertUser.run(user)
  }

  findUserByEmail(email: string): UserRow | undefined {
    return this.#userByEmail.get(email)
  }

  findUserById(id: string): UserRow | undefined {
    return this.#userById.get(id)
  }

  insertSession(session: SessionRow): void {
    this.#insertSession.run({ ...session, secretHash: Buffer.from(session.secretHash) })
  }

  findSession(id: string): SessionRow | undefined {
    return this.#sessionById.get(id)
  }

  touchSession(id: string, lastVerifiedAt: number): void {
    this.#touchSession.run(lastVerifiedAt, id)
  }

  deleteSession(id: string): void {
    this.#deleteSession.run(id)
  }

  deleteSessionsIdleSince(time: number): number {
    return this.#deleteExpired.run(time).changes
  }
}
