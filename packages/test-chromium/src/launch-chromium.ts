import { chromium, type Browser } from 'playwright-core'
import { findChromium } from './find-chromium'

/**
 * The flags every browser test starts Chromium with. Without the background-networking ones, Chromium's own calls
 * home are refused by a closed network (as on the CI machines), many at a time. `@sparticuz/chromium`'s `args` are
 * left out on purpose: they are for AWS Lambda, and `--disable-web-security` and `--allow-running-insecure-content`
 * would hide the CSP and cross-origin faults these tests look for, and `--single-process` is not needed outside
 * Lambda; its browser runs with these flags as it is.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Starts a headless Chromium for a browser test, from wherever `findChromium` finds one (`CHROMIUM_PATH`, Debian's,
 * then the npm-shipped one).
 *
 * @example
 * const browser = await launchChromium()
 * const page = await browser.newPage()
 * await page.goto('http://127.0.0.1:3000/admin')
 * await browser.close()
 */
export async function launchChromium(): Promise<Browser> {
  const { executablePath } = await findChromium()
  return chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS] })
}
