import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'

const run = promisify(execFile)
const tsx = createRequire(import.meta.url).resolve('tsx/cli')
const fixture = fileURLToPath(new URL('fixtures/track-and-exit.ts', import.meta.url))
// A port nothing listens on: every request fails, so the SDK keeps retrying in the background.
const deadHost = 'http://127.0.0.1:9'

test('the SDK\'s timers never keep a Node process alive', async () => {
  const started = Date.now()
  await run(process.execPath, [tsx, fixture, deadHost], { timeout: 20_000 })
  // tsx start-up and the exit flush's 0.5 s flushTimeout included; the 5 s batch timer and the retry backoff (a minute)
  // were not waited for.
  expect(Date.now() - started).toBeLessThan(4500)
})

test('an awaited flush() keeps the process alive until its deadline, then reports what is pending', async () => {
  const { stdout } = await run(process.execPath, [tsx, fixture, deadHost, 'flush'], { timeout: 20_000 })
  const result = JSON.parse(stdout) as { sent: number; pending: number; waited: number }
  expect(result).toMatchObject({ sent: 0, pending: 10 })
  expect(result.waited).toBeGreaterThanOrEqual(1490)
})
