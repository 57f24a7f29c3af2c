export { openDatabase, migrate, type Db, type OpenDatabaseOptions } from './database'
export { migrations, type Migration } from './migrations'
export { AccountsStore, type UserRow, type SessionRow } from './accounts-store'
export { AppsStore, type AppRow, type ApiKeyRow, type KeyType, type AppSettings } from './apps-store'
export {
  IngestionStore,
  type EventWrite,
  type UserWrite,
  type PurchaseWrite,
  type PurchaseItemWrite,
  type ProfileFields,
  type WriteOutcome,
  type EventBatchWrite,
} from './ingestion-store'
export { type RefundWrite, type RefundItemWrite, type RefundRejection } from './refund-writes'
export { type CustomEventWrite } from './custom-event-writes'
export {
  CustomersStore,
  type CustomerRow,
  type CustomerSort,
  type PurchaseRow,
  type CustomerEventRow,
  type RefundRow,
  type CustomEventRow,
  type Keyset,
  type CustomerListQuery,
  type PurchaseListQuery,
} from './customers-store'
export { CustomerTotalsStore, type TotalsDelta, type TotalsWatermarks } from './customer-totals-store'
export { WalCheckpointer } from './wal-checkpointer'
export { createStores, type Stores } from './stores'
export { LedgerStore, type LedgerPurchaseRow, type LedgerCustomerRow, type LedgerRefundRow } from './ledger-store'
export { EventLogStore, type EventLogRow, type EventNameRow } from './event-log-store'
export { InsightInputsStore, type RefundLinkRow, type RecentActivityRow } from './insight-inputs-store'
