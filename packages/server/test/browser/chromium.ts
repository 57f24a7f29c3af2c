import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

// CHROMIUM_PATH, else Debian's, else the npm-shipped one: one lookup for the server's and the widget's browser tests.
export { launchChromium } from '@crm/test-chromium'

const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url))

/**
 * Saves a screenshot (the whole page unless `fullPage` is false) to `packages/server/test-artifacts/<name>.png` for a human to look at.
 *
 * @example
 * await screenshot(page, 'customers')
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(artifacts, { recursive: true })
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage })
}

/**
 * Records every alert or prompt (`alert(1)` from injected markup would open one) and every CSP violation or page error.
 *
 * @example
 * const trouble = watchForTrouble(page)
 * expect(trouble.dialogs).toEqual([])
 */
export function watchForTrouble(page: Page): { dialogs: string[]; errors: string[] } {
  const trouble = { dialogs: [] as string[], errors: [] as string[] }
  page.on('dialog', (dialog) => {
    // A confirm() is the page's own question (revoking a key); the test answers it.
    if (dialog.type() === 'confirm') return
    trouble.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => trouble.errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) trouble.errors.push(message.text())
  })
  return trouble
}
