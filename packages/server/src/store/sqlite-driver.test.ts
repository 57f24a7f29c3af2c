import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { Database, sqliteDriverPackage } from './sqlite-driver'

// Statements left to the garbage collector, which then runs inside a `vm` context, where no Node environment is
// current: better-sqlite3 12 built for Node 24 aborts the process there; the package chosen must not.
const collectStatementsInsideVm = `
  const vm = require('node:vm')
  const Database = require(process.argv[1])
  const db = new Database(':memory:')
  db.exec('CREATE TABLE t (x INTEGER)')
  for (let i = 0; i < 1000; i++) {
    db.prepare('INSERT INTO t VALUES (?)').run(i)
    for (const row of db.prepare('SELECT x FROM t LIMIT 2').iterate()) void row
  }
  vm.runInNewContext('let kept = []; for (let i = 0; i < 2e6; i++) kept.push({ i }); kept = null')
  console.log(db.prepare('SELECT count(*) AS n FROM t').get().n)
`

describe('the SQLite driver', () => {
  it(`runs on Node ${process.versions.node}: statements collected while no Node environment is current do not abort the process`, () => {
    const packagePath = createRequire(import.meta.url).resolve(sqliteDriverPackage)
    const child = spawnSync(process.execPath, ['-e', collectStatementsInsideVm, packagePath], { encoding: 'utf8' })
    expect(child.stderr).not.toContain('Assertion failed')
    expect({ status: child.status, signal: child.signal, stdout: child.stdout.trim() }).toEqual({ status: 0, signal: null, stdout: '1000' })
  })

  it('is the package whose Database class the store opens', () => {
    expect(Database).toBe(createRequire(import.meta.url)(sqliteDriverPackage))
    const db = new Database(':memory:')
    expect(db.prepare('SELECT 41 + 1 AS answer').get()).toEqual({ answer: 42 })
    db.close()
  })
})
