import { ofetch } from 'ofetch'
import { parseRetryAfter } from './retry-after'

/** One event the server did not take, by its position in the batch. */
export interface Rejection {
  index: number
  code: string
  message: string
  issues?: { path: string; message: string }[]
}

/** What one request came to, as the retry loop needs to see it. */
export type PostOutcome =
  | { kind: 'ok'; rejected: Rejection[] }
  | { kind: 'retry'; reason: string; retryAfter?: number | undefined }
  | { kind: 'too_large' }
  | { kind: 'refused'; code: string; message: string }

/** Where and how to send. */
export interface PostRequest {
  url: string
  apiKey: string
  body: string
  timeout: number
}

interface ErrorBody {
  error?: { code?: string; message?: string }
  rejected?: unknown
}

/**
 * Sends one batch with ofetch, its own retries off so the SDK's policy is the only one, and sorts the answer:
 * network errors, timeouts, 408, 429 and 5xx are worth retrying; 413 means split; other 4xx are final.
 *
 * @example await postBatch({ url: 'http://127.0.0.1:3000/v1/batch', apiKey: 'crm_pk_…', body, timeout: 10_000 })
 */
export async function postBatch(request: PostRequest): Promise<PostOutcome> {
  let response
  try {
    response = await ofetch.raw<ErrorBody>(request.url, {
      method: 'POST',
      body: request.body,
      headers: { authorization: `Bearer ${request.apiKey}`, 'content-type': 'application/json' },
      retry: false,
      timeout: request.timeout,
      ignoreResponseError: true,
    })
  } catch (error) {
    return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) }
  }
  const { status, _data: data } = response
  if (status === 413) return { kind: 'too_large' }
  if (status >= 200 && status < 300 && Array.isArray(data?.rejected)) return { kind: 'ok', rejected: data.rejected as Rejection[] }
  // A 2xx without the batch answer (a captive portal, a misrouted proxy) proves nothing was stored, so it is retried.
  if (status < 300 || status === 408 || status === 429 || status >= 500)
    return { kind: 'retry', reason: `HTTP ${status}`, retryAfter: parseRetryAfter(response.headers.get('retry-after'), Date.now()) }
  return { kind: 'refused', code: data?.error?.code ?? `http_${status}`, message: data?.error?.message ?? `HTTP ${status}` }
}
