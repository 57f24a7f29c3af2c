import type { Message, Tool } from 'ollama'
import { z } from 'zod'
import { ApiError } from '../http/api-error'
import type { AppRow } from '../store'
import type { ToolContext, ToolName, ToolSet } from './assistant-tools'
import { type AiStatus, type LanguageModel, LanguageModelError } from './language-model'
import { structuredAnswer } from './structured-answer'

export type AssistantFact = { tool: ToolName; arguments: Record<string, unknown>; result: unknown }
export type AssistantAnswer = { answer: string; facts: AssistantFact[]; ai: AiStatus }

const AnswerSchema = z.object({ answer: z.string().min(1).max(3000) })
const MAX_TOOL_ROUNDS = 4
const MAX_TOOL_CALLS = 8

/**
 * Answers a question about the shop in plain language: the model picks whitelisted analytics tools (tool calls),
 * the server runs them, and the model phrases an answer from their results only. An answer stating a number the
 * results do not hold is replaced by a template listing the facts. Without a reachable model: `503 ai_unavailable`.
 *
 * @example
 * const { answer, facts } = await assistant.ask(app, 'How did sales go last month?', { lang: 'en' })
 */
export class Assistant {
  readonly #tools: Tool[]

  constructor(
    private readonly llm: LanguageModel,
    private readonly tools: ToolSet,
    private readonly options: { timeoutMs?: number } = {},
  ) {
    this.#tools = Object.entries(tools).map(([name, definition]) => ({
      type: 'function',
      function: { name, description: definition.description, parameters: z.toJSONSchema(definition.parameters) as Tool['function']['parameters'] },
    }))
  }

  async ask(app: AppRow, question: string, context: Omit<ToolContext, 'app'>): Promise<AssistantAnswer> {
    if (!this.llm.enabled) throw new ApiError(503, 'ai_unavailable', 'The assistant needs a language model, and CRM_AI is off.')
    const full: ToolContext = { app, ...context }
    const language = context.lang === 'ru' ? 'Russian' : 'English'
    const messages: Message[] = [
      {
        role: 'system',
        content:
          `You are the sales assistant of an online shop. Answer in ${language}. Look figures up with the tools; ` +
          'never guess a figure. Every number in your answer must come from a tool result.',
      },
      { role: 'user', content: question },
    ]
    const facts: AssistantFact[] = []
    for (let round = 0; round < MAX_TOOL_ROUNDS && facts.length < MAX_TOOL_CALLS; round++) {
      let reply: Message
      try {
        reply = (await this.llm.chat({ messages, tools: this.#tools }, this.#limits(300))).message
      } catch (error) {
        throw unavailable(error)
      }
      const calls = reply.tool_calls ?? []
      if (calls.length === 0) break
      messages.push(reply)
      for (const call of calls.slice(0, MAX_TOOL_CALLS - facts.length)) {
        const content = await this.#run(call.function.name, call.function.arguments, full, facts)
        messages.push({ role: 'tool', content, tool_name: call.function.name })
      }
    }
    // An answer always rests on facts: when the model looked nothing up, the overview is what it gets.
    if (facts.length === 0) {
      const content = await this.#run('overview', {}, full, facts)
      messages.push({ role: 'tool', content, tool_name: 'overview' })
    }
    messages.push({ role: 'user', content: 'Now answer my question as JSON {"answer": "..."}, using only numbers from the tool results.' })
    try {
      const { answer } = await structuredAnswer(this.llm, {
        schema: AnswerSchema,
        messages,
        facts: facts.map((fact) => fact.result),
        textOf: (reply) => reply.answer,
        ...this.#limits(500),
      })
      return { answer, facts, ai: { status: 'ok', model: this.llm.model } }
    } catch (error) {
      if (!(error instanceof LanguageModelError)) throw error
      return { answer: templateAnswer(facts, context.lang), facts, ai: { status: 'unavailable', model: this.llm.model, reason: error.reason } }
    }
  }

  #limits(maxTokens: number) {
    return { maxTokens, ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}) }
  }

  /** Runs one whitelisted tool with validated arguments; what goes back to the model is the result or the error. */
  async #run(name: string, rawArguments: unknown, context: ToolContext, facts: AssistantFact[]): Promise<string> {
    const tool = Object.hasOwn(this.tools, name) ? this.tools[name as ToolName] : undefined
    if (!tool) return JSON.stringify({ error: `unknown tool ${name}` })
    const parsed = tool.parameters.safeParse(rawArguments ?? {})
    if (!parsed.success) return JSON.stringify({ error: `invalid arguments: ${parsed.error.issues.map((issue) => issue.message).join('; ')}` })
    try {
      const result = await (tool.run as (args: unknown, context: ToolContext) => Promise<unknown>)(parsed.data, context)
      facts.push({ tool: name as ToolName, arguments: parsed.data as Record<string, unknown>, result })
      return JSON.stringify(result)
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) })
    }
  }
}

function unavailable(error: unknown): ApiError {
  const reason = error instanceof LanguageModelError ? error.message : String(error)
  return new ApiError(503, 'ai_unavailable', `The assistant's language model is unavailable: ${reason}`)
}

/** What the assistant says when the model's answer was rejected: the facts it looked up, as they are. */
function templateAnswer(facts: readonly AssistantFact[], lang: 'en' | 'ru'): string {
  const intro = lang === 'ru' ? 'Не удалось получить надёжный ответ модели. Вот найденные данные:' : 'The model did not give a reliable answer. Here is what I found:'
  const lines = facts.map((fact) => {
    const result = fact.result as Record<string, unknown>
    if (fact.tool === 'overview' && typeof result.summary === 'string') return result.summary
    if (fact.tool === 'sales_report') {
      const totals = result.totals as Record<string, number>
      return lang === 'ru'
        ? `Продажи ${String(result.from)} – ${String(result.to)}: выручка ${totals.revenue} ${String(result.currency)}, заказов ${totals.orders}, покупателей ${totals.customers}.`
        : `Sales ${String(result.from)} – ${String(result.to)}: revenue ${totals.revenue} ${String(result.currency)}, ${totals.orders} orders, ${totals.customers} customers.`
    }
    return `${fact.tool}: ${JSON.stringify(fact.result).slice(0, 500)}`
  })
  return [intro, ...lines].join('\n')
}
