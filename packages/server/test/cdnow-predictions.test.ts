import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conditionalExpectedPurchases, summarisePurchases } from '../src/analytics'
import { CDNOW_CALIBRATION_END_DAY, readCdnowSample } from './fixtures/cdnow'
import { loadEvents } from './fixtures/load-events'
import { type Account, startTestServer, type TestServer } from './harness'

// The CDNOW sample through the API: calibration purchases (to 1997-09-30) go in, and the per-customer predictions
// over the 39-week holdout must add up to the BG/NBD paper's figure (Fader, Hardie & Lee 2005): about 1,653 repeat
// purchases with r = 0.243, alpha = 4.414, a = 0.793, b = 2.426.
let server: TestServer
let account: Account
const purchases = readCdnowSample()
const calibration = purchases.filter((purchase) => purchase.day <= CDNOW_CALIBRATION_END_DAY)
const customers = [...new Set(purchases.map((purchase) => purchase.customerId))]
const AS_OF = '1997-09-30T23:59:59Z'
const HOLDOUT_DAYS = 39 * 7

beforeAll(async () => {
  server = await startTestServer()
  account = await server.signup('Cdnow')
  await loadEvents(
    server,
    account.secret,
    calibration.map((purchase, index) => ({
      type: 'purchase',
      orderId: `cdnow-${index}`,
      userId: purchase.customerId,
      amount: purchase.dollars.toFixed(2),
      currency: 'USD',
      timestamp: new Date(purchase.day * 86_400_000 + 12 * 3_600_000).toISOString(),
      product: 'CDs',
    })),
  )
}, 120_000)

afterAll(() => server.close())

describe('CDNOW through the API', () => {
  it('fits the published BG/NBD and Gamma-Gamma parameters', async () => {
    const res = await server.call('GET', `/v1/insights?asOf=${AS_OF}`, { key: account.secret })
    const model = res.body.customerModel
    expect(model).toMatchObject({ status: 'fitted', customers: 2357, repeatCustomers: 946 })
    expect(model.parameters.r).toBeCloseTo(0.243, 3)
    expect(model.parameters.alpha).toBeCloseTo(4.414, 2)
    expect(model.parameters.a).toBeCloseTo(0.793, 2)
    expect(model.parameters.b).toBeCloseTo(2.426, 2)
    // Gamma-Gamma on the 946 repeat buyers' mean repeat-day spend: p = 6.25, q = 3.74, v = 15.44.
    expect(model.spendParameters.p).toBeCloseTo(6.25, 1)
    expect(model.spendParameters.q).toBeCloseTo(3.74, 1)
    expect(model.spendParameters.v).toBeCloseTo(15.44, 1)
  })

  it('sums the customers’ expected holdout purchases to the model’s 1,653', async () => {
    let total = 0
    for (const userId of customers) {
      const res = await server.call('GET', `/v1/customers/${userId}?asOf=${AS_OF}&horizonDays=${HOLDOUT_DAYS}`, { key: account.secret })
      expect(res.status).toBe(200)
      total += res.body.predictions.expectedPurchases
    }
    // The same sum with the paper's own parameters on the same histories: the API must agree with it to 0.5 %
    // (the fitted parameters agree with the paper's to three significant figures, which moves the sum by less).
    const paper = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
    const histories = summarisePurchases(calibration, { endDay: CDNOW_CALIBRATION_END_DAY })
    const paperTotal = histories.reduce((sum, history) => sum + conditionalExpectedPurchases(paper, history, 39), 0)
    expect(Math.abs(total - paperTotal) / paperTotal).toBeLessThan(0.005)
    // And to the published figure within 1 % (it is itself rounded, from parameters rounded to three figures).
    expect(Math.abs(total - 1653) / 1653).toBeLessThan(0.01)
    console.log(`CDNOW holdout: API sum ${total.toFixed(1)}, paper parameters ${paperTotal.toFixed(1)}, published 1653, actual 1882`)
  }, 120_000)
})
