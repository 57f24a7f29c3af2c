import { describe, expect, it } from 'vitest'
import { CustomerTotalsDelta } from './customer-totals-delta'
import { openDatabase } from './database'

/** Two apps (USD and EUR) with a customer each, and rows numbered so that the watermarks can cut between them. */
function database() {
  const db = openDatabase(':memory:')
  db.exec(`
    INSERT INTO users (id, name, email, password_hash, created_at) VALUES ('u1', 'Ada', 'ada@example.com', 'x', 0);
    INSERT INTO apps (id, public_id, owner_id, name, currency, timezone, language, created_at)
      VALUES (1, 'app_usd', 'u1', 'Shop', 'USD', 'UTC', 'en', 0), (2, 'app_eur', 'u1', 'Laden', 'EUR', 'UTC', 'en', 0);
    INSERT INTO customers (id, app_id, user_id, created_at, updated_at) VALUES (1, 1, 'a', 0, 0), (2, 2, 'a', 0, 0);
    INSERT INTO purchases (id, app_id, order_id, customer_id, amount, currency, ts, items, received_at) VALUES
      (1, 1, 'o1', 1, 1000, 'USD', 100, '[]', 0), (2, 1, 'o2', 1, 3000, 'USD', 300, '[]', 0),
      (3, 1, 'o3', 1, 9000, 'EUR', 200, '[]', 0), (4, 2, 'o1', 2, 500, 'EUR', 900, '[]', 0);
    INSERT INTO refunds (id, app_id, refund_id, customer_id, purchase_id, amount, currency, ts, received_at) VALUES
      (1, 1, 'r1', 1, 1, 100, 'USD', 150, 0), (2, 1, 'r2', 1, NULL, 25, 'USD', 400, 0),
      (3, 1, 'r3', 1, 3, 50, 'EUR', 450, 0), (4, 2, 'r1', 2, 4, 500, 'EUR', 950, 0);
    INSERT INTO event_names (id, app_id, name) VALUES (1, 1, 'Signed in'), (2, 2, 'Signed in');
    INSERT INTO events (id, app_id, customer_id, name_id, ts) VALUES (1, 1, 1, 1, 500), (2, 1, 1, 1, 50), (3, 2, 2, 2, 990);
  `)
  return db
}

describe('CustomerTotalsDelta', () => {
  it('adds up one customer’s purchases, refunds and events after the watermarks, money in its app’s currency only', () => {
    const delta = new CustomerTotalsDelta(database())
    expect(delta.of(1, 1, { totalsThrough: 0, refundsThrough: 0, eventsThrough: 0 })).toEqual({
      orders: 3,
      revenue: 4000 - 125,
      revenueOrders: 2,
      refunds: 125,
      firstAt: 100,
      lastAt: 300,
      lastSeenAt: 500,
    })
    // The other app's customer of the same userId is another customer, in its own currency.
    expect(delta.of(2, 2, { totalsThrough: 0, refundsThrough: 0, eventsThrough: 0 })).toMatchObject({ revenue: 0, refunds: 500, lastSeenAt: 990 })
  })

  it('leaves out what the watermarks have taken, each side by its own', () => {
    const delta = new CustomerTotalsDelta(database())
    expect(delta.of(1, 1, { totalsThrough: 2, refundsThrough: 1, eventsThrough: 1 })).toEqual({
      orders: 1,
      revenue: -25,
      revenueOrders: 0,
      refunds: 25,
      firstAt: 200,
      lastAt: 200,
      lastSeenAt: 450,
    })
    expect(delta.of(1, 1, { totalsThrough: 4, refundsThrough: 4, eventsThrough: 1 })).toMatchObject({ orders: 0, firstAt: null, lastSeenAt: 50 })
  })

  it('says null for last seen when nothing came after the watermarks', () => {
    const delta = new CustomerTotalsDelta(database())
    expect(delta.of(1, 1, { totalsThrough: 4, refundsThrough: 4, eventsThrough: 3 })).toEqual({
      orders: 0,
      revenue: 0,
      revenueOrders: 0,
      refunds: 0,
      firstAt: null,
      lastAt: null,
      lastSeenAt: null,
    })
  })
})
