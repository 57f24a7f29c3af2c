import type { ServerOptions } from 'node:http'

/**
 * The Node HTTP server's deadlines for a slow client: its headers within `headersTimeoutMs`, the whole request
 * within `bodyTimeoutMs` more; checked every second (Node's default is every 30 s, which let a client sending a
 * byte a second hold a request open for a minute or more).
 *
 * @example
 * serve({ fetch: app.fetch, port: 3000, serverOptions: serverTimeouts({ headersTimeoutMs: 10_000, bodyTimeoutMs: 30_000 }) })
 */
export function serverTimeouts(options: { headersTimeoutMs: number; bodyTimeoutMs: number }): ServerOptions {
  return {
    headersTimeout: options.headersTimeoutMs,
    requestTimeout: options.headersTimeoutMs + options.bodyTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs),
  }
}
