import { describe, expect, it, vi } from 'vitest'
import { DEBIAN_CHROMIUM, findChromium, type ChromiumPlaces } from './find-chromium'

const NPM_CHROMIUM = '/tmp/crm-chromium-153.0.0/chromium'

/** A machine with the given files, `CHROMIUM_PATH` as given, and the npm-shipped Chromium installed or not. */
function machine(files: string[], env: Record<string, string> = {}, npmInstalled = true) {
  const unpackNpmChromium = vi.fn(async () => (npmInstalled ? NPM_CHROMIUM : undefined))
  const places: ChromiumPlaces = { env, exists: (path) => files.includes(path), unpackNpmChromium }
  return { places, unpackNpmChromium }
}

describe('findChromium', () => {
  it('takes the Chromium that CHROMIUM_PATH names before any other', async () => {
    const { places, unpackNpmChromium } = machine(['/opt/chrome/chrome', DEBIAN_CHROMIUM], { CHROMIUM_PATH: '/opt/chrome/chrome' })
    expect(await findChromium(places)).toEqual({ executablePath: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' })
    expect(unpackNpmChromium).not.toHaveBeenCalled()
  })

  it("takes Debian's next, without unpacking the npm one", async () => {
    const { places, unpackNpmChromium } = machine([DEBIAN_CHROMIUM])
    expect(await findChromium(places)).toEqual({ executablePath: DEBIAN_CHROMIUM, source: 'debian' })
    expect(unpackNpmChromium).not.toHaveBeenCalled()
  })

  it('unpacks the npm-shipped Chromium on a machine with no other', async () => {
    const { places, unpackNpmChromium } = machine([], { CHROMIUM_PATH: '' })
    expect(await findChromium(places)).toEqual({ executablePath: NPM_CHROMIUM, source: 'npm' })
    expect(unpackNpmChromium).toHaveBeenCalledOnce()
  })

  it('refuses a CHROMIUM_PATH that names no file rather than test another browser', async () => {
    const { places } = machine([DEBIAN_CHROMIUM], { CHROMIUM_PATH: '/opt/chrome/chrme' })
    await expect(findChromium(places)).rejects.toThrow('CHROMIUM_PATH=/opt/chrome/chrme, but there is no file there')
  })

  it('says what it tried and what to do when there is no Chromium at all', async () => {
    const { places } = machine([], {}, false)
    const failure = findChromium(places)
    await expect(failure).rejects.toThrow(/CHROMIUM_PATH is not set, \/usr\/bin\/chromium does not exist, and @sparticuz\/chromium/)
    await expect(failure).rejects.toThrow(/npm ci.*apt-get install chromium.*CHROMIUM_PATH/)
  })
})
