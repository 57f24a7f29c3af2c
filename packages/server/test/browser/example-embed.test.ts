import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmbedServer } from '../../../../examples/embed/src/embed-server'
import { startTestServer, type TestServer } from '../harness'
import { buildBrowserAssets } from './build-assets'
import { launchChromium, screenshot, watchForTrouble } from './chromium'
import { sendEvents } from './seed-events'

let server: TestServer
let browser: Browser
let paths: Record<string, unknown>
const closers: (() => Promise<void>)[] = []

beforeAll(async () => {
  buildBrowserAssets()
  server = await startTestServer()
  browser = await launchChromium()
  paths = (await server.call('GET', '/openapi.json')).body.paths
})

afterAll(async () => {
  await browser?.close()
  for (const close of closers) await close()
  await server?.close()
})

async function startExample(ttlSeconds: number): Promise<string> {
  const account = await server.signup('Shop')
  await sendEvents(server.url, account.publishable)
  const example = createEmbedServer({ crmHost: server.url, secretKey: account.secret, ttlSeconds })
  await new Promise<void>((resolve) => example.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise((resolve) => example.close(() => resolve())))
  return `http://127.0.0.1:${(example.address() as AddressInfo).port}/`
}

const state = (view: string) => `crm-insights[view="${view}"] [data-state]`

describe('examples/embed', { timeout: 60_000 }, () => {
  it('shows the widget on its own origin with a token its backend minted', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    const trouble = watchForTrouble(page)
    await page.goto(await startExample(600))
    const revenue = page.locator(state('revenue'))
    await expect.poll(() => revenue.getAttribute('data-state'), { timeout: 15_000 }).toBe('/v1/reports/sales' in paths ? 'ready' : 'error')
    for (const view of ['summary', 'forecast', 'recommendations']) {
      const expected = '/v1/insights' in paths ? ['ready', 'empty'] : ['error']
      await expect.poll(() => page.locator(state(view)).getAttribute('data-state'), { timeout: 15_000 }).toSatisfy((value) => expected.includes(String(value)))
    }
    await screenshot(page, 'example-embed')
    expect(trouble.errors).toEqual([])
    await page.close()
  })

  it('gets a new token from its backend when the old one expires', async () => {
    const page = await browser.newPage()
    await page.goto(await startExample(1))
    const revenue = page.locator(state('revenue'))
    const working = '/v1/reports/sales' in paths ? 'ready' : 'error'
    await expect.poll(() => revenue.getAttribute('data-state'), { timeout: 15_000 }).toBe(working)
    const first = await page.locator('crm-insights[view="revenue"]').getAttribute('token')
    await new Promise((resolve) => setTimeout(resolve, 1200))
    await page.evaluate(() => (document.querySelector('crm-insights[view="revenue"]') as HTMLElement & { refresh(): void }).refresh())
    await expect.poll(() => page.locator('crm-insights[view="revenue"]').getAttribute('token'), { timeout: 15_000 }).not.toBe(first)
    await expect.poll(() => revenue.getAttribute('data-state'), { timeout: 15_000 }).toBe(working)
    await page.close()
  })
})
