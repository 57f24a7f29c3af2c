export { IngestionService, type CommitListener } from './ingestion-service'
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
