import { z } from '@hono/zod-openapi'
import { AiStatusSchema } from '../insights/schemas'
import { AsOf, LanguageTag } from '../schemas'

export const AskBody = z
  .object({
    question: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
    asOf: AsOf.optional(),
    lang: LanguageTag.optional(),
  })
  .strict()
  .openapi('AskRequest')

export const AskAnswerSchema = z
  .object({
    answer: z.string(),
    facts: z.array(
      z.object({
        tool: z.enum(['overview', 'sales_report', 'trends', 'forecast', 'segments', 'recommendations', 'customer']),
        arguments: z.record(z.string(), z.unknown()),
        result: z.unknown(),
      }),
    ).openapi({ description: 'The whitelisted analytics lookups the answer rests on, with their results' }),
    ai: AiStatusSchema,
  })
  .openapi('AskAnswer')
