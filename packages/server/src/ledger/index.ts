export { PurchaseLedger, type LedgerProduct } from './purchase-ledger'
export { Ledgers } from './ledgers'
export { LocalDayClock } from './local-days'
