import { AccountsStore } from './accounts-store'
import { AppsStore } from './apps-store'
import { CustomerTotalsStore } from './customer-totals-store'
import { CustomersStore } from './customers-store'
import type { Db } from './database'
import { EventLogStore } from './event-log-store'
import { IngestionStore } from './ingestion-store'
import { InsightInputsStore } from './insight-inputs-store'
import { LedgerStore } from './ledger-store'

export type Stores = {
  db: Db
  accounts: AccountsStore
  apps: AppsStore
  ingestion: IngestionStore
  customers: CustomersStore
  totals: CustomerTotalsStore
  ledger: LedgerStore
  eventLog: EventLogStore
  insightInputs: InsightInputsStore
}

/**
 * Builds every store over one database connection.
 *
 * @example
 * const stores = createStores(openDatabase(':memory:'))
 */
export function createStores(db: Db): Stores {
  const totals = new CustomerTotalsStore(db)
  return {
    db,
    accounts: new AccountsStore(db),
    apps: new AppsStore(db, totals),
    ingestion: new IngestionStore(db),
    customers: new CustomersStore(db, totals),
    totals,
    ledger: new LedgerStore(db),
    eventLog: new EventLogStore(db),
    insightInputs: new InsightInputsStore(db),
  }
}
