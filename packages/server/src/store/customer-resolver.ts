/**
 * How the writers of refunds and events find or create the customer an event names: the ingestion store's cached
 * ids, so that every kind of event sees the same customers within one transaction.
 */
export interface CustomerResolver {
  /** The customer's row id, or undefined when the app has no customer with this userId. */
  find(appId: number, userId: string): number | undefined
  /** Creates the customer, first seen at `createdAt`, and returns its row id. */
  create(appId: number, userId: string, createdAt: number, receivedAt: number): number
}
