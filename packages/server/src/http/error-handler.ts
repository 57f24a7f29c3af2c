import type { ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Logger } from '../logger'
import { ApiError } from './api-error'
import type { AppEnv } from './env'

/**
 * Answers every error in the contract's shape. Unexpected errors are logged with the request id and answered
 * `500 internal_error` without details; a request the client aborted is logged as such, at `info`.
 *
 * @example
 * app.onError(errorHandler(logger))
 */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    let apiError: ApiError
    if (c.req.raw.signal.aborted) {
      // The client hung up (often mid-body): nothing is wrong on our side, and nobody is left to answer.
      logger.info('request aborted by the client', { requestId: c.get('requestId') })
      // 499, nginx's "client closed request", so the request log tells it apart.
      return new Response(null, { status: 499 })
    }
    if (error instanceof ApiError) apiError = error
    else if (error instanceof HTTPException && error.status === 413) {
      apiError = new ApiError(413, 'payload_too_large', 'The request body is too large.')
    } else if (error instanceof HTTPException && error.status < 500) {
      apiError = new ApiError(error.status as 400, 'validation_failed', error.message || 'Bad request.')
    } else {
      logger.error('unhandled error', { requestId: c.get('requestId'), error: String(error), stack: (error as Error).stack ?? null })
      apiError = new ApiError(500, 'internal_error', `Something went wrong on our side (request ${c.get('requestId')}).`)
    }
    for (const [name, value] of Object.entries(apiError.headers ?? {})) c.header(name, value)
    return c.json(apiError.toJSON(), apiError.status)
  }
}

/**
 * `404 not_found` in the contract's shape for unknown routes.
 *
 * @example
 * app.notFound(notFoundHandler)
 */
export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` } }, 404)
