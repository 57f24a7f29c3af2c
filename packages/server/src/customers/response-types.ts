import type { z } from '@hono/zod-openapi'
import type { CustomerDetailSchema, CustomerSummarySchema, PurchaseSchema, TimelineEntrySchema } from './schemas'

// The customer base's answers as TypeScript types, inferred from the schemas that the OpenAPI document is made of:
// the customers service builds them and the admin page imports them (types only, nothing of the server's code).

/** One row of `GET /v1/customers`. */
export type CustomerSummary = z.infer<typeof CustomerSummarySchema>
/** `GET /v1/customers/{userId}`. */
export type CustomerDetail = z.infer<typeof CustomerDetailSchema>
/** One entry of a customer's timeline. */
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>
/** The kinds of timeline entries. */
export type TimelineEntryType = TimelineEntry['type']
export type Purchase = z.infer<typeof PurchaseSchema>
/** A page of a list, and where the next one starts. */
export type Page<T> = { data: T[]; nextCursor: string | null }
