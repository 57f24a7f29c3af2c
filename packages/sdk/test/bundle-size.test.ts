import { expect, test } from 'vitest'
import { buildBrowserBundle } from '../scripts/browser-build'
import { BROWSER_BUDGET_BYTES, measureBrowserBundle } from '../scripts/browser-bundle-size'

test('the browser ESM build, minified and gzipped with ofetch inside, fits in 8 KB', async () => {
  const { minified, gzipped } = await measureBrowserBundle()
  console.log(`browser ESM bundle: ${minified} B minified, ${gzipped} B gzipped (budget ${BROWSER_BUDGET_BYTES} B)`)
  // ofetch alone is about 4 KB gzipped; a bundle this small cannot have lost it.
  expect(minified).toBeGreaterThan(15_000)
  expect(gzipped).toBeLessThanOrEqual(BROWSER_BUDGET_BYTES)
})

test('the browser build leaves out the Node-only exit flush', async () => {
  const code = new TextDecoder().decode(await buildBrowserBundle())
  expect(code).not.toContain('beforeExit')
})
