export { createClient } from './client/create-client'
export type { ClientOptions, StorageLike } from './client/options'
export type { Client, ClientError, ClientEvents, ClientStats, DropInfo, DropReason, FlushOptions, FlushResult } from './client/types'
export type {
  CustomEventInput,
  EventMap,
  Money,
  PurchaseInput,
  PurchaseItem,
  RefundInput,
  RefundItem,
  Timestamp,
  TrackInput,
  UserInput,
} from './events/types'
