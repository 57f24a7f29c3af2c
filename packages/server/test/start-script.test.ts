import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { youngGenerationCapFlag } from '../src/heap'
import { nodeMajor } from '../src/runtime'
import { type LogLine, startScriptFlags, startServerProcess } from './server-process'

const dir = mkdtempSync(join(tmpdir(), 'crm-start-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The server's log lines until it listens, then it is stopped. */
async function startupLog(nodeFlags: string[], database: string): Promise<LogLine[]> {
  const server = await startServerProcess({ CRM_DATABASE: database }, nodeFlags)
  await server.stop()
  return server.startupLog
}

describe('the start script', () => {
  it('caps the old generation at 1 GiB, and the root start uses the same flags', () => {
    const flags = startScriptFlags()
    expect(flags).toEqual(['--max-old-space-size=1024'])
    const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }
    expect(root.scripts.start).toContain(`node ${flags.join(' ')} packages/server/dist/main.js`)
  })

  it('runs the server (as the tests and benchmarks start it) with that heap limit, and a server started without the flags warns', async () => {
    const withFlags = await startupLog(startScriptFlags(), join(dir, 'a.sqlite'))
    const listening = withFlags.find((line) => line.msg === 'listening')
    expect(listening?.heapLimitMiB).toBeGreaterThan(1024)
    expect(listening?.heapLimitMiB).toBeLessThan(1536)
    expect(withFlags.some((line) => line.level === 'warn')).toBe(false)

    const withoutFlags = await startupLog(['--max-old-space-size=4096'], join(dir, 'b.sqlite'))
    expect(withoutFlags.find((line) => line.msg === 'listening')?.heapLimitMiB).toBeGreaterThan(4096)
    expect(withoutFlags.some((line) => line.level === 'warn' && line.msg.startsWith('started without the V8 flags'))).toBe(true)
  })

  const major = nodeMajor()
  it(`on Node ${major}, ${major >= 24 ? 'restarts in place (same pid) with' : 'runs without'} the main thread's young-generation cap`, async () => {
    const server = await startServerProcess({ CRM_DATABASE: join(dir, 'c.sqlite') })
    const argv = readFileSync(`/proc/${server.child.pid}/cmdline`, 'utf8').split('\0')
    await server.stop()
    expect(argv).toContain('--max-old-space-size=1024')
    const cap = youngGenerationCapFlag()
    expect(cap !== undefined && argv.includes(cap)).toBe(major >= 24)
  })
})
