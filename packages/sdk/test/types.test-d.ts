import { describe, expectTypeOf, test } from 'vitest'
import { createClient, type Client, type ClientError, type DropInfo, type FlushResult, type PurchaseInput, type UserInput } from '../src'

// Plain interfaces, with no index signature: the reason traits and properties are `T extends object`.
interface ShopTraits {
  plan: 'free' | 'pro'
  seats: number
}
interface ShopProperties {
  coupon?: string
  channel: 'web' | 'app'
}

const client = createClient<ShopTraits, ShopProperties>({ apiKey: 'crm_pk_x', host: 'https://crm.example.com' })

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

  test('track returns boolean; flush and shutdown resolve with counts', () => {
    expectTypeOf(client.trackUser({ userId: 'u1' })).toEqualTypeOf<boolean>()
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
