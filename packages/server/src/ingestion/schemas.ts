import { z } from '@hono/zod-openapi'
import { ClientId, CurrencyCode, Email, EventDateTime, IsoDateTime, JsonObject, MAX_JSON_DEPTH, plainText } from '../schemas'

/**
 * Limits of a purchase event, shared by the schemas below and by the fast path that recognises the common purchase
 * (`purchase-fast-path.ts`).
 */
export const PURCHASE_LIMITS = {
  amountText: 40,
  productName: 500,
  category: 200,
  quantity: 1_000_000,
} as const

const Amount = z
  .union([z.number(), z.string().max(PURCHASE_LIMITS.amountText)])
  .openapi({ description: 'Major units, as a JSON number or a decimal string; decimals past the currency’s are rounded half up', example: 19.99 })

const MessageId = ClientId.openapi({
  description: 'Idempotency key of the event: an event whose messageId was seen before is not applied again',
  example: 'msg_2f9c1a',
})

export const UserEventFields = z.strictObject({
  userId: ClientId.openapi({ example: 'u_1024' }),
  name: plainText(200).nullable().optional().openapi({ example: 'Ada Lovelace' }),
  email: Email.nullable().optional().openapi({ example: 'ada@example.com' }),
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 ().-]{2,31}$/, 'must be a phone number such as +1 555 0100')
    .nullable()
    .optional()
    .openapi({ example: '+1 555 0100' }),
  traits: JsonObject.optional().openapi({
    description: `Merged into the stored traits (RFC 7396: null removes a key). At most ${MAX_JSON_DEPTH} levels deep (the object itself is the first); deeper is \`400 validation_failed\` naming \`traits\``,
  }),
  createdAt: EventDateTime.optional().openapi({ description: 'When the user signed up in your app; defaults to when first seen' }),
  messageId: MessageId.optional(),
})

export const PurchaseItemFields = z.strictObject({
  productId: ClientId.optional().openapi({ example: 'sku_42' }),
  name: plainText(PURCHASE_LIMITS.productName).openapi({ example: 'Espresso beans 1 kg' }),
  category: plainText(PURCHASE_LIMITS.category).optional().openapi({ example: 'Coffee' }),
  quantity: z.number().int('must be a whole number').min(1).max(PURCHASE_LIMITS.quantity).default(1),
  price: Amount.openapi({ description: 'Unit price in major units, in the order’s currency; decimals past the currency’s are rounded half up' }),
})

export const PurchaseEventFields = z.strictObject({
  orderId: ClientId.openapi({ example: 'ord_5531' }),
  userId: ClientId.openapi({ example: 'u_1024' }),
  amount: Amount.openapi({ description: 'The order total in major units; decimals past the currency’s are rounded half up' }),
  currency: CurrencyCode,
  timestamp: EventDateTime.optional().openapi({
    description: 'When the order was placed; defaults to now; at most 24 h ahead. Without an offset, read in the app’s time zone; a space may stand for the T',
  }),
  product: plainText(PURCHASE_LIMITS.productName).optional().openapi({ description: 'A one-product order: the product’s name (or give items)', example: 'Pro plan' }),
  // No count of its own: the event's 64 KiB bound it (a wholesale invoice can have hundreds of lines).
  items: z.array(PurchaseItemFields).min(1).optional().openapi({ description: 'As many as fit in the event’s 64 KiB' }),
  properties: JsonObject.optional().openapi({
    description: `Free-form details of the order. At most ${MAX_JSON_DEPTH} levels deep (the object itself is the first); deeper is \`400 validation_failed\` naming \`properties\``,
  }),
  messageId: MessageId.optional(),
})

/** Limits of a refund and of a custom event. */
export const REFUND_LIMITS = { reason: 500 } as const
export const CUSTOM_EVENT_LIMITS = { name: 200 } as const

export const RefundItemFields = z.strictObject({
  productId: ClientId.optional().openapi({ example: 'sku_42' }),
  name: plainText(PURCHASE_LIMITS.productName).openapi({ example: 'Espresso beans 1 kg' }),
  quantity: z.number().int('must be a whole number').min(1).max(PURCHASE_LIMITS.quantity).default(1),
  price: Amount.openapi({ description: 'Unit price given back, in major units of the refund’s currency' }),
})

export const RefundEventFields = z.strictObject({
  refundId: ClientId.openapi({ description: 'Your id of the refund: the same refundId again is a duplicate, or a conflict with another body', example: 're_0412' }),
  userId: ClientId.openapi({ example: 'u_1024' }),
  amount: Amount.openapi({ description: 'Money given back, in major units; greater than 0; decimals past the currency’s are rounded half up', example: 24.95 }),
  currency: CurrencyCode,
  orderId: ClientId.optional().openapi({
    description:
      'The refunded order, of this userId, in its currency; its refunds never add up to more than its amount. ' +
      'Without it, a refund of the customer (a cancellation invoice, a goodwill credit)',
    example: 'ord_5531',
  }),
  timestamp: EventDateTime.optional().openapi({
    description: 'When the money was given back (a refund counts on its own date, not its order’s); defaults to now; at most 24 h ahead',
  }),
  items: z.array(RefundItemFields).min(1).optional().openapi({ description: 'What was given back, as many as fit in the event’s 64 KiB' }),
  reason: plainText(REFUND_LIMITS.reason).optional().openapi({ example: 'Arrived broken' }),
  messageId: MessageId.optional(),
})

export const CustomEventFields = z.strictObject({
  userId: ClientId.openapi({ example: 'u_1024' }),
  event: plainText(CUSTOM_EVENT_LIMITS.name).openapi({ description: 'What the user did', example: 'Opened support ticket' }),
  properties: JsonObject.optional().openapi({
    description: `Free-form details, kept as given. At most ${MAX_JSON_DEPTH} levels deep (the object itself is the first); deeper is \`400 validation_failed\` naming \`properties\``,
  }),
  timestamp: EventDateTime.optional().openapi({ description: 'When it happened; defaults to now; at most 24 h ahead' }),
  messageId: MessageId.optional(),
})

export const BatchUserEventFields = UserEventFields.extend({ type: z.literal('user') }).openapi('BatchUserEvent')
export const BatchPurchaseEventFields = PurchaseEventFields.extend({ type: z.literal('purchase') }).openapi('BatchPurchaseEvent')
export const BatchRefundEventFields = RefundEventFields.extend({ type: z.literal('refund') }).openapi('BatchRefundEvent')
export const BatchCustomEventFields = CustomEventFields.extend({ type: z.literal('event') }).openapi('BatchCustomEvent')

export const BatchBody = z
  .strictObject({
    batch: z
      .array(z.discriminatedUnion('type', [BatchUserEventFields, BatchPurchaseEventFields, BatchRefundEventFields, BatchCustomEventFields]))
      .openapi({ description: 'Up to 1000 events, 64 KiB each, 1 MiB in all' }),
    key: z.string().max(200).optional().openapi({ description: 'A publishable key, for navigator.sendBeacon, which cannot set headers' }),
    sentAt: IsoDateTime.optional(),
  })
  .openapi('BatchRequest')

export const BatchEnvelope = z.strictObject({
  batch: z.array(z.unknown()).min(1, 'must hold at least one event'),
  key: z.string().max(200).optional(),
  sentAt: IsoDateTime.optional(),
})

export const StatusResponse = z.object({ status: z.enum(['created', 'updated', 'duplicate']) }).openapi('EventStatus')

export const BatchResponse = z
  .object({
    accepted: z.number().int().openapi({ description: 'Events stored by this request (new or updating)' }),
    duplicates: z.number().int().openapi({ description: 'Events already stored before (same messageId, or same order or refund)' }),
    rejected: z.array(
      z.object({
        index: z.number().int(),
        code: z.enum(['validation_failed', 'payload_too_large', 'conflict']),
        message: z.string(),
        issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      }),
    ),
  })
  .openapi('BatchResult')

export const ConnectionResponse = z
  .object({
    app: z.object({ id: z.string(), name: z.string(), currency: z.string(), timezone: z.string() }),
    keyType: z.enum(['publishable', 'secret']),
    lastEventAt: z.string().nullable(),
    counts: z.object({ customers: z.number().int(), purchases: z.number().int(), refunds: z.number().int(), events: z.number().int() }),
  })
  .openapi('Connection')

export type UserEventInput = z.output<typeof UserEventFields>
export type PurchaseEventInput = z.output<typeof PurchaseEventFields>
export type RefundEventInput = z.output<typeof RefundEventFields>
export type CustomEventInput = z.output<typeof CustomEventFields>
