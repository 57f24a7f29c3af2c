// CHROMIUM_PATH, else Debian's, else the npm-shipped one: one lookup for the widget's and the server's browser tests.
export { launchChromium } from '@crm/test-chromium'

/** Where screenshots go for a human to look at (gitignored). */
export const artifactsDir = new URL('../test-artifacts/', import.meta.url)
