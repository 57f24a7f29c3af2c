import type { z } from '@hono/zod-openapi'
import { ErrorSchema } from '../schemas'

const errorContent = { 'application/json': { schema: ErrorSchema } }

/**
 * OpenAPI response objects: a JSON body described by `schema`, plus the contract's error answers.
 *
 * @example
 * responses: { ...json(200, 'The user', UserSchema), ...errors(401) }
 */
export function json(status: number, description: string, schema: z.ZodType) {
  return { [status]: { description, content: { 'application/json': { schema } } } }
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (`validation_failed`, `invalid_json`)',
  401: 'Missing or invalid credentials',
  403: 'Not allowed with these credentials, or a cross-origin request',
  404: 'Not found, or another app’s data',
  409: 'Conflicts with existing data',
  413: 'Body too large',
  415: 'Wrong content type',
  429: 'Rate limited; see `Retry-After`',
  503: 'The assistant’s language model is unavailable',
}

/**
 * The contract's error responses for the given statuses.
 *
 * @example
 * responses: { ...errors(400, 401, 429) }
 */
export function errors(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: errorContent }]),
  )
}
