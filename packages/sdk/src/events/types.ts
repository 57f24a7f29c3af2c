/** Money in major units: `19.99` or the decimal string `"19.99"`. */
export type Money = number | string

/** A timestamp as an ISO 8601 string or a `Date`. */
export type Timestamp = string | Date

/**
 * A new or updated user of your app (`POST /v1/users` in the contract).
 * `Traits` is your own interface; a plain `interface` type-checks without an index signature.
 */
export interface UserInput<Traits extends object = object> {
  userId: string
  name?: string
  email?: string
  phone?: string
  traits?: Traits
  createdAt?: Timestamp
  /** Your own idempotency id; one is generated when left out. */
  messageId?: string
}

/** One line of an order. */
export interface PurchaseItem {
  productId?: string
  name: string
  category?: string
  quantity?: number
  price: Money
}

interface PurchaseFields<Properties extends object> {
  orderId: string
  userId: string
  /** The order total in major units. */
  amount: Money
  /** ISO 4217 code such as `"USD"`. */
  currency: string
  /** When the purchase happened; defaults to the moment it was tracked. */
  timestamp?: Timestamp
  properties?: Properties
  /** Your own idempotency id; one is generated when left out. */
  messageId?: string
}

/** A purchase (`POST /v1/purchases` in the contract): `product` or `items` is required. */
export type PurchaseInput<Properties extends object = object> = PurchaseFields<Properties> &
  ({ product: string; items?: PurchaseItem[] } | { product?: string; items: PurchaseItem[] })

/** One line of a refund: what was given back. */
export interface RefundItem {
  productId?: string
  name: string
  quantity?: number
  /** The unit price given back, in major units of the refund's currency. */
  price: Money
}

/**
 * Money given back (`POST /v1/refunds` in the contract). With `orderId` it refunds that order of that user, in the
 * order's currency, never more than the order; without it, it is a refund of the customer (a cancellation invoice,
 * a goodwill credit).
 */
export interface RefundInput {
  /** Your id of the refund: the same `refundId` again is stored once. */
  refundId: string
  userId: string
  /** The money given back in major units, greater than 0. */
  amount: Money
  /** ISO 4217 code such as `"USD"`. */
  currency: string
  orderId?: string
  /** When the money was given back; defaults to the moment it was tracked. */
  timestamp?: Timestamp
  items?: RefundItem[]
  reason?: string
  /** Your own idempotency id; one is generated when left out. */
  messageId?: string
}

/** Any other interaction of a user with your app (`POST /v1/events` in the contract), such as `"Viewed pricing"`. */
export interface CustomEventInput<Name extends string = string, Properties extends object = object> {
  userId: string
  /** What the user did: a name of 1 to 200 characters. */
  event: Name
  properties?: Properties
  /** When it happened; defaults to the moment it was tracked. */
  timestamp?: Timestamp
  /** Your own idempotency id; one is generated when left out. */
  messageId?: string
}

/**
 * The inputs `track()` takes when `Events` maps event names to the type of their `properties`; with the default, any
 * name and any properties object.
 *
 * @example
 * interface Events { 'Viewed pricing': { plan: 'pro' | 'team' }; 'Opened support ticket': { topic: string } }
 * const input: TrackInput<Events> = { userId: 'u_1', event: 'Viewed pricing', properties: { plan: 'pro' } }
 */
export type TrackInput<Events extends EventMap<Events> = Record<string, object>> = {
  [Name in keyof Events & string]: CustomEventInput<Name, Events[Name]>
}[keyof Events & string]

/**
 * What `Events` of `createClient<Traits, Properties, Events>()` must be: an object type whose every value is the
 * `properties` type of the event of that name. A plain `interface` fits.
 */
export type EventMap<Events> = { [Name in keyof Events]: object }

/** The input of each kind of event, by its `type` on the wire. */
export interface InputByKind {
  user: UserInput
  purchase: PurchaseInput
  refund: RefundInput
  event: CustomEventInput
}

/** The kinds of event the SDK sends: `user`, `purchase`, `refund` and `event`. */
export type EventKind = keyof InputByKind
