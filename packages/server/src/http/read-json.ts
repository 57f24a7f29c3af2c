import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { z } from 'zod'
import { ApiError, toErrorIssues, validationFailed } from './api-error'

export type ReadJsonOptions = {
  /** Largest body accepted, in bytes; larger ones answer `413`. */
  maxBytes: number
  /** Media types accepted besides `application/json` (e.g. `text/plain` for `navigator.sendBeacon`). */
  alsoAccept?: readonly string[]
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads a request's JSON body, refusing a wrong media type (`415`), an oversized body (`413`), bytes that are not
 * UTF-8 or text that is not JSON (`400 invalid_json`).
 *
 * @example
 * const body = await readJson(c, { maxBytes: 64 * 1024 })
 */
export async function readJson(c: Context, options: ReadJsonOptions): Promise<unknown> {
  return (await readJsonWithSize(c, options)).value
}

/**
 * `readJson` that also tells the body's size in bytes (the batch endpoint checks events' sizes only when the
 * whole body could hold an oversized one).
 *
 * @example
 * const { value, bytes } = await readJsonWithSize(c, { maxBytes: 1 << 20 })
 */
export async function readJsonWithSize(c: Context, options: ReadJsonOptions): Promise<{ value: unknown; bytes: number }> {
  const mediaType = (c.req.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase()
  if (mediaType !== 'application/json' && !options.alsoAccept?.includes(mediaType)) {
    const accepted = ['application/json', ...(options.alsoAccept ?? [])].join(' or ')
    throw new ApiError(415, 'unsupported_media_type', `Send the body as ${accepted}.`)
  }
  await readWithin(c, options.maxBytes)
  const bytes = await c.req.arrayBuffer()
  if (bytes.byteLength === 0) throw new ApiError(400, 'invalid_json', 'The request body is empty; send a JSON object.')
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid UTF-8.')
  }
  try {
    return { value: JSON.parse(text), bytes: bytes.byteLength }
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `The request body is not valid JSON: ${(error as Error).message}`)
  }
}

/**
 * Validates a value with a zod schema, throwing `400 validation_failed` that names every bad field.
 *
 * @example
 * const input = parseWith(SignupSchema, await readJson(c, { maxBytes: 16_384 }))
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw validationFailed(toErrorIssues(result.error.issues))
  return result.data
}

/**
 * Parses query parameters with a zod schema, answering `400 validation_failed` for bad ones.
 *
 * @example
 * const { limit, cursor } = parseQuery(c, ListQuerySchema)
 */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query())
}

/**
 * Refuses a declared `Content-Length` over the limit at once, and counts a chunked body while it streams, stopping
 * at the limit: a body is never held whole before its size is known. (Hono's `bodyLimit` does the counting; it
 * leaves the body, buffered, on the request.)
 */
async function readWithin(c: Context, maxBytes: number): Promise<void> {
  // A declared length is enforced by Node's parser: checking it is enough, and leaves the body to the node server's
  // fast read (touching `c.req.raw.body` makes a web stream of it, which cost a third of a small request's time).
  const declared = c.req.header('content-length')
  if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
    if (Number(declared) > maxBytes) throw tooLarge(maxBytes)
    return
  }
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge(maxBytes)
    },
  })
  await limit(c, async () => {})
}

function tooLarge(maxBytes: number): ApiError {
  // The rest of the body stays unread, so the connection cannot carry another request: say so, or a client
  // reusing it would see its next request fail.
  return new ApiError(413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes.`, undefined, {
    Connection: 'close',
  })
}
