import { createRequire } from 'node:module'
import type BetterSqlite3 from 'better-sqlite3'
import { nodeMajor } from '../runtime'

/**
 * The first Node major whose `node::ObjectWrap` registers an environment cleanup hook per object: better-sqlite3 12
 * is built on it, and from then on, when the garbage collector frees one of its statements while no Node
 * environment is current (a collection inside a `vm` context, for one), removing that hook fails an assertion and
 * the process aborts (`Assertion failed: (env) != nullptr` in `RemoveEnvironmentCleanupHook`). Our server aborted
 * this way at every start on Node 24.21.
 */
const FIRST_NODE_FOR_BETTER_SQLITE3_13 = 24

/** The package that runs on this Node: better-sqlite3 12 up to Node 23, 13 (installed as `better-sqlite3-13`) after. */
export const sqliteDriverPackage = nodeMajor() >= FIRST_NODE_FOR_BETTER_SQLITE3_13 ? 'better-sqlite3-13' : 'better-sqlite3'

/**
 * better-sqlite3's `Database` class, from the release that runs on this Node. Release 13 is built on
 * node-addon-api, without `ObjectWrap`, and does not abort on Node 24; it needs Node 22 or later (on Node 20 it
 * crashes at the first statement), so Node 20 and 22 keep release 12. Both have the same API.
 *
 * @example
 * const db = new Database(':memory:')
 * db.prepare('SELECT 1 AS one').get() // { one: 1 }
 */
export const Database: typeof BetterSqlite3 = createRequire(import.meta.url)(sqliteDriverPackage)

/** A better-sqlite3 connection. */
export type Db = BetterSqlite3.Database
