import { existsSync } from 'node:fs'
import { unpackNpmChromium } from './unpack-npm-chromium'

/** Where Debian's `chromium` package puts the browser (`apt-get install chromium`). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/** Where the Chromium that a test drives came from. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'debian' | 'npm'

/** A Chromium executable and where it was found. */
export interface FoundChromium {
  executablePath: string
  source: ChromiumSource
}

/** What `findChromium` looks at; the tests of the lookup order pass their own. */
export interface ChromiumPlaces {
  env: Readonly<Record<string, string | undefined>>
  exists: (path: string) => boolean
  /** The npm-shipped Chromium's executable, unpacked if need be; `undefined` where it is not installed or cannot run. */
  unpackNpmChromium: () => Promise<string | undefined>
}

const machinePlaces: ChromiumPlaces = { env: process.env, exists: existsSync, unpackNpmChromium }

/**
 * The Chromium the browser tests drive, looked for in this order: the one `CHROMIUM_PATH` names, Debian's
 * `/usr/bin/chromium`, then the one `@sparticuz/chromium` ships (a devDependency, so `npm ci` is all a fresh machine
 * needs). The npm one is unpacked only when the first two are missing, because unpacking it costs seconds and 200 MB
 * of /tmp. Throws, saying what was tried, when `CHROMIUM_PATH` names a missing file (a typo should not silently test
 * another browser) or when there is no Chromium at all.
 *
 * @example
 * const { executablePath, source } = await findChromium() // { executablePath: '/usr/bin/chromium', source: 'debian' }
 */
export async function findChromium(places: ChromiumPlaces = machinePlaces): Promise<FoundChromium> {
  const named = places.env.CHROMIUM_PATH
  if (named) {
    if (!places.exists(named)) throw new Error(`CHROMIUM_PATH=${named}, but there is no file there. Point it at a Chromium executable, or unset it.`)
    return { executablePath: named, source: 'CHROMIUM_PATH' }
  }
  if (places.exists(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: 'debian' }
  const unpacked = await places.unpackNpmChromium()
  if (unpacked) return { executablePath: unpacked, source: 'npm' }
  throw new Error(
    `No Chromium for the browser tests: CHROMIUM_PATH is not set, ${DEBIAN_CHROMIUM} does not exist, and @sparticuz/chromium ` +
      `(a devDependency, Linux x64 only) is not installed or not for ${process.platform}-${process.arch}. ` +
      `Run \`npm ci\` at the repository's root, or \`apt-get install chromium\`, or set CHROMIUM_PATH to a Chromium executable.`,
  )
}
