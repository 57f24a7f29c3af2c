import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../harness'
import { buildBrowserAssets } from './build-assets'
import { launchChromium, screenshot, watchForTrouble } from './chromium'
import { hasCount, hasText, visible } from './page-expect'
import { startOllamaStub, STUB_ANSWER } from './ollama-stub'
import { startSecondOrigin, type SecondOrigin } from './second-origin'
import { HOSTILE_NAME, HOSTILE_PRODUCT, sendEvents } from './seed-events'

/** An event name with markup: the events view must show it as text. */
const HOSTILE_EVENT = '<img src=x onerror=alert(2)>'

let server: TestServer
let ollama: Awaited<ReturnType<typeof startOllamaStub>>
let other: SecondOrigin
let browser: Browser
let page: Page
let trouble: ReturnType<typeof watchForTrouble>
let paths: Record<string, unknown>
const email = `walker-${Date.now()}@example.com`
/** The first app's publishable key, as the page showed it once after sign-up. */
let publishable = ''
const password = 'correct horse battery'

beforeAll(async () => {
  buildBrowserAssets()
  ollama = await startOllamaStub()
  server = await startTestServer({ CRM_AI: 'on', OLLAMA_HOST: ollama.url })
  other = await startSecondOrigin()
  paths = (await server.call('GET', '/openapi.json')).body.paths
  browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
  page = await context.newPage()
  page.setDefaultTimeout(10_000)
  trouble = watchForTrouble(page)
})

afterAll(async () => {
  await browser?.close()
  await other?.close()
  await server?.close()
  await ollama?.close()
})

/** The view shows its data, or, while the other half of the server is not built, says "not available yet". */
async function expectDataOrUnavailable(path: string, data: () => Promise<void>): Promise<void> {
  if (path in paths) await data()
  else await visible(page.getByText('Not available yet on this server.'))
}

describe('a new user in the admin page', { timeout: 120_000 }, () => {
  it('serves the page under a Content-Security-Policy', async () => {
    const res = await fetch(server.url + '/')
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline')
  })

  it('signs up and sees the new keys, once, with a copy button and the install snippet', async () => {
    await page.goto(server.url + '/')
    await visible(page.getByRole('heading', { name: 'Sign up' }))
    await screenshot(page, 'signup')
    await page.getByLabel('Name').fill('Walker')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign up' }).click()
    await visible(page.getByRole('heading', { name: 'API keys', level: 1 }))
    const keys = await page.locator('code.key').allTextContents()
    expect(keys).toHaveLength(2)
    expect(keys[0]).toMatch(/^crm_pk_/)
    expect(keys[1]).toMatch(/^crm_sk_/)
    publishable = keys[0]!
    await hasText(page.locator('pre code').first(), keys[0]!)
    await hasCount(page.getByRole('button', { name: 'Copy' }), 2)
    await hasCount(page.getByRole('table', { name: 'API keys' }).getByRole('row'), 3)
    await screenshot(page, 'keys')
  })

  it('creates and revokes a key; the revoked key answers 401', async () => {
    await page.getByLabel('Type').selectOption('secret')
    await page.getByRole('textbox', { name: 'Name' }).fill('Backend')
    await page.getByRole('button', { name: 'Create key' }).click()
    await hasCount(page.locator('code.key'), 3)
    const created = (await page.locator('code.key').nth(2).textContent())!
    expect(created).toMatch(/^crm_sk_/)
    expect((await server.call('GET', '/v1/customers', { key: created })).status).toBe(200)
    page.once('dialog', (dialog) => void dialog.accept())
    const row = page.getByRole('row').filter({ hasText: 'Backend' })
    await row.getByRole('button', { name: /Revoke/ }).click()
    await hasText(page.getByRole('row').filter({ hasText: 'Backend' }), 'revoked')
    expect((await server.call('GET', '/v1/customers', { key: created })).status).toBe(401)
  })

  it('creates a second app and switches between the apps', async () => {
    await page.getByText('New app').click()
    await page.getByLabel('App name').fill('Second shop')
    await page.getByLabel('Currency').fill('eur')
    await page.getByRole('button', { name: 'Create', exact: true }).click()
    await hasCount(page.locator('code.key'), 2)
    expect(await page.getByLabel('App', { exact: true }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('Second shop')
    const apps = ((await (await page.request.get(server.url + '/api/apps')).json()) as { data: { name: string; currency: string }[] }).data
    expect(apps.map((app) => app.currency)).toEqual(['USD', 'EUR'])
    expect(apps[1]!.name).toBe('Second shop')
    await page.getByLabel('App', { exact: true }).selectOption({ index: 0 })
    await hasCount(page.locator('code.key'), 0)
    await hasCount(page.getByRole('table', { name: 'API keys' }).getByRole('row'), 4)
  })

  it('watches the connection turn live when the first events arrive from the SDK', async () => {
    await page.getByRole('link', { name: 'Connection' }).click()
    const status = page.locator('[data-state="waiting"]')
    await hasText(status, 'Waiting for the first event')
    await screenshot(page, 'connection-waiting')
    await hasText(page.locator('pre code').first(), 'crm_pk_…')
    await sendEvents(server.url, publishable)
    await hasText(page.locator('[data-state="live"]'), 'Live', 10_000)
    await hasText(page.locator('[data-state="live"]'), '12')
    await screenshot(page, 'connection-live')
  })

  it('finds the customer, opens the profile, and shows a hostile name as text', async () => {
    await page.getByRole('link', { name: 'Customers' }).click()
    const table = page.getByRole('table', { name: 'Customers' })
    await hasCount(table.getByRole('row'), 13)
    await visible(table.getByRole('link', { name: HOSTILE_NAME, exact: true }))
    await screenshot(page, 'customers')
    // Ada, whose purchases are days old at least, gets a refund and an event now: the latest seen of them all.
    const activity = await server.call('POST', '/v1/batch', {
      key: publishable,
      body: {
        batch: [
          { type: 'refund', refundId: 'ada-r1', userId: 'ada', orderId: 'o-ada-0', amount: 2.5, currency: 'USD', reason: 'Chipped' },
          { type: 'event', userId: 'ada', event: 'Opened support ticket', properties: { topic: 'delivery' } },
        ],
      },
    })
    expect(activity.body.rejected).toEqual([])
    await page.getByLabel('Sort').selectOption('-lastSeenAt')
    await hasText(table.getByRole('row').nth(1), 'Ada Lovelace')
    await hasText(table.getByRole('row').nth(0), 'Last seen')
    await page.getByLabel('Search').fill('ada')
    await hasCount(table.getByRole('row'), 2, 5000)
    await page.getByLabel('Sort').selectOption('name')
    await table.getByRole('link', { name: 'Ada Lovelace' }).click()
    await visible(page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }))
    await hasCount(page.getByRole('table', { name: 'Purchases' }).getByRole('row'), 4)
    await expect.poll(() => page.locator('.timeline li').count()).toBeGreaterThan(0)
    await screenshot(page, 'customer')
    // The timeline shows the refund and the event in words beside the purchases, and filters by kind.
    const timeline = page.locator('.timeline li')
    await hasText(timeline.first(), 'Refund')
    await hasText(page.locator('.timeline li[data-type="refund"]'), 'of order o-ada-0')
    await hasText(page.locator('.timeline li[data-type="event"]'), 'Opened support ticket')
    await hasCount(page.locator('.timeline li[data-type="purchase"]'), 3)
    await page.getByRole('checkbox', { name: 'Purchases' }).uncheck()
    await page.getByRole('checkbox', { name: 'Profile' }).uncheck()
    await hasCount(timeline, 2)
    expect(await timeline.evaluateAll((items) => items.map((item) => item.getAttribute('data-type')).sort())).toEqual(['event', 'refund'])
    await page.getByRole('checkbox', { name: 'Refunds' }).uncheck()
    await page.getByRole('checkbox', { name: 'Events' }).uncheck()
    await hasText(timeline.first(), 'Nothing of the chosen kinds.')
    await page.getByRole('checkbox', { name: 'Purchases' }).check()
    await hasCount(page.locator('.timeline li[data-type="purchase"]'), 3)
    await hasCount(timeline, 3)
    await screenshot(page, 'customer-timeline-purchases')
    await page.goto(`${server.url}/#/customers/hostile`)
    await visible(page.getByRole('heading', { name: HOSTILE_NAME, level: 1 }))
    await hasText(page.getByRole('table', { name: 'Purchases' }), HOSTILE_PRODUCT)
    expect(await page.locator('img').count()).toBe(0)
  })

  it('pages through customers', async () => {
    const account = await server.signup('Pager')
    const batch = Array.from({ length: 30 }, (_, i) => ({ type: 'user', userId: `p${String(i).padStart(2, '0')}`, name: `P ${String(i).padStart(2, '0')}` }))
    await server.call('POST', '/v1/batch', { key: account.publishable, body: { batch } })
    const pager = await browser.newPage()
    await pager.context().addCookies([{ name: 'crm_session', value: account.cookie.split('=')[1]!, url: server.url }])
    await pager.goto(`${server.url}/#/customers`)
    await pager.getByLabel('Sort').selectOption('name')
    const table = pager.getByRole('table', { name: 'Customers' })
    await hasCount(table.getByRole('row'), 26)
    await hasText(table.getByRole('row').nth(1), 'P 00')
    await pager.getByRole('button', { name: 'Next' }).click()
    await hasCount(table.getByRole('row'), 6)
    await hasText(table.getByRole('row').nth(1), 'P 25')
    await pager.getByRole('button', { name: 'Previous' }).click()
    await hasText(table.getByRole('row').nth(1), 'P 00')
    await pager.close()
  })

  it('opens the sales report with its charts', async () => {
    await page.getByRole('link', { name: 'Reports' }).click()
    await expectDataOrUnavailable('/v1/reports/sales', async () => {
      await hasCount(page.locator('.chart svg'), 2)
      // Net revenue with the gross and Ada's refund beside it; the month still running is dashed and noted.
      const totals = page.locator('main .facts').first()
      await hasText(totals, 'Net revenue')
      await hasText(totals, 'Gross revenue')
      await hasText(totals, '$2.50')
      await hasCount(page.locator('.chart .crm-chart-point-partial'), 1)
      await hasText(page.locator('[data-testid="partial-note"]'), 'Not over yet')
      await hasText(page.getByRole('table', { name: 'Top products' }), HOSTILE_PRODUCT)
      await hasText(page.getByRole('table', { name: 'Top customers' }), HOSTILE_NAME)
      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Export CSV' }).click()
      expect((await download).suggestedFilename()).toMatch(/^sales-.*\.csv$/)
    })
    await screenshot(page, 'reports')
    await screenshot(page, 'readme-reports', false)
  })

  it('opens the events report: top events with their customers, and the top ones by period', async () => {
    // 21 events of existing customers over the past months (with Ada's ticket of today, 22 events of 12 customers),
    // one of them named with markup.
    const day = 86_400_000
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString()
    const noonDaysAgo = (daysAgo: number) => `${at(daysAgo).slice(0, 10)}T12:00:00Z`
    const batch = [
      ...Array.from({ length: 12 }, (_, i) => ({ type: 'event', userId: `u${i % 6}`, event: 'Viewed pricing', timestamp: at(5 + 30 * i) })),
      ...Array.from({ length: 6 }, (_, i) => ({ type: 'event', userId: `u${6 + (i % 3)}`, event: 'Signed in', timestamp: at(20 + 45 * i) })),
      { type: 'event', userId: 'hostile', event: HOSTILE_EVENT, timestamp: at(50) },
      { type: 'event', userId: 'hostile', event: HOSTILE_EVENT, timestamp: at(51) },
      { type: 'event', userId: 'u9', event: 'Added to cart', timestamp: noonDaysAgo(115) },
    ]
    const sent = await server.call('POST', '/v1/batch', { key: publishable, body: { batch } })
    expect(sent.body).toMatchObject({ accepted: 21, rejected: [] })
    await page.getByRole('link', { name: 'Events', exact: true }).click()
    await visible(page.getByRole('heading', { name: 'Events', level: 1 }))
    await hasText(page.locator('[data-testid="events-summary"]'), '22 events from 12 customers')
    const top = page.getByRole('table', { name: 'Top events' })
    await hasText(top.getByRole('row').nth(1), 'Viewed pricing126')
    await hasText(top.getByRole('row').nth(2), 'Signed in63')
    await hasText(top.getByRole('row').nth(3), `${HOSTILE_EVENT}21`)
    expect(await page.locator('img').count()).toBe(0)
    const byPeriod = page.getByRole('table', { name: 'Top events by period' })
    await hasText(byPeriod.getByRole('row').nth(0), 'PeriodViewed pricingSigned in')
    await hasText(byPeriod.getByRole('row').last(), '(partial)')
    await hasCount(page.locator('.chart svg'), 1)
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    expect((await download).suggestedFilename()).toMatch(/^events-.*\.csv$/)
    await screenshot(page, 'events')
  })

  it('opens the insights', async () => {
    await page.getByRole('link', { name: 'Insights' }).click()
    await expectDataOrUnavailable('/v1/insights', async () => {
      await visible(page.getByRole('heading', { name: 'Summary' }))
      await visible(page.getByRole('heading', { name: 'Recommendations' }))
      await visible(page.getByRole('heading', { name: 'Forecast' }).locator('..').locator('svg'))
      await hasText(page.locator('.ai-status'), 'AI: ok')
      await expect.poll(async () => ((await page.locator('.summary').textContent()) ?? '').trim().length).toBeGreaterThan(0)
    })
    await screenshot(page, 'insights')
  })

  it('asks the assistant a question', async () => {
    await page.getByRole('link', { name: 'Assistant' }).click()
    await page.getByLabel('Your question').fill('Who are my best customers?')
    await page.getByRole('button', { name: 'Ask' }).click()
    await expectDataOrUnavailable('/v1/assistant/ask', async () => {
      await visible(page.locator('.answer'))
      expect(ollama.calls.some((call) => call.includes('/api/chat') || call.includes('/api/generate'))).toBe(true)
      await expect.poll(async () => ((await page.locator('.answer').textContent()) ?? '').trim().length).toBeGreaterThan(0)
      expect(await page.locator('.answer').textContent()).toContain(STUB_ANSWER)
    })
    await screenshot(page, 'assistant')
  })

  it('imports users, purchases, a cancellation, a refund and an event from CSV with progress and a per-row error report', async () => {
    await page.getByRole('link', { name: 'Import' }).click()
    const secret = await mintSecret()
    const before = (await server.call('GET', '/v1/connection', { key: secret })).body.counts
    const users = 'userId,name,email,plan\nimp1,Imported One,one@example.com,pro\nimp2,"Two, Imported",,free\n,No Id,,\n'
    // io2's negative amount is a cancellation (a refund without an order); io3's "1,200" reads two ways and is refused here.
    const purchases =
      'orderId,userId,amount,currency,timestamp,product\nio1,imp1,12.50,USD,2025-01-05T10:00:00Z,Tea\nio2,imp2,-3,USD,2025-01-06T10:00:00Z,Tea\nio3,imp1,"1,200",usd,2025-01-07,Tea\n'
    // A Russian spreadsheet's export: BOM, semicolons, a decimal comma, a dotted date, lower-case currency, a type column.
    const mixed = '\ufefftype;userId;refundId;orderId;amount;currency;date;event;page\nrefund;imp1;ir1;io1;2,50;usd;06.01.2025;;\nevent;imp1;;;;;2025-01-07;Viewed pricing;/pricing\n'
    const files = [
      { name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(users) },
      { name: 'purchases.csv', mimeType: 'text/csv', buffer: Buffer.from(purchases) },
      { name: 'mixed.csv', mimeType: 'text/csv', buffer: Buffer.from(mixed) },
    ]
    await page.getByLabel('CSV files').setInputFiles(files)
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await hasText(page.getByRole('status'), 'Done: 6 imported, 0 already there, 2 rejected.')
    expect(await page.locator('progress').evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])).toEqual([8, 8])
    const problems = page.getByRole('table', { name: 'Rejected rows' })
    await hasText(problems.getByRole('row').nth(1), 'users.csv4')
    await hasText(problems.getByRole('row').nth(2), 'purchases.csv4')
    await hasText(problems.getByRole('row').nth(2), 'reads two ways')
    await hasText(page.locator('.import-files li').nth(1), 'Cancellations imported as refunds without an order: 1.')
    await hasText(page.locator('.import-files li').nth(2), 'separated by semicolons, each of the kind its type column names')
    await screenshot(page, 'import')
    const after = (await server.call('GET', '/v1/connection', { key: secret })).body.counts
    expect({ purchases: after.purchases - before.purchases, refunds: after.refunds - before.refunds, events: after.events - before.events }).toEqual({
      purchases: 1,
      refunds: 2,
      events: 1,
    })
    const imported = await server.call('GET', '/v1/customers/imp2', { key: secret })
    expect(imported.body.customer).toMatchObject({ name: 'Two, Imported', traits: { plan: 'free' } })
    const refunded = await server.call('GET', '/v1/customers/imp1', { key: secret })
    expect(refunded.body.stats).toMatchObject({ revenue: 10, refunds: 2.5 })

    // The same file again: its refund and its event are recognised, nothing counts twice.
    await page.getByLabel('CSV files').setInputFiles([files[2]!])
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await hasText(page.getByRole('status'), 'Done: 0 imported, 2 already there, 0 rejected.')
    expect((await server.call('GET', '/v1/connection', { key: secret })).body.counts).toEqual(after)
  })

  it('switches to Russian and stays readable on a phone', async () => {
    await page.getByLabel('Language').selectOption('ru')
    await visible(page.getByRole('link', { name: 'Клиенты' }))
    await page.getByRole('link', { name: 'Клиенты' }).click()
    await visible(page.getByRole('heading', { name: 'Клиенты', level: 1 }))
    await page.setViewportSize({ width: 390, height: 844 })
    await hasCount(page.getByRole('table', { name: 'Клиенты' }).getByRole('row'), 15)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await screenshot(page, 'customers-ru-phone')
    await page.getByRole('link', { name: 'Отчёты' }).click()
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await screenshot(page, 'reports-ru-phone')
    // Russian plurals: 22 событиЯ (few), 12 клиентОВ (many), then a day with 1 событиЕ от 1 клиентА (one).
    await page.getByRole('link', { name: 'События', exact: true }).click()
    await hasText(page.locator('[data-testid="events-summary"]'), '22 события от 12 клиентов')
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await screenshot(page, 'events-ru-phone')
    const lonely = new Date(Date.now() - 115 * 86_400_000).toISOString().slice(0, 10)
    await page.getByLabel('С', { exact: true }).fill(lonely)
    await page.getByLabel('По', { exact: true }).fill(lonely)
    await page.getByRole('button', { name: 'Показать' }).click()
    await hasText(page.locator('[data-testid="events-summary"]'), '1 событие от 1 клиента')
    await page.getByLabel('Язык').selectOption('en')
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it('refuses a state-changing request from another origin', async () => {
    const appsBefore = (await page.request.get(server.url + '/api/apps')).status()
    expect(appsBefore).toBe(200)
    const attack = other.page(
      '/attack.html',
      `<!doctype html><form id="f" method="POST" action="${server.url}/api/auth/logout"></form>
       <script>fetch(${JSON.stringify(server.url + '/api/apps')}, { method: 'POST', mode: 'no-cors', credentials: 'include',
         headers: { 'content-type': 'text/plain' }, body: '{"name":"evil"}' }).finally(() => document.getElementById('f').submit())</script>`,
    )
    const attacker = await page.context().newPage()
    const answer = attacker.waitForResponse((res) => res.url().endsWith('/api/auth/logout'))
    await attacker.goto(attack)
    expect((await answer).status()).toBe(403)
    await attacker.close()
    const apps = await page.request.get(server.url + '/api/apps')
    expect(apps.status()).toBe(200)
    expect(((await apps.json()) as { data: { name: string }[] }).data.map((app) => app.name)).not.toContain('evil')
  })

  it('returns to the log-in form when the session ends in another tab, and logs back in with the keyboard', async () => {
    await page.goto(server.url + '/#/customers')
    await visible(page.getByRole('table', { name: 'Customers' }))
    const ended = await page.request.post(server.url + '/api/auth/logout', { headers: { origin: server.url } })
    expect(ended.status()).toBe(204)
    await page.getByRole('link', { name: 'Reports' }).click()
    await visible(page.getByRole('heading', { name: 'Log in' }))
    await page.getByLabel('Email').focus()
    await page.keyboard.type(email)
    await page.keyboard.press('Tab')
    await page.keyboard.type(password)
    await page.keyboard.press('Enter')
    await visible(page.getByRole('link', { name: 'Customers' }))
    await page.keyboard.press('Tab')
    expect(await page.locator('.skip').evaluate((element) => element === document.activeElement)).toBe(true)
    expect((await page.request.get(server.url + '/api/apps')).status()).toBe(200)
  })

  it('logs out, which ends the session', async () => {
    await page.getByRole('button', { name: 'Log out' }).click()
    await visible(page.getByRole('heading', { name: 'Log in' }))
    expect((await page.request.get(server.url + '/api/apps')).status()).toBe(401)
    await page.goto(server.url + '/#/customers')
    await visible(page.getByRole('heading', { name: 'Log in' }))
  })

  it('opened no dialog and broke no policy on the way', () => {
    expect(trouble.dialogs).toEqual([])
    expect(trouble.errors).toEqual([])
  })
})

async function mintSecret(): Promise<string> {
  const login = await server.call('POST', '/api/auth/login', { body: { email, password } })
  const cookie = login.headers.get('set-cookie')!.split(';', 1)[0]!
  const apps = await server.call('GET', '/api/apps', { cookie })
  const created = await server.call('POST', `/api/apps/${apps.body.data[0].id}/keys`, { cookie, body: { type: 'secret' } })
  return created.body.key
}
