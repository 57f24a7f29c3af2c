/**
 * The install snippet for the SDK with a key filled in.
 *
 * @example
 * sdkSnippet('crm_pk_…', 'https://crm.example')
 */
export function sdkSnippet(key: string, host: string): string {
  return `npm install crm-sdk

import { createClient } from 'crm-sdk'

const crm = createClient({ apiKey: '${key}', host: '${host}' })
crm.trackUser({ userId: 'user_1', name: 'Ada Lovelace', email: 'ada@example.com' })
crm.trackPurchase({ orderId: 'order_1', userId: 'user_1', amount: 19.99, currency: 'USD', product: 'Tea' })`
}

/**
 * A one-line test event with curl.
 *
 * @example
 * curlSnippet('crm_pk_…', 'https://crm.example')
 */
export function curlSnippet(key: string, host: string): string {
  return `curl -X POST ${host}/v1/users \\
  -H 'Authorization: Bearer ${key}' -H 'Content-Type: application/json' \\
  -d '{"userId": "user_1", "name": "Ada Lovelace"}'`
}
