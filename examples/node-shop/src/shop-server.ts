import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Client } from 'crm-sdk'
import { CURRENCY, findProduct } from './catalog'

/** What the shop tells the CRM about its customers. */
export interface CustomerTraits {
  plan: 'guest' | 'member'
  newsletter: boolean
}

/** What the shop tells the CRM about an order beyond its lines. */
export interface OrderProperties {
  channel: 'web' | 'phone'
  coupon?: string
}

export type ShopCrm = Client<CustomerTraits, OrderProperties>

interface OrderRequest {
  userId: string
  lines: { productId: string; quantity: number }[]
  coupon?: string
}

const readJson = async (request: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

const reply = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

/**
 * The shop's HTTP API: `POST /customers` signs a customer up, `POST /orders` places an order, `GET /crm` shows
 * the SDK's delivery counters. Tracking never blocks or fails a request: the SDK queues and retries on its own.
 *
 * @example createShopServer(crm).listen(4000)
 */
export function createShopServer(crm: ShopCrm): Server {
  return createServer((request, response) => {
    handle(crm, request, response).catch((error: unknown) => reply(response, 400, { error: String(error) }))
  })
}

async function handle(crm: ShopCrm, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method === 'POST' && request.url === '/customers') {
    const { userId, name, email, newsletter } = (await readJson(request)) as { userId: string; name: string; email: string; newsletter?: boolean }
    crm.trackUser({ userId, name, email, traits: { plan: 'member', newsletter: newsletter ?? false } })
    return reply(response, 201, { userId })
  }
  if (request.method === 'POST' && request.url === '/orders') {
    const order = (await readJson(request)) as OrderRequest
    const items = order.lines.map(({ productId, quantity }) => {
      const product = findProduct(productId)
      if (!product) throw new Error(`unknown product ${productId}`)
      return { productId, name: product.name, category: product.category, quantity, price: product.price }
    })
    // Cents, so the total is exact; the SDK takes major units as a decimal string.
    const cents = items.reduce((sum, item) => sum + Math.round(item.price * 100) * item.quantity, 0)
    const orderId = `ord_${randomUUID()}`
    crm.trackPurchase({
      orderId,
      userId: order.userId,
      amount: (cents / 100).toFixed(2),
      currency: CURRENCY,
      items,
      properties: { channel: 'web', ...(order.coupon ? { coupon: order.coupon } : {}) },
    })
    return reply(response, 201, { orderId, total: (cents / 100).toFixed(2), currency: CURRENCY })
  }
  if (request.method === 'GET' && request.url === '/crm') return reply(response, 200, crm.stats())
  reply(response, 404, { error: 'not found' })
}
