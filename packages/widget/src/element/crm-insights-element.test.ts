import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { artifactsDir, launchChromium } from '../../test/chromium'
import { hostileProduct, hostileText } from '../../test/contract-fixtures'
import { startContractServer, tokens, type ContractServer } from '../../test/contract-server'
import { startHostPageServer, type HostPageServer } from '../../test/host-page-server'

let browser: Browser
let api: ContractServer
let site: HostPageServer
let page: Page
let dialogs: string[]
let pageErrors: string[]

beforeAll(async () => {
  await mkdir(artifactsDir, { recursive: true })
  ;[browser, api, site] = await Promise.all([launchChromium(), startContractServer(), startHostPageServer()])
})

afterAll(async () => {
  await browser?.close()
  await Promise.all([api?.close(), site?.close()])
})

beforeEach(async (context) => {
  page = await browser.newPage({ viewport: { width: 720, height: 900 } })
  dialogs = []
  pageErrors = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => pageErrors.push(error.message))
  api.requests.length = 0
  context.onTestFinished(() => page.close())
})

/** A page on the second origin that loads the widget script from the API's origin, as the README says. */
function embed(
  widgets: Record<string, string>[],
  options: { lang?: string; style?: string; csp?: string } = {},
): string {
  const pageCss = `body{margin:24px;font-family:sans-serif;background:#f3f4f6} crm-insights{margin-bottom:16px} ${options.style ?? ''}`
  // Only the host page's own <style> is allowed, by its hash: nothing the widget does may need more.
  const pageCssHash = createHash('sha256').update(pageCss).digest('base64')
  const headers = options.csp ? { 'Content-Security-Policy': `${options.csp}; style-src 'sha256-${pageCssHash}'` } : undefined
  const attribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')
  const elements = widgets
    .map((attributes) => `<crm-insights ${Object.entries(attributes).map(([name, value]) => `${name}="${attribute(value)}"`).join(' ')}></crm-insights>`)
    .join('\n')
  const html = `<!doctype html><html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8"><title>shop</title>
<style>${pageCss}</style></head>
<body><script src="${api.origin}/widget.js" async></script>
${elements}
</body></html>`
  return site.page(`/page-${Math.random().toString(36).slice(2)}`, html, headers)
}

const card = (state: string) => page.locator(`crm-insights .card[data-state="${state}"]`)

async function screenshot(name: string): Promise<void> {
  await page.locator('crm-insights').first().screenshot({ path: new URL(`${name}.png`, artifactsDir).pathname })
}

describe('<crm-insights> on a page of another origin', () => {
  it('renders the summary: summary text, key figures and top trends', async () => {
    await page.goto(embed([{ token: tokens.valid, view: 'summary' }]))
    await card('ready').waitFor()
    const text = await card('ready').innerText()
    expect(text).toContain('Insights')
    expect(text).toContain(`the best seller is ${hostileProduct}`)
    expect(text).toContain('Revenue is up 12.4% on the previous month.')
    expect(text).toContain('Orders fell 5% among new customers.')
    expect(text).toContain('$17,400.00')
    // The Authorization header makes the browser ask first: the preflight must have been answered.
    expect(api.requests.some((recorded) => recorded.method === 'OPTIONS' && recorded.path === '/v1/insights')).toBe(true)
    const request = api.requests.find((recorded) => recorded.method === 'GET' && recorded.path === '/v1/insights')
    expect(request?.authorization).toBe(`Bearer ${tokens.valid}`)
    expect(request?.origin).toBe(site.origin)
    expect(request?.query.get('lang')).toBe('en')
    await screenshot('summary')
  })

  it('renders revenue: an area chart of 12 months, totals, top products and customers', async () => {
    await page.goto(embed([{ token: tokens.valid, view: 'revenue' }]))
    await card('ready').waitFor()
    const widget = card('ready')
    expect(await widget.locator('svg.crm-chart').count()).toBe(1)
    expect(await widget.locator('.crm-chart-line').count()).toBe(1)
    expect(await widget.locator('.crm-chart-fill').count()).toBe(1)
    expect(await widget.locator('.crm-chart-point').count()).toBe(12)
    expect(await widget.locator('svg title').first().textContent()).toBe('Revenue')
    // The month `to` cuts short is a hollow point after a dashed segment, with a note: not drawn as a drop.
    expect(await widget.locator('.crm-chart-point-partial').count()).toBe(1)
    expect(await widget.locator('.crm-chart-partial-line').count()).toBe(1)
    expect(await widget.locator('.crm-chart-point-partial title').textContent()).toMatch(/^Revenue, Nov 26: .+ \(so far\)$/)
    const text = await widget.innerText()
    expect(text).toContain('Nov 26 is not over yet')
    // Net revenue with the gross and the refunds (and their rate) beside it.
    expect(text).toContain('Net revenue')
    expect(text).toContain('$144,170.50')
    expect(text).toContain('Refunds · 2.1%')
    expect(text).toContain('$3,020.00')
    expect(text).toContain('$141,150.50')
    expect(text).toContain('1,873')
    expect(text).toContain('Top products')
    // Top customers come anonymous from an embed token: by rank, with their revenue.
    expect(text).toContain('Customer #1')
    expect(text).toContain('Customer #3')
    expect(text).toContain('$4,210.00')
    expect(text).toContain('€1,200.00')
    const query = api.requests.find((recorded) => recorded.method === 'GET' && recorded.path === '/v1/reports/sales')?.query
    expect(query?.get('interval')).toBe('month')
    expect(query?.get('from')).toMatch(/^\d{4}-\d{2}-01$/)
    await screenshot('revenue')
  })

  it('renders the forecast: history, a dashed forecast with its interval band, and the backtest', async () => {
    await page.goto(embed([{ token: tokens.valid, view: 'forecast' }]))
    await card('ready').waitFor()
    const widget = card('ready')
    expect(await widget.locator('.crm-chart-forecast .crm-chart-line').count()).toBe(1)
    expect(await widget.locator('.crm-chart-forecast .crm-chart-band').count()).toBe(1)
    expect(await widget.locator('.crm-chart-area .crm-chart-line').count()).toBe(1)
    // Three forecast points plus the last actual month that joins the two lines.
    expect(await widget.locator('.crm-chart-forecast .crm-chart-point').count()).toBe(4)
    const bandPath = await widget.locator('.crm-chart-band').getAttribute('d')
    expect(bandPath).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+Z$/)
    expect(await widget.innerText()).toContain('MASE 0.82 vs seasonal naive 1.05')
    expect(api.requests.map((recorded) => recorded.path)).toContain('/v1/reports/sales')
    await screenshot('forecast')
  })

  it('renders recommendations with title, rationale and audience size', async () => {
    await page.goto(embed([{ token: tokens.valid, view: 'recommendations' }]))
    await card('ready').waitFor()
    const items = card('ready').locator('.crm-recommendation')
    expect(await items.count()).toBe(2)
    expect(await items.nth(0).locator('h3').textContent()).toBe(`Win back lapsed buyers of ${hostileProduct}`)
    expect(await items.nth(0).innerText()).toContain('1,204 customers')
    expect(await items.nth(1).innerText()).toContain('1 customer')
    await screenshot('recommendations')
  })

  it('shows hostile names as text and never runs them', async () => {
    await page.goto(embed([
      { token: tokens.valid, view: 'revenue' },
      { token: tokens.valid, view: 'summary' },
      { token: tokens.valid, view: 'recommendations' },
    ]))
    await expect.poll(() => card('ready').count()).toBe(3)
    const revenue = page.locator('crm-insights[view="revenue"]')
    expect(await revenue.locator('.crm-ranked .crm-name').allTextContents()).toEqual(expect.arrayContaining([hostileProduct]))
    const recommendations = page.locator('crm-insights[view="recommendations"]')
    expect(await recommendations.locator('.crm-recommendation').first().innerText()).toContain(hostileText)
    // No element was made from the data: no <img>, and no <script> inside any shadow root.
    const injected = await page.evaluate(() =>
      [...document.querySelectorAll('crm-insights')].map((element) => element.shadowRoot?.querySelectorAll('img, script').length),
    )
    expect(injected).toEqual([0, 0, 0])
    await page.waitForTimeout(300)
    expect(dialogs).toEqual([])
    expect(pageErrors).toEqual([])
    await page.screenshot({ path: new URL('hostile-data.png', artifactsDir).pathname, fullPage: true })
  })

  it('shows the expired state on 401 and tells the page', async () => {
    await page.goto(embed([{ token: tokens.expired, view: 'revenue' }]))
    const expired = card('expired')
    await expired.waitFor()
    expect(await expired.innerText()).toContain('This view has expired')
    expect(await expired.locator('[role="alert"]').count()).toBe(1)
    await screenshot('expired')

    // The page can listen for the event and hand the widget a fresh token.
    await page.evaluate((fresh) => {
      const widget = document.querySelector('crm-insights')
      widget?.addEventListener('crm-token-expired', () => widget.setAttribute('token', fresh), { once: true })
      widget?.setAttribute('token', 'another-expired-token')
    }, tokens.valid)
    await card('ready').waitFor()
  })

  it('shows the empty state for an app without purchases, and the reason when there is no forecast', async () => {
    await page.goto(embed([
      { token: tokens.empty, view: 'revenue' },
      { token: tokens.empty, view: 'forecast' },
      { token: tokens.empty, view: 'recommendations' },
      { token: tokens.empty, view: 'summary' },
    ]))
    await expect.poll(() => card('empty').count()).toBe(3)
    expect(await page.locator('crm-insights[view="revenue"] .card').innerText()).toContain('No data yet')
    const forecast = page.locator('crm-insights[view="forecast"] .card[data-state="ready"]')
    expect(await forecast.innerText()).toContain('Needs at least 6 months of history; this app has 1.')
    await screenshot('empty')
  })

  it('shows the error state and recovers with the retry button', async () => {
    await page.goto(embed([{ token: tokens.failing, view: 'summary' }]))
    const error = card('error')
    await error.waitFor()
    expect(await error.innerText()).toContain('Could not load the data.')
    expect(await error.innerText()).toContain('Database is locked')
    await screenshot('error')
    const before = api.requests.filter((recorded) => recorded.path === '/v1/insights').length
    await card('error').getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => api.requests.filter((recorded) => recorded.path === '/v1/insights').length).toBeGreaterThan(before)
    // A working token afterwards brings the data.
    await page.evaluate((token) => document.querySelector('crm-insights')?.setAttribute('token', token), tokens.valid)
    await card('ready').waitFor()
  })

  it('shows a missing token as an error without calling the API', async () => {
    await page.goto(embed([{ view: 'summary' }]))
    await card('error').waitFor()
    expect(await card('error').innerText()).toContain('No access token')
    expect(api.requests.filter((recorded) => recorded.path.startsWith('/v1/'))).toEqual([])
  })

  it('re-fetches every `refresh` seconds and stops once removed from the page', async () => {
    await page.goto(embed([{ token: tokens.valid, view: 'summary', refresh: '1' }]))
    await card('ready').waitFor()
    const fetches = () => api.requests.filter((recorded) => recorded.path === '/v1/insights' && recorded.method === 'GET').length
    await expect.poll(fetches, { timeout: 5000 }).toBeGreaterThanOrEqual(3)
    expect(await card('ready').count()).toBe(1)
    await page.evaluate(() => document.querySelector('crm-insights')?.remove())
    const afterRemoval = fetches()
    await page.waitForTimeout(2500)
    expect(fetches()).toBe(afterRemoval)
  })

  it('speaks Russian from the document language and asks the API for Russian texts', async () => {
    await page.goto(
      embed([{ token: tokens.valid, view: 'recommendations' }, { token: tokens.valid, view: 'revenue', lang: 'en' }, { token: tokens.valid, view: 'revenue', id: 'ru-revenue' }], {
        lang: 'ru',
      }),
    )
    await expect.poll(() => card('ready').count()).toBe(3)
    const revenueRu = await page.locator('crm-insights#ru-revenue .card').innerText()
    expect(revenueRu).toContain('Чистая выручка')
    expect(revenueRu).toContain('Валовая выручка')
    expect(revenueRu).toContain('Возвраты')
    expect(revenueRu).toContain('ещё не закончился')
    const russian = page.locator('crm-insights[view="recommendations"] .card')
    expect(await russian.locator('h2').textContent()).toBe('Рекомендации')
    expect(await russian.innerText()).toMatch(/1\s204 клиента/)
    expect(await page.locator('crm-insights[view="revenue"][lang="en"] h2').textContent()).toBe('Revenue')
    const langs = api.requests
      .filter((recorded) => recorded.method === 'GET' && recorded.path.startsWith('/v1/'))
      .map((recorded) => recorded.query.get('lang'))
    expect(langs.sort()).toEqual(['en', 'ru', 'ru'])
    await screenshot('recommendations-ru')
  })

  it('uses the host attribute over the script origin', async () => {
    const other = await startContractServer()
    try {
      await page.goto(embed([{ token: tokens.valid, view: 'summary', host: other.origin }]))
      await card('ready').waitFor()
      expect(other.requests.some((recorded) => recorded.path === '/v1/insights')).toBe(true)
      expect(api.requests.some((recorded) => recorded.path === '/v1/insights')).toBe(false)
    } finally {
      await other.close()
    }
  })

  it('works under a strict Content-Security-Policy', async () => {
    const violations: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text())
    })
    const csp = `default-src 'none'; script-src ${api.origin}; connect-src ${api.origin}`
    await page.goto(embed([{ token: tokens.valid, view: 'forecast' }], { csp }))
    await card('ready').waitFor()
    const look = await page.evaluate(() => {
      const root = document.querySelector('crm-insights')?.shadowRoot
      const cardElement = root?.querySelector('.card')
      const band = root?.querySelector('.crm-chart-band')
      return {
        radius: cardElement ? getComputedStyle(cardElement).borderTopLeftRadius : '',
        band: band ? getComputedStyle(band).fill : '',
      }
    })
    expect(look).toEqual({ radius: '12px', band: 'rgba(217, 119, 6, 0.16)' })
    expect(violations).toEqual([])
  })

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto(embed([{ token: tokens.valid, view: 'revenue' }], { style: 'body{margin:8px}' }))
    await card('ready').waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBe(0)
    const box = await page.locator('crm-insights svg.crm-chart').boundingBox()
    expect(box?.width).toBeLessThanOrEqual(344)
    await screenshot('revenue-phone')
  })

  it('follows the dark theme and the page’s CSS custom properties', async () => {
    await page.goto(
      embed([{ token: tokens.valid, view: 'forecast', theme: 'dark' }, { token: tokens.valid, view: 'revenue' }], {
        style: 'body{background:#0b1020} crm-insights[view="revenue"]{--crm-accent:#16a34a;--crm-font:Georgia,serif;--crm-radius:0px}',
      }),
    )
    await expect.poll(() => card('ready').count()).toBe(2)
    const styles = await page.evaluate(() =>
      [...document.querySelectorAll('crm-insights')].map((element) => {
        const cardElement = element.shadowRoot?.querySelector('.card')
        const line = element.shadowRoot?.querySelector('.crm-chart-line')
        return {
          background: cardElement ? getComputedStyle(cardElement).backgroundColor : '',
          font: cardElement ? getComputedStyle(cardElement).fontFamily : '',
          radius: cardElement ? getComputedStyle(cardElement).borderTopLeftRadius : '',
          line: line ? getComputedStyle(line).stroke : '',
        }
      }),
    )
    expect(styles[0]?.background).toBe('rgb(17, 24, 39)')
    expect(styles[1]?.background).toBe('rgb(255, 255, 255)')
    expect(styles[1]?.line).toBe('rgb(22, 163, 74)')
    expect(styles[1]?.font).toContain('Georgia')
    expect(styles[1]?.radius).toBe('0px')
    await screenshot('forecast-dark')
  })
})
