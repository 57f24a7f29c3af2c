import { describe, expect, it } from 'vitest'
import { createStoreApp, type PurchaseInput } from '../../test/fixtures/store-app'
import { writeRefunds } from '../../test/fixtures/store-refunds'
import { localDay } from '../calendar'
import { PurchaseLedger } from '../ledger'
import type { EventWrite } from '../store'
import { customerHistories } from './customer-histories'
import type { RecommendationInputs } from './recommendation-facts'
import { linkRefunds, refundLinkSource, orderRefunds } from './refund-links'
import { WARM_WINDOW_DAYS, warmNotBuying } from './warm-audience'

const ASOF = Date.parse('2026-06-01T00:00:00Z')
const DAY = 86_400_000
const at = (daysBefore: number) => new Date(ASOF - daysBefore * DAY).toISOString()

/**
 * Seven customers warm and not buying: w1–w4 (events, never bought), w5 and w6 (last bought 70 days ago), w7 (its
 * only order, 10 days ago, refunded in full: it never bought). Not: n1 (bought 20 days ago), n2 (two events), n3
 * (events 31–40 days ago), n4 (events after asOf). Warm and not buying 30 days before asOf: n3, and c0–c18 with the
 * cohort, of whom c0–c4 bought since. Every order is 40.00.
 */
function shop(options: { cohort: boolean }) {
  const store = createStoreApp()
  const events: EventWrite[] = []
  const track = (userId: string, ...daysBefore: number[]) => {
    for (const days of daysBefore) events.push({ type: 'event', userId, name: 'Viewed pricing', timestamp: ASOF - days * DAY })
  }
  const purchases: PurchaseInput[] = []
  const buy = (userId: string, daysBefore: number) => purchases.push({ orderId: `${userId}-${daysBefore}`, userId, amount: 40, timestamp: at(daysBefore) })
  for (const userId of ['w1', 'w2', 'w3', 'w4']) track(userId, 1, 2, 3)
  for (const userId of ['w5', 'w6']) {
    track(userId, 5, 6, 29)
    buy(userId, 70)
  }
  track('w7', 1, 1, 2, 3, 4)
  buy('w7', 10)
  track('n1', 1, 2, 3)
  buy('n1', 20)
  track('n2', 1, 2)
  track('n3', 31, 35, 40)
  track('n4', -1, -1, -1)
  if (options.cohort) {
    for (let i = 0; i < 19; i++) {
      track(`c${i}`, 35, 40, 45)
      if (i < 5) buy(`c${i}`, 15)
    }
  }
  store.stores.ingestion.write([{ appId: store.app.id, appCurrency: 'USD', receivedAt: ASOF, events }])
  store.purchase(...purchases)
  writeRefunds(store, { refundId: 'r-w7', userId: 'w7', orderId: 'w7-10', amount: 40, timestamp: at(9) })
  const ledger = new PurchaseLedger(store.app.id)
  ledger.refresh(store.stores.ledger, 'UTC')
  const inputs = store.stores.insightInputs
  const refunds = orderRefunds(ledger, linkRefunds(ledger, refundLinkSource(inputs, store.app.id)), ASOF)
  const histories = customerHistories(ledger, ASOF, localDay(ASOF, 'UTC'), 'USD', refunds)
  const activity = inputs.recentActivity(store.app.id, ASOF, WARM_WINDOW_DAYS * DAY)
  return { ledger, histories, refunds, activity, asOf: ASOF, minorToMajor: 0.01 } as unknown as RecommendationInputs
}

const evidence = (fact: { evidence: { metric: string; value: number | string }[] }, metric: string) => fact.evidence.find((item) => item.metric === metric)?.value

describe('warmNotBuying', () => {
  it('is the seven customers active lately who have not bought, the most active first, with what the last cohort converted', () => {
    const fact = warmNotBuying(shop({ cohort: true }))
    expect(fact?.kind).toBe('warm_not_buying')
    expect(fact?.audience?.count).toBe(7)
    expect(fact?.audience?.userIds).toEqual(['w7', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6'])
    expect(evidence(fact!, 'neverBought')).toBe(5)
    // 5 of the 20 warm and not buying 30 days earlier bought since: 7 × 0.25 × 40.00.
    expect([evidence(fact!, 'previousCohort'), evidence(fact!, 'previousCohortBought'), evidence(fact!, 'conversionRate')]).toEqual([20, 5, 0.25])
    expect(evidence(fact!, 'averageOrderValue')).toBe(40)
    expect(fact?.expectedImpact?.value).toBe(70)
  })

  it('claims no impact from a cohort under 20, and is nothing without events', () => {
    const inputs = shop({ cohort: false })
    const fact = warmNotBuying(inputs)
    expect(fact?.audience?.count).toBe(7)
    expect(fact?.expectedImpact).toBeUndefined()
    expect(evidence(fact!, 'previousCohort')).toBe(1)
    expect(warmNotBuying({ ...inputs, activity: [] })).toBeNull()
  })
})
