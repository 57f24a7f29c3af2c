import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { OLLAMA, ollamaTags, ollamaTagsDown } from '../../test/fixtures/ollama-mock'
import { LanguageModel, reportModelAvailability } from './language-model'

const mock = setupServer()
beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }))
afterEach(() => mock.resetHandlers())
afterAll(() => mock.close())

async function startupLines(llm: LanguageModel): Promise<string[]> {
  const lines: string[] = []
  await reportModelAvailability(llm, (level, message) => lines.push(`${level}: ${message}`))
  return lines
}

describe('the start-up check of the language model', () => {
  const llm = new LanguageModel({ enabled: true, host: OLLAMA, model: 'qwen2.5:3b' })

  it('says the assistant is ready when Ollama has the model', async () => {
    mock.use(ollamaTags(['llama3.2:latest', 'qwen2.5:3b']))
    expect(await startupLines(llm)).toEqual([`info: AI assistant ready: qwen2.5:3b on Ollama at ${OLLAMA}.`])
  })

  it('says exactly which model to pull when it is missing', async () => {
    mock.use(ollamaTags(['llama3.2:latest']))
    const [line] = await startupLines(llm)
    expect(line).toMatch(/^warn: /)
    expect(line).toContain('Run `ollama pull qwen2.5:3b`')
  })

  it('says how to install and start Ollama when it is not reachable', async () => {
    mock.use(ollamaTagsDown)
    const [line] = await startupLines(llm)
    expect(line).toContain('https://ollama.com/download')
    expect(line).toContain('`ollama serve`')
    expect(line).toContain('`ollama pull qwen2.5:3b`')
  })

  it('says when it is switched off', async () => {
    expect(await startupLines(new LanguageModel({ enabled: false, host: OLLAMA, model: 'qwen2.5:3b' }))).toEqual([
      'info: AI assistant disabled (CRM_AI=off): insights use template texts, /v1/assistant/ask answers 503.',
    ])
  })
})
