import type { RetryPolicy } from '../delivery/deliver-batch'
import type { QueueLimits } from '../queue/event-queue'

/** The part of the Web Storage API the SDK uses; `localStorage` fits. */
export interface StorageLike {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** Options of `createClient()`; every one but `apiKey` and `host` has a default. */
export interface ClientOptions {
  /** A publishable (`crm_pk_…`, safe in browsers) or secret (`crm_sk_…`) key. */
  apiKey: string
  /** The CRM server's origin, e.g. `https://crm.example.com`. */
  host: string
  /** Send as soon as this many events wait, and put at most this many in one request (1..1000). Default 50. */
  flushAt?: number
  /** Send waiting events after this many ms. Default 2000 in Node and edge runtimes, 1000 in browsers. */
  flushInterval?: number
  /** The queue holds at most this many events, in flight included. Default 10 000. */
  maxQueueEvents?: number
  /** The queue holds at most this many bytes of UTF-8 JSON. Default 5 MiB. */
  maxQueueBytes?: number
  /** A request body stays within this many bytes (the server's limit). Default 1 MiB. */
  maxBatchBytes?: number
  /** Tries per batch before its events are dropped. Default 10. */
  maxAttempts?: number
  /** Time budget per batch, first try to last, in ms. Default 60 000. */
  maxRetryTime?: number
  /** Base of the exponential backoff, in ms. Default 500. */
  retryDelay?: number
  /** Cap of one backoff wait, in ms. Default 30 000. */
  maxRetryDelay?: number
  /** Timeout of one request, in ms. Default 10 000. */
  timeout?: number
  /** Default deadline of `flush()` and `shutdown()`, and the time a Node process that is about to exit with events still
   * queued waits for their delivery (`beforeExit`), in ms. Default 10 000. */
  flushTimeout?: number
  /** Called with every delivery run, e.g. `waitUntil` of `@vercel/functions`, so a serverless runtime waits for it. */
  waitUntil?: (promise: Promise<unknown>) => void
  /** Where unsent events survive a page close. Default `localStorage` in browsers, none elsewhere; `false` turns it off. */
  storage?: StorageLike | false
  /** At most this many characters of events are kept in `storage`. Default 1 000 000. */
  maxStoredChars?: number
  /** Send what is queued with `navigator.sendBeacon` on `pagehide` (publishable keys only). Default true in browsers. */
  beacon?: boolean
}

/** Options with every default filled in. */
export interface ResolvedOptions extends QueueLimits, RetryPolicy {
  apiKey: string
  url: string
  flushAt: number
  flushInterval: number
  maxBatchBytes: number
  timeout: number
  flushTimeout: number
  waitUntil?: ((promise: Promise<unknown>) => void) | undefined
  storage: StorageLike | undefined
  maxStoredChars: number
  beacon: boolean
  inBrowser: boolean
}

function browserStorage(): StorageLike | undefined {
  try {
    return window.localStorage
  } catch {
    // Sandboxed iframes and blocked cookies throw on access.
    return undefined
  }
}

/**
 * Fills in the defaults. A missing or malformed key or host is a programming error and throws a `TypeError` here,
 * once, instead of failing every event later; the types describe the rest.
 *
 * @example resolveOptions({ apiKey: 'crm_pk_…', host: 'http://127.0.0.1:3000' }).flushAt // 50
 */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  const { apiKey, host } = options ?? {}
  if (!/^crm_[ps]k_/.test(apiKey)) throw new TypeError('crm-sdk: apiKey must be a crm_pk_ or crm_sk_ key')
  if (!/^https?:\/\//.test(host)) throw new TypeError('crm-sdk: host must be an http(s) URL')
  const inBrowser = typeof document === 'object'
  const numeric = {
    flushAt: 50,
    flushInterval: inBrowser ? 1000 : 2000,
    maxQueueEvents: 10_000,
    maxQueueBytes: 5_242_880,
    maxBatchBytes: 1_048_576,
    maxAttempts: 10,
    maxRetryTime: 60_000,
    retryDelay: 500,
    maxRetryDelay: 30_000,
    timeout: 10_000,
    flushTimeout: 10_000,
    maxStoredChars: 1_000_000,
  }
  const resolved: ResolvedOptions = {
    ...numeric,
    ...options,
    url: `${host.replace(/\/+$/, '')}/v1/batch`,
    beacon: options.beacon ?? inBrowser,
    storage: options.storage === false ? undefined : (options.storage ?? (inBrowser ? browserStorage() : undefined)),
    inBrowser,
  }
  // An option given as undefined keeps its default.
  for (const name of Object.keys(numeric) as (keyof typeof numeric)[]) resolved[name] ??= numeric[name]
  return resolved
}
