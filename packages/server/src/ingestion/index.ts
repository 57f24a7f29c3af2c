export { IngestionService, TOTALS_REFRESH, type CommitListener } from './ingestion-service'
export { InThreadWriter, type EventWriter } from './event-writer'
export { WriterThread } from './writer-thread'
export { commitGroup, type BatchCommit } from './commit-group'
export { registerIngestionRoutes, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_EVENT_BYTES } from './ingestion-routes'
export { normalizePurchase, normalizeUser, MAX_FUTURE_MS, type NormalizeResult } from './normalize-event'
export {
  UserEventFields,
  PurchaseEventFields,
  PurchaseItemFields,
  BatchBody,
  BatchUserEventFields,
  BatchPurchaseEventFields,
  BatchResponse,
} from './schemas'
