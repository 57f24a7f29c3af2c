import { describe, expect, it } from 'vitest'
import { readCommonPurchase } from './purchase-fast-path'
import { BatchPurchaseEventFields, PurchaseEventFields } from './schemas'

type Event = Record<string, unknown>

const valid: Event[] = [
  { orderId: 'o1', userId: 'u1', amount: '19.99', currency: 'USD', product: 'Pro plan' },
  { orderId: 'o2', userId: 'u1', amount: 19.99, currency: 'EUR', timestamp: '2026-01-01T10:00:00Z', product: 'Pro plan', messageId: 'm2' },
  { orderId: 'o3', userId: 'u1', amount: 1500, currency: 'JPY', timestamp: '2026-01-01T10:00:00', items: [{ name: 'Tea', price: 1500 }] },
  {
    orderId: 'o4',
    userId: 'u 4 with spaces',
    amount: '30.000',
    currency: 'KWD',
    timestamp: '2026-01-01T10:00:00.123+03:00',
    items: [
      { productId: 'sku-1', name: 'Beans', category: 'Coffee', quantity: 2, price: '10.000' },
      { name: 'Mug', price: 10 },
    ],
  },
  { orderId: 'ид-5', userId: 'пользователь', amount: 0, currency: 'RUB', product: 'Кофе 🫘', items: [{ name: 'Кофе', quantity: 1_000_000, price: '0' }] },
  { orderId: 'o'.repeat(255), userId: 'u'.repeat(255), amount: 'x'.repeat(40), currency: 'USD', product: 'p'.repeat(500), messageId: 'm'.repeat(255) },
  { orderId: 'o7', userId: 'u7', amount: -5, currency: 'USD', product: 'Refund?' },
]

/** Ways to break, or merely vary, an event: each is applied to every valid event above. */
const mutations: ((event: Event) => Event)[] = [
  ...['orderId', 'userId', 'amount', 'currency', 'timestamp', 'product', 'items', 'messageId'].flatMap((key) =>
    [undefined, '', 'x'.repeat(256), 'a\u0000b', 'tab\there', 'del\u007f', 'lone \ud800', 'lone \udc00 low', 'pair 😀', 42, Number.NaN, Number.POSITIVE_INFINITY, null, true, {}, [], '1e3', '-1'].map(
      (value) => (event: Event) => ({ ...event, [key]: value }),
    ),
  ),
  ...['usd', 'XXY', 'US', 'USDD', ' USD', 'EUR'].map((currency) => (event: Event) => ({ ...event, currency })),
  ...[
    '2026-13-01T00:00:00Z',
    '2026-01-01',
    '2026-01-01T10:00Z',
    '2026-01-01T10:00:00+0300',
    '2026-01-01T10:00:00.123456789Z',
    '2026-01-01 10:00:00Z',
    '2026-01-01 10:00',
    '2026-01-01  10:00:00',
    '2026-01-01 ',
    '2026-02-30T10:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T10:00:00+03',
    '2026-01-01T10:00:00-00:00',
    'yesterday',
  ].map((timestamp) => (event: Event) => ({ ...event, timestamp })),
  (event) => ({ ...event, properties: { plan: 'pro' } }),
  (event) => ({ ...event, extra: 1 }),
  (event) => ({ ...event, type: 'purchase' }),
  (event) => ({ ...event, type: 'user' }),
  (event) => ({ ...event, type: undefined }),
  (event) => ({ ...(JSON.parse('{"__proto__": {"polluted": true}}') as Event), ...event }),
  (event) => Object.assign(JSON.parse('{"__proto__": 1}') as Event, event),
  (event) => ({ ...event, constructor: 'x' }),
  (event) => Object.assign(Object.create(null) as Event, event),
  (event) => Object.assign(Object.create({ inherited: 1 }) as Event, event),
  (event) => ({ ...event, items: [] }),
  (event) => ({ ...event, items: Array.from({ length: 2500 }, () => ({ name: 'x', price: 1 })) }),
  (event) => ({ ...event, items: {} }),
  (event) => ({ ...event, items: [null] }),
  (event) => ({ ...event, items: [[]] }),
  ...['productId', 'name', 'category', 'quantity', 'price'].flatMap((key) =>
    [undefined, '', 'y'.repeat(501), 'y'.repeat(201), 'y'.repeat(256), 'a\u0001b', 0, 1.5, -1, 2, 1_000_001, '2', null, Number.NaN, Number.POSITIVE_INFINITY, {}].map(
      (value) => (event: Event) => ({ ...event, items: [{ name: 'Item', price: '1.00', [key]: value }] }),
    ),
  ),
  (event) => ({ ...event, items: [{ name: 'Item', price: '1.00', colour: 'red' }] }),
  () => 'not an object' as unknown as Event,
  () => null as unknown as Event,
  () => [] as unknown as Event,
]

function agree(event: unknown, inBatch: boolean): 'fast' | 'schema' {
  const schema = inBatch ? BatchPurchaseEventFields : PurchaseEventFields
  const fast = readCommonPurchase(event, inBatch)
  if (fast === undefined) return 'schema'
  const parsed = schema.safeParse(event)
  // Whatever the fast path accepts, the schema accepts, and parses to the same thing.
  expect(parsed.success, JSON.stringify(event)).toBe(true)
  expect(fast).toEqual(parsed.data)
  return 'fast'
}

describe('readCommonPurchase', () => {
  it('reads the common purchases to exactly what the schema parses them to', () => {
    for (const event of valid) {
      expect(PurchaseEventFields.safeParse(event).success).toBe(true)
      expect(agree(event, false)).toBe('fast')
      expect(agree({ ...event, type: 'purchase' }, true)).toBe('fast')
    }
    expect(readCommonPurchase(valid[2], false)).toEqual({ ...valid[2], items: [{ name: 'Tea', quantity: 1, price: 1500 }] })
  })

  it('never accepts what the schema refuses, nor reads anything differently, under hundreds of variations', () => {
    let fast = 0
    let schema = 0
    for (const event of valid) {
      for (const mutate of mutations) {
        for (const inBatch of [false, true]) {
          const mutated = mutate(inBatch ? { ...event, type: 'purchase' } : event)
          if (agree(mutated, inBatch) === 'fast') fast += 1
          else schema += 1
        }
      }
    }
    // Both outcomes occur in quantity: the test compares real verdicts, not a path that always steps aside.
    expect(fast).toBeGreaterThan(500)
    expect(schema).toBeGreaterThan(1000)
  })

  it('leaves to the schema what it does not handle: properties, unknown keys, non-plain objects', () => {
    const base = valid[0]!
    expect(readCommonPurchase({ ...base, properties: { plan: 'pro' } }, false)).toBeUndefined()
    expect(readCommonPurchase({ ...base, type: 'purchase' }, false)).toBeUndefined()
    expect(readCommonPurchase(base, true)).toBeUndefined()
    expect(readCommonPurchase({ ...base, type: 'purchase' }, true)).toMatchObject({ type: 'purchase' })
    expect(readCommonPurchase(JSON.parse(`{"__proto__": {}, "orderId": "o", "userId": "u", "amount": 1, "currency": "USD", "product": "p"}`), false)).toBeUndefined()
    expect(readCommonPurchase(new (class Order {})(), false)).toBeUndefined()
  })
})
