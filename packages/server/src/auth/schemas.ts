import { z } from '@hono/zod-openapi'
import { Email, plainText } from '../schemas'

export const SignupBody = z
  .object({
    name: plainText(100).openapi({ example: 'Ada Lovelace' }),
    email: Email.openapi({ example: 'ada@example.com' }),
    password: z.string().min(8, 'must be at least 8 characters').max(256, 'must be at most 256 characters'),
  })
  .openapi('SignupRequest')

export const LoginBody = z
  .object({
    email: z.string().min(1).max(254).openapi({ example: 'ada@example.com' }),
    password: z.string().min(1).max(256),
  })
  .openapi('LoginRequest')

export const UserSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string(), createdAt: z.string() })
  .openapi('User')
