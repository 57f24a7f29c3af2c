import { createHash } from 'node:crypto'
import { z } from 'zod'
import { type AiStatus, type LanguageModel, LanguageModelError } from './language-model'
import { structuredAnswer } from './structured-answer'

export type Narration = { summary: string | null; order: string[] | null; ai: AiStatus }

const NarrationSchema = z.object({
  summary: z.string().min(1).max(1500),
  recommendationOrder: z.array(z.string()).max(50),
})

// A failure that may pass (a time-out, Ollama down) is remembered this long, so a burst of requests does not wait
// for it again and again; an answer (or a rejected one: at temperature 0 it would be the same) is kept for good.
const TRANSIENT_FAILURE_MS = 30_000
const MAX_ENTRIES = 200

/**
 * Has the language model write the insights' summary and rank the recommendations, from the computed facts only.
 * Results are cached by a hash of the facts and the language, so the model runs once per new set of facts.
 *
 * @example
 * const narration = await narrator.narrate(facts, ['win-back', 'second-purchase'], 'en')
 * narration.summary ?? templateSummary
 */
export class InsightNarrator {
  readonly #cache = new Map<string, { narration: Promise<Narration>; expiresAt: number }>()

  constructor(
    private readonly llm: LanguageModel,
    private readonly options: { timeoutMs?: number } = {},
  ) {}

  /**
   * `narrate`, but waits at most `waitMs`: a slow model keeps writing in the background (its answer is cached for
   * the next request) while this request gets the template, saying the model's text is still pending.
   *
   * @example
   * const narration = await narrator.narrateWithin(facts, ids, 'en', 5000)
   */
  narrateWithin(facts: unknown, recommendationIds: readonly string[], lang: 'en' | 'ru', waitMs: number): Promise<Narration> {
    const narration = this.narrate(facts, recommendationIds, lang)
    let timer: NodeJS.Timeout | undefined
    const pending = new Promise<Narration>((resolve) => {
      timer = setTimeout(() => resolve({ summary: null, order: null, ai: { status: 'unavailable', model: this.llm.model, reason: 'pending' } }), waitMs)
      timer.unref()
    })
    return Promise.race([narration, pending]).finally(() => clearTimeout(timer))
  }

  /** The status to report when the model was not asked (it is disabled, or the caller wants facts only). */
  idleStatus(): AiStatus {
    return this.llm.enabled ? { status: 'unavailable', model: this.llm.model, reason: 'not_requested' } : { status: 'disabled' }
  }

  narrate(facts: unknown, recommendationIds: readonly string[], lang: 'en' | 'ru'): Promise<Narration> {
    if (!this.llm.enabled) return Promise.resolve({ summary: null, order: null, ai: { status: 'disabled' } })
    const key = createHash('sha256').update(JSON.stringify({ facts, recommendationIds, lang, model: this.llm.model })).digest('hex')
    const cached = this.#cache.get(key)
    if (cached && cached.expiresAt > Date.now()) return cached.narration
    const entry = { narration: this.#ask(facts, recommendationIds, lang), expiresAt: Number.POSITIVE_INFINITY }
    if (this.#cache.size >= MAX_ENTRIES) this.#cache.delete(this.#cache.keys().next().value as string)
    this.#cache.set(key, entry)
    void entry.narration.then((narration) => {
      const transient = narration.ai.reason === 'timeout' || narration.ai.reason === 'unreachable' || narration.ai.reason === 'error'
      if (transient) entry.expiresAt = Date.now() + TRANSIENT_FAILURE_MS
    })
    return entry.narration
  }

  async #ask(facts: unknown, recommendationIds: readonly string[], lang: 'en' | 'ru'): Promise<Narration> {
    const language = lang === 'ru' ? 'Russian' : 'English'
    try {
      const answer = await structuredAnswer(this.llm, {
        schema: NarrationSchema,
        messages: [
          {
            role: 'system',
            content:
              `You are the sales analyst of a small online shop. Write in ${language}, plainly, for the shop owner. ` +
              'Every number you write must be copied from the facts exactly (you may round it); never compute, estimate ' +
              'or invent a number. Answer with JSON: "summary" (at most 5 sentences: what happened, what matters, what to do) ' +
              'and "recommendationOrder" (the recommendation ids, most useful first).',
          },
          { role: 'user', content: JSON.stringify({ facts, recommendationIds }) },
        ],
        facts,
        textOf: (answer) => answer.summary,
        maxTokens: 400,
        ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
      })
      const known = new Set(recommendationIds)
      const order = answer.recommendationOrder.filter((id) => known.has(id))
      return { summary: answer.summary, order, ai: { status: 'ok', model: this.llm.model } }
    } catch (error) {
      const reason = error instanceof LanguageModelError ? error.reason : 'error'
      return { summary: null, order: null, ai: { status: 'unavailable', model: this.llm.model, reason } }
    }
  }
}
