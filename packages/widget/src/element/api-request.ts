/** The server answered 401: the embed token expired or was tampered with. */
export class ExpiredTokenError extends Error {
  override readonly name = 'ExpiredTokenError'
}

/** Any other failed request; `status` is 0 when the network or a timeout failed. */
export class RequestError extends Error {
  override readonly name = 'RequestError'
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

export interface ApiRequestOptions {
  /** API base URL, e.g. "https://crm.example" or "https://example.com/crm/". */
  host: string
  token: string
  signal: AbortSignal
}

/** Reads one endpoint of the API and returns its parsed JSON body. */
export type ApiRequest = <T>(path: string, query?: Record<string, string | undefined>) => Promise<T>

const TIMEOUT_MS = 20_000

/**
 * A JSON GET client bound to one host and embed token. No cookies are sent (`credentials: 'omit'`):
 * the token alone authorises, so the API can answer any origin.
 *
 * @example
 * const request = apiRequest({ host: 'https://crm.example', token, signal })
 * const report = await request<SalesReport>('v1/reports/sales', { interval: 'month' })
 */
export function apiRequest(options: ApiRequestOptions): ApiRequest {
  const base = options.host.endsWith('/') ? options.host : `${options.host}/`
  return async <T>(path: string, query: Record<string, string | undefined> = {}) => {
    const url = new URL(path, base)
    for (const [name, value] of Object.entries(query)) if (value) url.searchParams.set(name, value)
    const signal = AbortSignal.any([options.signal, AbortSignal.timeout(TIMEOUT_MS)])
    let response: Response
    try {
      response = await fetch(url, {
        headers: { Authorization: `Bearer ${options.token}`, Accept: 'application/json' },
        credentials: 'omit',
        signal,
      })
    } catch (cause) {
      if (options.signal.aborted) throw cause
      throw new RequestError(cause instanceof Error ? cause.message : 'Network error', 0)
    }
    if (response.status === 401) throw new ExpiredTokenError('The embed token is expired or invalid')
    if (!response.ok) throw new RequestError(await errorMessage(response), response.status)
    return (await response.json()) as T
  }
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } }
    if (typeof body.error?.message === 'string') return body.error.message
  } catch {
    // Not JSON (a proxy's error page): the status line says enough.
  }
  return `HTTP ${response.status}`
}
