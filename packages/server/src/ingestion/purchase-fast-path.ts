import { isCurrency } from '../money'
import { isEventDateTime, isPlainText, MAX_CLIENT_ID_LENGTH } from '../schemas'
import { PURCHASE_LIMITS, type PurchaseEventInput } from './schemas'

type PurchaseItemInput = NonNullable<PurchaseEventInput['items']>[number]

/** A key of the common purchase event (a switch: cheaper per key than a lookup in a Set). */
function isEventKey(key: string): boolean {
  switch (key) {
    case 'orderId':
    case 'userId':
    case 'amount':
    case 'currency':
    case 'timestamp':
    case 'product':
    case 'items':
    case 'messageId':
      return true
    default:
      return false
  }
}

function isItemKey(key: string): boolean {
  return key === 'name' || key === 'price' || key === 'productId' || key === 'category' || key === 'quantity'
}
const CURRENCY_CODE = /^[A-Z]{3}$/

/**
 * Recognises the common purchase event — ids, amount, currency, timestamp, product or items, no `properties` —
 * without zod, and returns exactly what `PurchaseEventFields` (`BatchPurchaseEventFields` with `inBatch`) would
 * parse it to. For anything else, valid or not, it returns `undefined` and the schema decides, and words the
 * errors. Ingestion validates every event, and the schema's general machinery was a quarter of the cost of a batch
 * on the event loop; the limits are the schema's own (`PURCHASE_LIMITS`, `isPlainText`), and a test
 * holds the two to the same verdicts.
 *
 * @example
 * readCommonPurchase({ orderId: 'o1', userId: 'u1', amount: '9.99', currency: 'USD', product: 'Pro' }, false)
 * // { orderId: 'o1', userId: 'u1', amount: '9.99', currency: 'USD', product: 'Pro' }
 * readCommonPurchase({ orderId: 'o1', userId: 'u1', amount: '9.99', currency: 'usd', product: 'Pro' }, false)
 * // undefined: the schema will say what is wrong
 */
export function readCommonPurchase(raw: unknown, inBatch: boolean): PurchaseEventInput | undefined {
  if (!isPlainObject(raw)) return undefined
  for (const key in raw) if (!isEventKey(key) && !(inBatch && key === 'type')) return undefined
  if (inBatch && raw.type !== 'purchase') return undefined
  const { orderId, userId, amount, currency, timestamp, product, items, messageId } = raw
  if (!isText(orderId, MAX_CLIENT_ID_LENGTH) || !isText(userId, MAX_CLIENT_ID_LENGTH)) return undefined
  if (!isAmount(amount)) return undefined
  if (typeof currency !== 'string' || !CURRENCY_CODE.test(currency) || !isCurrency(currency)) return undefined
  if (timestamp !== undefined && (typeof timestamp !== 'string' || !isEventDateTime(timestamp))) return undefined
  if (product !== undefined && !isText(product, PURCHASE_LIMITS.productName)) return undefined
  if (messageId !== undefined && !isText(messageId, MAX_CLIENT_ID_LENGTH)) return undefined
  const event: PurchaseEventInput = { orderId, userId, amount, currency }
  if (inBatch) (event as PurchaseEventInput & { type: 'purchase' }).type = 'purchase'
  if (timestamp !== undefined) event.timestamp = timestamp
  if (product !== undefined) event.product = product
  if (items !== undefined) {
    const read = readItems(items)
    if (read === undefined) return undefined
    event.items = read
  }
  if (messageId !== undefined) event.messageId = messageId
  return event
}

function readItems(items: unknown): PurchaseItemInput[] | undefined {
  if (!Array.isArray(items) || items.length < 1) return undefined
  const read: PurchaseItemInput[] = []
  for (const item of items) {
    if (!isPlainObject(item)) return undefined
    for (const key in item) if (!isItemKey(key)) return undefined
    const { productId, name, category, quantity = 1, price } = item
    if (!isText(name, PURCHASE_LIMITS.productName) || !isAmount(price)) return undefined
    if (productId !== undefined && !isText(productId, MAX_CLIENT_ID_LENGTH)) return undefined
    if (category !== undefined && !isText(category, PURCHASE_LIMITS.category)) return undefined
    if (!Number.isSafeInteger(quantity) || (quantity as number) < 1 || (quantity as number) > PURCHASE_LIMITS.quantity) return undefined
    const entry: PurchaseItemInput = { name, quantity: quantity as number, price }
    if (productId !== undefined) entry.productId = productId
    if (category !== undefined) entry.category = category
    read.push(entry)
  }
  return read
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= max && isPlainText(value)
}

/** The schema's `Amount`: a finite number, or a string of at most 40 characters; `toMinorUnits` judges the value. */
function isAmount(value: unknown): value is number | string {
  return Number.isFinite(value) || (typeof value === 'string' && value.length <= PURCHASE_LIMITS.amountText)
}
