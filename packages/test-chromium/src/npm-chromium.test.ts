import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS } from './launch-chromium'
import { unpackNpmChromium } from './unpack-npm-chromium'

// The fallback is checked on every machine, including those where Debian's Chromium hides it from the other tests.
describe.runIf(process.platform === 'linux' && process.arch === 'x64')('the npm-shipped Chromium', () => {
  const sharedTmp = tmpdir()
  let freshTmp = ''

  beforeAll(() => {
    // A /tmp of its own, so that it is unpacked here and now, not found from an earlier run.
    freshTmp = mkdtempSync(join(sharedTmp, 'crm-test-chromium-'))
    process.env.TMPDIR = freshTmp
  })

  afterAll(() => {
    process.env.TMPDIR = sharedTmp
    rmSync(freshTmp, { recursive: true, force: true })
  })

  it('is unpacked whole once when two test files ask at the same time, and renders a page', async () => {
    const [first, second] = await Promise.all([unpackNpmChromium(), unpackNpmChromium()])
    expect(first).toMatch(/\/crm-chromium-\d+\.\d+\.\d+\/chromium$/)
    expect(first!.startsWith(freshTmp)).toBe(true)
    expect(second).toBe(first)
    expect(existsSync(first!)).toBe(true)
    // The loser's copy is gone: nothing half-unpacked is left to fill /tmp.
    expect(readdirSync(freshTmp).filter((name) => name.includes('.unpacking-'))).toEqual([])

    const browser = await chromium.launch({ executablePath: first!, args: [...CHROMIUM_FLAGS] })
    try {
      const page = await browser.newPage()
      await page.setContent('<p id="greeting">Hello from the npm-shipped Chromium</p><script>document.title = String(6 * 7)</script>')
      expect(await page.textContent('#greeting')).toBe('Hello from the npm-shipped Chromium')
      expect(await page.title()).toBe('42')
    } finally {
      await browser.close()
    }
  })
})
