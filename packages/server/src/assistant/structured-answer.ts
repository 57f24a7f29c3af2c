import type { Message } from 'ollama'
import { z } from 'zod'
import { ungroundedNumbers } from './grounded-numbers'
import { type LanguageModel, LanguageModelError } from './language-model'

/**
 * Asks the model for a JSON answer of a schema (`format`, temperature 0, a token cap), then checks it: JSON, the
 * schema (zod), and every number it states against the facts. Throws a `LanguageModelError` saying which check
 * failed, so the caller falls back to its template text.
 *
 * @example
 * const { summary } = await structuredAnswer(llm, { schema: z.object({ summary: z.string() }), messages, facts, textOf: (a) => a.summary })
 */
export async function structuredAnswer<T extends z.ZodType>(
  llm: LanguageModel,
  request: {
    schema: T
    messages: Message[]
    /** Everything the answer may quote a number from. */
    facts: unknown
    /** The prose of the answer, whose numbers are checked. */
    textOf: (answer: z.output<T>) => string
    maxTokens: number
    timeoutMs?: number
  },
): Promise<z.output<T>> {
  const response = await llm.chat(
    { messages: request.messages, format: z.toJSONSchema(request.schema) as object },
    { maxTokens: request.maxTokens, ...(request.timeoutMs ? { timeoutMs: request.timeoutMs } : {}) },
  )
  let json: unknown
  try {
    json = JSON.parse(response.message.content)
  } catch {
    throw new LanguageModelError('invalid_json', 'The model did not answer with JSON.')
  }
  const parsed = request.schema.safeParse(json)
  if (!parsed.success) throw new LanguageModelError('wrong_schema', `The model's answer does not fit the schema: ${parsed.error.issues[0]?.message ?? ''}`)
  const invented = ungroundedNumbers(request.textOf(parsed.data), request.facts)
  if (invented.length > 0) throw new LanguageModelError('invented_numbers', `The model stated numbers the facts do not hold: ${invented.join(', ')}.`)
  return parsed.data
}
