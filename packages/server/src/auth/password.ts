import { hash, verify, type Options } from '@node-rs/argon2'

/** OWASP's Argon2id setting: 19 MiB of memory, 2 iterations, 1 lane. (`2` is `Algorithm.Argon2id`, a const enum.) */
const ARGON2ID: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

/**
 * Hashes a password with Argon2id (PHC string format, salt included).
 *
 * @example
 * const stored = await hashPassword('correct horse battery staple')
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID)
}

/**
 * Checks a password against a stored Argon2 hash.
 *
 * @example
 * await verifyPassword(stored, 'correct horse battery staple') // true
 */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined

/**
 * Spends the time a real verification would, so an unknown email answers as slowly as a wrong password.
 *
 * @example
 * if (!user) await burnPasswordCheck(password)
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password')
  await verifyPassword(await dummyHash, password)
}
