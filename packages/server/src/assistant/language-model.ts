import { type ChatRequest, type ChatResponse, Ollama } from 'ollama'

/** What the answers say about the language model: `ok` only when its text is what the caller sees. */
export type AiStatus = { status: 'ok' | 'unavailable' | 'disabled'; model?: string; reason?: string }

export type LanguageModelFailure = 'timeout' | 'unreachable' | 'model_missing' | 'invalid_json' | 'wrong_schema' | 'invented_numbers' | 'error'

/** A call to the model that did not produce a usable answer, and why. */
export class LanguageModelError extends Error {
  constructor(
    readonly reason: LanguageModelFailure,
    message: string,
  ) {
    super(message)
    this.name = 'LanguageModelError'
  }
}

export type LanguageModelOptions = {
  enabled: boolean
  host: string
  model: string
  /** Longest wait for one answer. Default 30 s. */
  timeoutMs?: number
}

/**
 * The local language model behind Ollama's HTTP API: deterministic chat calls (temperature 0, a token cap), each
 * with a time-out, failures classified so the caller can say honestly why there is no model text.
 *
 * @example
 * const llm = new LanguageModel({ enabled: true, host: 'http://127.0.0.1:11434', model: 'qwen2.5:3b' })
 * const reply = await llm.chat({ messages: [{ role: 'user', content: 'Hi' }] }, { maxTokens: 200 })
 */
export class LanguageModel {
  constructor(readonly options: LanguageModelOptions) {}

  get enabled(): boolean {
    return this.options.enabled
  }

  get model(): string {
    return this.options.model
  }

  #client(timeoutMs: number): Ollama {
    return new Ollama({
      host: this.options.host,
      fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    })
  }

  async chat(
    request: Omit<ChatRequest, 'model' | 'stream' | 'options'>,
    limits: { maxTokens: number; timeoutMs?: number },
  ): Promise<ChatResponse> {
    if (!this.enabled) throw new LanguageModelError('error', 'The language model is disabled (CRM_AI=off).')
    try {
      return await this.#client(limits.timeoutMs ?? this.options.timeoutMs ?? 30_000).chat({
        ...request,
        model: this.options.model,
        stream: false,
        options: { temperature: 0, num_predict: limits.maxTokens, seed: 0 },
      })
    } catch (error) {
      throw classify(error, this.options)
    }
  }

  /** Whether Ollama answers and has the model. */
  async check(timeoutMs = 3000): Promise<{ reachable: boolean; modelPresent: boolean }> {
    try {
      const { models } = await this.#client(timeoutMs).list()
      const wanted = this.options.model.includes(':') ? this.options.model : `${this.options.model}:latest`
      return { reachable: true, modelPresent: models.some((model) => model.name === wanted || model.model === wanted) }
    } catch {
      return { reachable: false, modelPresent: false }
    }
  }
}

function classify(error: unknown, options: LanguageModelOptions): LanguageModelError {
  const name = error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : String(error)
  if (name === 'TimeoutError' || name === 'AbortError') return new LanguageModelError('timeout', `Ollama did not answer in time (${message}).`)
  const status = (error as { status_code?: number }).status_code
  if (status === 404 || /model .*not found/i.test(message)) {
    return new LanguageModelError('model_missing', `Ollama does not have the model ${options.model}: run \`ollama pull ${options.model}\`.`)
  }
  if (error instanceof TypeError) return new LanguageModelError('unreachable', `Ollama is not reachable at ${options.host} (${message}).`)
  return new LanguageModelError('error', `Ollama failed: ${message}`)
}

/**
 * Says at start whether the assistant's model is there and, if not, exactly how to get it.
 *
 * @example
 * await reportModelAvailability(llm, (line) => logger.info(line))
 */
export async function reportModelAvailability(llm: LanguageModel, log: (level: 'info' | 'warn', message: string) => void): Promise<void> {
  if (!llm.enabled) {
    log('info', 'AI assistant disabled (CRM_AI=off): insights use template texts, /v1/assistant/ask answers 503.')
    return
  }
  const { reachable, modelPresent } = await llm.check()
  const { host, model } = llm.options
  if (!reachable) {
    log(
      'warn',
      `AI assistant unavailable: Ollama is not reachable at ${host}. Install it from https://ollama.com/download, ` +
        `start it (\`ollama serve\`), then run \`ollama pull ${model}\`; or set OLLAMA_HOST. Everything else works without it.`,
    )
  } else if (!modelPresent) {
    log('warn', `AI assistant unavailable: Ollama at ${host} does not have ${model}. Run \`ollama pull ${model}\` (or set CRM_AI_MODEL).`)
  } else {
    log('info', `AI assistant ready: ${model} on Ollama at ${host}.`)
  }
}
