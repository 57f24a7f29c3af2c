import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type Account, type TestServer } from '../harness'
import { buildBrowserAssets } from './build-assets'
import { launchChromium, screenshot, watchForTrouble } from './chromium'
import { hasText, visible } from './page-expect'
import { startSecondOrigin, type SecondOrigin } from './second-origin'
import { HOSTILE_NAME, HOSTILE_PRODUCT, sendEvents } from './seed-events'

let server: TestServer
let site: SecondOrigin
let browser: Browser
let account: Account
let hasReports: boolean

beforeAll(async () => {
  buildBrowserAssets()
  server = await startTestServer()
  site = await startSecondOrigin()
  browser = await launchChromium()
  account = await server.signup('Embedder')
  await sendEvents(server.url, account.publishable)
  hasReports = '/v1/reports/sales' in (await server.call('GET', '/openapi.json')).body.paths
})

afterAll(async () => {
  await browser?.close()
  await site?.close()
  await server?.close()
})

async function mint(ttlSeconds: number): Promise<string> {
  const res = await server.call('POST', '/v1/embed-tokens', { key: account.secret, body: { ttlSeconds } })
  expect(res.status).toBe(201)
  return res.body.token
}

/** A page of the second origin embedding the widget the way the README says, under a strict policy of its own. */
function embedPage(name: string, token: string, view = 'revenue', lang = 'en'): string {
  return site.page(
    `/${name}.html`,
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
     <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${server.url}; connect-src ${server.url}">
     <title>Shop</title></head><body><h1>My shop</h1>
     <script src="${server.url}/widget.js" async></script>
     <crm-insights token="${token}" view="${view}"></crm-insights></body></html>`,
  )
}

describe('the widget on another origin', { timeout: 60_000 }, () => {
  it('is served as a cacheable cross-origin script', async () => {
    const res = await fetch(`${server.url}/widget.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/)
    expect(await res.text()).toContain('crm-insights')
  })

  it('renders with a valid token, hostile names as text, no customer’s name, and opens no dialog', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 800 } })
    const trouble = watchForTrouble(page)
    await page.goto(embedPage('valid', await mint(600)))
    const card = page.locator('crm-insights [data-state]')
    await visible(card)
    if (hasReports) {
      await expect.poll(() => card.getAttribute('data-state'), { timeout: 15_000 }).toBe('ready')
      await hasText(card, HOSTILE_PRODUCT)
      // The best customer is named with markup: a widget's token is public, so it shows a rank, never the name.
      await hasText(card, 'Customer #1')
      const shown = (await card.textContent()) ?? ''
      for (const name of [HOSTILE_NAME, 'Ada Lovelace', 'hostile']) expect(shown).not.toContain(name)
      expect(await page.locator('crm-insights img').count()).toBe(0)
      await visible(page.locator('crm-insights svg'))
    } else {
      // Without the reports endpoint the token still authenticates: a 404 is an error, not an expired token.
      await expect.poll(() => card.getAttribute('data-state'), { timeout: 15_000 }).toBe('error')
    }
    await screenshot(page, 'widget-embedded')
    expect(trouble.dialogs).toEqual([])
    expect(trouble.errors).toEqual([])
    await page.close()
  })

  it('loads on a page whose language has a region (<html lang="en-US">), passing it to the API as it is', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 600 } })
    const langs: (string | null)[] = []
    page.on('request', (request) => {
      if (request.url().startsWith(`${server.url}/v1/`)) langs.push(new URL(request.url()).searchParams.get('lang'))
    })
    await page.goto(embedPage('en-us', await mint(600), 'summary', 'en-US'))
    const card = page.locator('crm-insights [data-state]')
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 15_000 }).toBe('ready')
    expect(langs.length).toBeGreaterThan(0)
    expect(new Set(langs)).toEqual(new Set(['en-US']))
    await page.close()
  })

  it('shows the expired state with an old token and with a tampered one', async () => {
    const old = await mint(1)
    await new Promise((resolve) => setTimeout(resolve, 1200))
    const page = await browser.newPage({ viewport: { width: 900, height: 500 } })
    await page.goto(embedPage('expired', old))
    const card = page.locator('crm-insights [data-state]')
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 15_000 }).toBe('expired')
    await screenshot(page, 'widget-expired')
    const valid = await mint(600)
    const tampered = valid.slice(0, -3) + (valid.endsWith('AAA') ? 'BBB' : 'AAA')
    await page.goto(embedPage('tampered', tampered))
    await expect.poll(() => page.locator('crm-insights [data-state]').getAttribute('data-state'), { timeout: 15_000 }).toBe('expired')
    await page.close()
  })
})
