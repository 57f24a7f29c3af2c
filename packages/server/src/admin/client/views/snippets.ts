/** The global the SDK's `<script>` build, served at `/sdk.js`, defines. */
export const SDK_GLOBAL = 'CrmSdk'

/**
 * The Node snippet with a key filled in: install the SDK from this server (it is not on a public registry), then a
 * script that tracks a user and a purchase and waits for their delivery. The script is an ES module (top-level
 * `await`), hence `.mjs`: `npm init -y` makes a CommonJS package, where a `.js` file could not `import`.
 *
 * @example
 * sdkSnippet('crm_pk_…', 'https://crm.example') // starts with 'npm install https://crm.example/sdk/crm-sdk.tgz'
 */
export function sdkSnippet(key: string, host: string): string {
  return `npm install ${host}/sdk/crm-sdk.tgz

// track.mjs (run it with: node track.mjs)
import { createClient } from 'crm-sdk'

const crm = createClient({ apiKey: '${key}', host: '${host}' })
crm.trackUser({ userId: 'user_1', name: 'Ada Lovelace', email: 'ada@example.com' })
crm.trackPurchase({ orderId: 'order_1', userId: 'user_1', amount: 19.99, currency: 'USD', product: 'Tea' })
await crm.flush()`
}

/**
 * The web page snippet with a (publishable) key filled in: the SDK's script from this server, then the same two
 * events through its global. A page needs no flush: what is queued leaves by `sendBeacon` when the page closes.
 *
 * @example
 * browserSnippet('crm_pk_…', 'https://crm.example') // starts with '<script src="https://crm.example/sdk.js"></script>'
 */
export function browserSnippet(key: string, host: string): string {
  return `<script src="${host}/sdk.js"></script>
<script>
  const crm = ${SDK_GLOBAL}.createClient({ apiKey: '${key}', host: '${host}' })
  crm.trackUser({ userId: 'user_1', name: 'Ada Lovelace', email: 'ada@example.com' })
  crm.trackPurchase({ orderId: 'order_1', userId: 'user_1', amount: 19.99, currency: 'USD', product: 'Tea' })
</script>`
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
