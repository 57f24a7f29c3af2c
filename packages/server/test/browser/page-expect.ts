import type { Locator } from 'playwright-core'
import { expect } from 'vitest'

// playwright-core has no web-first assertions (those live in @playwright/test): these poll the page the same way.

/** Waits until the locator is visible. */
export function visible(locator: Locator, timeout = 10_000): Promise<void> {
  return locator.first().waitFor({ state: 'visible', timeout })
}

/** Polls until the locator's text contains `text`. */
export async function hasText(locator: Locator, text: string, timeout = 10_000): Promise<void> {
  await expect.poll(async () => (await locator.count()) > 0 ? locator.first().textContent() : '', { timeout }).toContain(text)
}

/** Polls until the locator matches `count` elements. */
export async function hasCount(locator: Locator, count: number, timeout = 10_000): Promise<void> {
  await expect.poll(() => locator.count(), { timeout }).toBe(count)
}
