import { z } from '@hono/zod-openapi'
import { EMBED_TTL_DEFAULT, EMBED_TTL_MAX } from './app-tokens'

export const EmbedTokenBody = z
  .object({
    ttlSeconds: z
      .number()
      .int()
      .min(1)
      .max(EMBED_TTL_MAX)
      .default(EMBED_TTL_DEFAULT)
      .openapi({ description: `Lifetime in seconds, at most ${EMBED_TTL_MAX}`, example: EMBED_TTL_DEFAULT }),
  })
  .strict()
  .openapi('EmbedTokenRequest')

export const IssuedTokenSchema = z
  .object({
    token: z.string().openapi({ example: 'crm_et_eyJhcHAiOi….Qm9x…' }),
    expiresAt: z.string().openapi({ example: '2026-01-01T12:10:00.000Z' }),
  })
  .openapi('IssuedToken')
