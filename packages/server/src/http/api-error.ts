import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'

export type ErrorCode =
  | 'validation_failed'
  | 'invalid_json'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'invalid_credentials'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'ai_unavailable'
  | 'internal_error'

export type ErrorIssue = { path: string; message: string }

export type ErrorBody = { error: { code: ErrorCode; message: string; issues?: ErrorIssue[] } }

/**
 * An error the API answers with the contract's shape:
 * `{"error": {"code", "message", "issues"?}}`.
 *
 * @example
 * throw new ApiError(404, 'not_found', 'No customer with userId "u_1".')
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toJSON(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } }
  }
}

/**
 * Turns zod issues into the contract's `issues`, with dotted paths such as `items.0.price`.
 *
 * @example
 * toErrorIssues(result.error.issues, 'batch.3') // [{ path: 'batch.3.amount', message: '...' }]
 */
export function toErrorIssues(issues: readonly z.core.$ZodIssue[], prefix?: string): ErrorIssue[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== undefined && part !== '').join('.')
    return { path, message: issue.message }
  })
}

/**
 * A `400 validation_failed` naming every field at fault.
 *
 * @example
 * throw validationFailed([{ path: 'email', message: 'Invalid email address' }])
 */
export function validationFailed(issues: ErrorIssue[]): ApiError {
  const fields = [...new Set(issues.map((issue) => issue.path || '(body)'))]
  return new ApiError(400, 'validation_failed', `Invalid request: check ${fields.join(', ')}.`, issues)
}
