import { describe, expectTypeOf, test } from 'vitest'
import {
  createClient,
  type Client,
  type ClientError,
  type CustomEventInput,
  type DropInfo,
  type FlushResult,
  type PurchaseInput,
  type RefundInput,
  type TrackInput,
  type UserInput,
} from '../src'

// Plain interfaces, with no index signature: the reason traits and properties are `T extends object`.
interface ShopTraits {
  plan: 'free' | 'pro'
  seats: number
}
interface ShopProperties {
  coupon?: string
  channel: 'web' | 'app'
}

// Event names and the properties of each, as a plain interface too.
interface ShopEvents {
  'Viewed pricing': { plan: 'pro' | 'team' }
  'Opened support ticket': { topic: string; urgent?: boolean }
  'Signed in': object
}

const client = createClient<ShopTraits, ShopProperties>({ apiKey: 'crm_pk_x', host: 'https://crm.example.com' })
const shop = createClient<ShopTraits, ShopProperties, ShopEvents>({ apiKey: 'crm_pk_x', host: 'https://crm.example.com' })

describe('generic traits and properties', () => {
  test('plain interfaces type-check as traits and properties', () => {
    expectTypeOf(client).toEqualTypeOf<Client<ShopTraits, ShopProperties>>()
    expectTypeOf(client.trackUser).parameter(0).toEqualTypeOf<UserInput<ShopTraits>>()
    expectTypeOf(client.trackPurchase).parameter(0).toEqualTypeOf<PurchaseInput<ShopProperties>>()
    client.trackUser({ userId: 'u1', traits: { plan: 'pro', seats: 3 } })
    client.trackPurchase({ orderId: 'o1', userId: 'u1', amount: 5, currency: 'USD', product: 'Tea', properties: { channel: 'web' } })
  })

  test('traits and properties of the wrong shape are refused', () => {
    // @ts-expect-error plan is 'free' | 'pro'
    client.trackUser({ userId: 'u1', traits: { plan: 'gold', seats: 3 } })
    // @ts-expect-error seats is missing
    client.trackUser({ userId: 'u1', traits: { plan: 'pro' } })
    // @ts-expect-error channel is required
    client.trackPurchase({ orderId: 'o1', userId: 'u1', amount: 5, currency: 'USD', product: 'Tea', properties: {} })
  })

  test('an interface value (not a literal) is accepted where Record<string, unknown> would refuse it', () => {
    const traits: ShopTraits = { plan: 'free', seats: 1 }
    client.trackUser({ userId: 'u1', traits })
    const untyped = createClient({ apiKey: 'crm_pk_x', host: 'https://crm.example.com' })
    untyped.trackUser({ userId: 'u1', traits })
    expectTypeOf<ShopTraits>().not.toExtend<Record<string, unknown> & { [key: string]: unknown }>()
  })
})

describe('the contract shapes', () => {
  test('a purchase needs product or items', () => {
    // @ts-expect-error neither product nor items
    client.trackPurchase({ orderId: 'o1', userId: 'u1', amount: 5, currency: 'USD', properties: { channel: 'web' } })
    client.trackPurchase({ orderId: 'o1', userId: 'u1', amount: '5.00', currency: 'USD', items: [{ name: 'Tea', price: 5 }] })
  })

  test('ids, amounts and dates', () => {
    // @ts-expect-error orderId is required
    client.trackPurchase({ userId: 'u1', amount: 5, currency: 'USD', product: 'Tea' })
    // @ts-expect-error amount is a number or a decimal string
    client.trackPurchase({ orderId: 'o1', userId: 'u1', amount: 5n, currency: 'USD', product: 'Tea' })
    client.trackUser({ userId: 'u1', createdAt: new Date() })
    // @ts-expect-error createdAt is a string or a Date
    client.trackUser({ userId: 'u1', createdAt: 1_700_000_000 })
  })

  test('a refund: ids, money as a purchase has it, an optional order, items without category', () => {
    expectTypeOf(client.trackRefund).parameter(0).toEqualTypeOf<RefundInput>()
    client.trackRefund({ refundId: 'r1', userId: 'u1', amount: 5, currency: 'USD' })
    client.trackRefund({
      refundId: 'r2',
      userId: 'u1',
      orderId: 'o1',
      amount: '2.50',
      currency: 'eur',
      timestamp: new Date(),
      items: [{ productId: 'sku-1', name: 'Tea', quantity: 1, price: '2.50' }],
      reason: 'Arrived broken',
      messageId: 'm1',
    })
    // @ts-expect-error refundId is required
    client.trackRefund({ userId: 'u1', amount: 5, currency: 'USD' })
    // @ts-expect-error amount is a number or a decimal string
    client.trackRefund({ refundId: 'r1', userId: 'u1', amount: 5n, currency: 'USD' })
    // @ts-expect-error the server takes no category on a refund's line
    client.trackRefund({ refundId: 'r1', userId: 'u1', amount: 5, currency: 'USD', items: [{ name: 'Tea', category: 'Drinks', price: 5 }] })
    // @ts-expect-error a refund has no properties
    client.trackRefund({ refundId: 'r1', userId: 'u1', amount: 5, currency: 'USD', properties: {} })
  })

  test('an event: any name and properties object by default', () => {
    expectTypeOf(client.track).parameter(0).toEqualTypeOf<TrackInput>()
    expectTypeOf<TrackInput>().toEqualTypeOf<CustomEventInput<string, object>>()
    client.track({ userId: 'u1', event: 'Viewed pricing' })
    client.track({ userId: 'u1', event: 'Anything', properties: { plan: 'pro', seats: 3 }, timestamp: '2026-11-20T10:00:00', messageId: 'm1' })
    // @ts-expect-error event is required
    client.track({ userId: 'u1', properties: {} })
    // @ts-expect-error properties is an object
    client.track({ userId: 'u1', event: 'Viewed pricing', properties: 'pro' })
    // @ts-expect-error timestamp is a string or a Date
    client.track({ userId: 'u1', event: 'Viewed pricing', timestamp: 1_700_000_000 })
  })

  test('an event map types the names and the properties of each', () => {
    expectTypeOf(shop).toEqualTypeOf<Client<ShopTraits, ShopProperties, ShopEvents>>()
    expectTypeOf(shop.track).parameter(0).toEqualTypeOf<TrackInput<ShopEvents>>()
    shop.track({ userId: 'u1', event: 'Viewed pricing', properties: { plan: 'team' } })
    shop.track({ userId: 'u1', event: 'Opened support ticket', properties: { topic: 'billing' } })
    shop.track({ userId: 'u1', event: 'Signed in' })
    // @ts-expect-error no such event
    shop.track({ userId: 'u1', event: 'Viewed pricing page' })
    // @ts-expect-error plan is 'pro' | 'team'
    shop.track({ userId: 'u1', event: 'Viewed pricing', properties: { plan: 'free' } })
    // @ts-expect-error these are the properties of another event
    shop.track({ userId: 'u1', event: 'Viewed pricing', properties: { topic: 'billing' } })
    // @ts-expect-error an event map's values are properties objects
    createClient<object, object, { 'Viewed pricing': string }>({ apiKey: 'crm_pk_x', host: 'https://crm.example.com' })
  })

  test('track returns boolean; flush and shutdown resolve with counts', () => {
    expectTypeOf(client.trackUser({ userId: 'u1' })).toEqualTypeOf<boolean>()
    expectTypeOf(client.track({ userId: 'u1', event: 'Signed in' })).toEqualTypeOf<boolean>()
    expectTypeOf(client.trackRefund({ refundId: 'r1', userId: 'u1', amount: 1, currency: 'USD' })).toEqualTypeOf<boolean>()
    expectTypeOf(client.flush()).resolves.toEqualTypeOf<FlushResult>()
    expectTypeOf(client.shutdown({ timeout: 1000 })).resolves.toEqualTypeOf<FlushResult>()
  })

  test('listeners get typed payloads', () => {
    client.on('error', (error) => expectTypeOf(error).toEqualTypeOf<ClientError>())
    client.on('drop', (drop) => {
      expectTypeOf(drop).toEqualTypeOf<DropInfo>()
      expectTypeOf(drop.reason).toEqualTypeOf<'queue_full' | 'retries_exhausted' | 'rejected'>()
    })
    expectTypeOf(client.on('sent', () => {})).toEqualTypeOf<() => void>()
    // @ts-expect-error no such event
    client.on('delivered', () => {})
  })
})
