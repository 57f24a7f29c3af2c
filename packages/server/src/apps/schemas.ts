import { z } from '@hono/zod-openapi'
import { CurrencyCode, Language, plainText, TimeZone } from '../schemas'

export const KeyTypeSchema = z.enum(['publishable', 'secret'])

export const KeySchema = z
  .object({
    id: z.string(),
    type: KeyTypeSchema,
    name: z.string().nullable(),
    prefix: z.string().openapi({ example: 'crm_sk_q3x7' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey')

export const AppSchema = z
  .object({
    id: z.string().openapi({ example: 'app_8f3k2m1q9d4x5z7c' }),
    name: z.string(),
    currency: z.string(),
    timezone: z.string(),
    language: Language,
    createdAt: z.string(),
    lastEventAt: z.string().nullable(),
    keys: z.array(KeySchema),
  })
  .openapi('App')

export const NewKeysSchema = z
  .object({ publishable: z.string().openapi({ example: 'crm_pk_…' }), secret: z.string().openapi({ example: 'crm_sk_…' }) })
  .openapi('NewApiKeys')

export const CreateAppBody = z
  .object({
    name: plainText(100).openapi({ example: 'My shop' }),
    currency: CurrencyCode.default('USD'),
    timezone: TimeZone.default('UTC'),
    language: Language.default('en'),
  })
  .openapi('CreateAppRequest')

export const UpdateAppBody = z
  .object({
    name: plainText(100).optional(),
    currency: CurrencyCode.optional(),
    timezone: TimeZone.optional(),
    language: Language.optional(),
  })
  .openapi('UpdateAppRequest')

export const CreateKeyBody = z
  .object({ type: KeyTypeSchema, name: plainText(100).optional() })
  .openapi('CreateKeyRequest')

export const CreatedKeySchema = KeySchema.extend({ key: z.string() }).openapi('CreatedApiKey')

export const AppParams = z.object({ appId: z.string().openapi({ param: { name: 'appId', in: 'path' } }) })
export const KeyParams = AppParams.extend({ keyId: z.string().openapi({ param: { name: 'keyId', in: 'path' } }) })
