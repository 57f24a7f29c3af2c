import { chromium, type Browser } from 'playwright-core'

/** Debian's chromium, headless, as CI installs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Where screenshots go for a human to look at (gitignored). */
export const artifactsDir = new URL('../test-artifacts/', import.meta.url)
