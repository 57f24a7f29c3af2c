import { betaFrom, gammaFrom, seededRandom } from '../test/fixtures/seeded-random'

export type ShopProduct = { productId: string; name: string; category: string; price: number }

export type ShopEvent =
  | { type: 'user'; userId: string; name: string; email: string; createdAt: string; messageId: string }
  | {
      type: 'purchase'
      orderId: string
      userId: string
      amount: string
      currency: string
      timestamp: string
      items: ShopItem[]
      messageId: string
    }

export type SyntheticShopOptions = {
  customers: number
  /** First day of the history (UTC midnight). */
  start: Date
  days: number
  currency?: string
  seed?: number
}

export const SHOP_PRODUCTS: readonly ShopProduct[] = [
  { productId: 'espresso-beans', name: 'Espresso beans', category: 'Coffee', price: 14.5 },
  { productId: 'filter-beans', name: 'Filter beans', category: 'Coffee', price: 12 },
  { productId: 'decaf-beans', name: 'Decaf beans', category: 'Coffee', price: 13 },
  { productId: 'cold-brew', name: 'Cold brew kit', category: 'Coffee', price: 29 },
  { productId: 'grinder', name: 'Burr grinder', category: 'Equipment', price: 89 },
  { productId: 'kettle', name: 'Gooseneck kettle', category: 'Equipment', price: 59 },
  { productId: 'scale', name: 'Coffee scale', category: 'Equipment', price: 35 },
  { productId: 'dripper', name: 'Pour-over dripper', category: 'Equipment', price: 24 },
  { productId: 'paper-filters', name: 'Paper filters', category: 'Supplies', price: 6 },
  { productId: 'mug', name: 'Ceramic mug', category: 'Gifts', price: 16 },
  { productId: 'milk-jug', name: 'Milk jug', category: 'Equipment', price: 19 },
  { productId: 'gift-box', name: 'Gift box', category: 'Gifts', price: 45 },
]

// Pairs bought together far more often than chance: what the cross-sell rules should find.
const AFFINITIES: Record<string, string> = {
  dripper: 'paper-filters',
  grinder: 'espresso-beans',
  kettle: 'scale',
  'milk-jug': 'mug',
}

const DAY_MS = 86_400_000

/** Popularity of a product at `progress` (0..1) through the history: cold brew rises, decaf fades. */
function popularity(productId: string, progress: number): number {
  if (productId === 'cold-brew') return 0.2 + 2.5 * progress
  if (productId === 'decaf-beans') return 2 - 1.8 * progress
  if (productId.endsWith('beans')) return 4
  if (productId === 'paper-filters') return 2
  return 1
}

/** Yearly (a peak before the new year) and weekly (weekends) demand around 1. */
function seasonality(time: number): number {
  const date = new Date(time)
  const dayOfYear = (time - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS
  const yearly = 1 + 0.45 * Math.cos((2 * Math.PI * (dayOfYear - 345)) / 365)
  const weekday = date.getUTCDay()
  return yearly * (weekday === 0 || weekday === 6 ? 1.3 : 0.9)
}

export type ShopItem = { productId: string; name: string; category: string; quantity: number; price: string }

/**
 * One order's items at `progress` (0..1) through the history: a product by popularity, its affinity partner 45 % of
 * the time, now and then something else.
 *
 * @example
 * shopBasket(seededRandom(1), 0.5) // [{ productId: 'dripper', ... }, { productId: 'paper-filters', ... }]
 */
export function shopBasket(random: () => number, progress: number): ShopItem[] {
  const basket = new Set<string>()
  const weights = SHOP_PRODUCTS.map((product) => popularity(product.productId, progress))
  let pick = random() * weights.reduce((sum, weight) => sum + weight, 0)
  const primary = SHOP_PRODUCTS.find((_, i) => (pick -= weights[i] as number) < 0) ?? SHOP_PRODUCTS[0]!
  basket.add(primary.productId)
  const partner = AFFINITIES[primary.productId]
  if (partner && random() < 0.45) basket.add(partner)
  if (random() < 0.08) basket.add(SHOP_PRODUCTS[Math.floor(random() * SHOP_PRODUCTS.length)]!.productId)
  return [...basket].map((productId) => {
    const product = SHOP_PRODUCTS.find((candidate) => candidate.productId === productId)!
    const quantity = product.category === 'Coffee' && random() < 0.3 ? 2 : 1
    return { productId, name: product.name, category: product.category, quantity, price: product.price.toFixed(2) }
  })
}

/**
 * A realistic synthetic coffee shop: customers arriving ever faster (growth), buying with a yearly peak and busier
 * weekends (seasonality), each at their own rate and each leaving after some purchase (churn, as in BG/NBD),
 * baskets with product affinities, one product rising and one falling. Reproducible from its seed.
 *
 * @example
 * const events = syntheticShop({ customers: 3000, start: new Date('2024-11-01'), days: 730 })
 */
export function syntheticShop(options: SyntheticShopOptions): ShopEvent[] {
  const random = seededRandom(options.seed ?? 7)
  const currency = options.currency ?? 'USD'
  const start = options.start.getTime()
  const end = start + options.days * DAY_MS
  const events: ShopEvent[] = []
  let orders = 0
  for (let c = 0; c < options.customers; c++) {
    // Arrivals grow over time: the density of the arrival day rises linearly (inverse-CDF sampling).
    const u = random()
    const arrival = start + options.days * DAY_MS * ((-1 + Math.sqrt(1 + 5.25 * u)) / 1.5)
    const userId = `cust-${String(c + 1).padStart(5, '0')}`
    events.push({
      type: 'user',
      userId,
      name: `Customer ${c + 1}`,
      email: `customer${c + 1}@example.com`,
      createdAt: new Date(arrival).toISOString(),
      messageId: `user-${userId}`,
    })
    const dailyRate = gammaFrom(random, 1.2) / 45
    const dropout = betaFrom(random, 1.2, 3.5)
    let time = arrival
    for (;;) {
      const items = shopBasket(random, (time - start) / DAY_MS / options.days)
      const amount = items.reduce((sum, item) => sum + Number(item.price) * item.quantity, 0)
      orders++
      events.push({
        type: 'purchase',
        orderId: `order-${orders}`,
        userId,
        amount: amount.toFixed(2),
        currency,
        timestamp: new Date(Math.floor(time)).toISOString(),
        items,
        messageId: `order-${orders}`,
      })
      if (random() < dropout) break
      // The next purchase: exponential waiting, accepted in proportion to the season's demand (thinning).
      do time += (-Math.log(1 - random()) / dailyRate) * DAY_MS
      while (time < end && random() > seasonality(time) / 1.9)
      if (time >= end) break
    }
  }
  return events
}
