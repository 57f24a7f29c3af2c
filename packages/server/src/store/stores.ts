import { AccountsStore } from './accounts-store'
import { AppsStore } from './apps-store'
import { CustomerRankingStore } from './customer-ranking-store'
import { CustomersStore } from './customers-store'
import type { Db } from './database'
import { IngestionStore } from './ingestion-store'
import { LedgerStore } from './ledger-store'

export type Stores = {
  db: Db
  accounts: AccountsStore
  apps: AppsStore
  ingestion: IngestionStore
  customers: CustomersStore
  ranking: CustomerRankingStore
  ledger: LedgerStore
}

/**
 * Builds every store over one database connection.
 *
 * @example
 * const stores = createStores(openDatabase(':memory:'))
 */
export function createStores(db: Db): Stores {
  const ranking = new CustomerRankingStore(db)
  return {
    db,
    accounts: new AccountsStore(db),
    apps: new AppsStore(db),
    ingestion: new IngestionStore(db),
    customers: new CustomersStore(db, ranking),
    ranking,
    ledger: new LedgerStore(db),
  }
}
