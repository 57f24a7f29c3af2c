import { ofetch } from 'ofetch'
import { parseRetryAfter } from './retry-after'

/** One event the server did not take, by its position in the batch. */
export interface Rejection {
  index: number
  code: string
  message: string
  issues?: { path: string; message: string }[]
}

/** What one request came to. */
export interface PostOutcome {
  /** The HTTP status, or 0 when no answer came (network error, reset connection, timeout). */
  status: number
  /** The per-event rejections of a batch answer; undefined when the body was not one. */
  rejected?: Rejection[] | undefined
  code: string
  message: string
  /** Milliseconds the server asked to wait (`Retry-After`). */
  retryAfter?: number | undefined
}

/** Where and how to send. */
export interface PostTarget {
  url: string
  apiKey: string
  timeout: number
}

interface Answer {
  error?: { code?: string; message?: string }
  rejected?: unknown
}

/**
 * Sends one batch with ofetch, its own retries off so the SDK's policy is the only one, and never throws:
 * a failure to get an answer is status 0.
 *
 * @example await postBatch({ url: 'http://127.0.0.1:3000/v1/batch', apiKey: 'crm_pk_…', timeout: 10_000 }, body)
 */
export async function postBatch(target: PostTarget, body: string): Promise<PostOutcome> {
  try {
    const response = await ofetch.raw<Answer>(target.url, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json' },
      retry: false,
      timeout: target.timeout,
      ignoreResponseError: true,
    })
    const { status, _data: data } = response
    const error = data?.error
    return {
      status,
      rejected: Array.isArray(data?.rejected) ? (data.rejected as Rejection[]) : undefined,
      code: error?.code ?? `http_${status}`,
      message: `HTTP ${status}${error?.message ? `: ${error.message}` : ''}`,
      retryAfter: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
    }
  } catch (error) {
    return { status: 0, code: 'network_error', message: (error as Error).message }
  }
}
