import { describe, expect, it } from 'vitest'
import { loadConfig } from './config'

describe('loadConfig', () => {
  it('applies the contract defaults', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databasePath: './data/crm.sqlite',
      synchronous: 'FULL',
      ollamaHost: 'http://127.0.0.1:11434',
      aiEnabled: true,
    })
  })

  it('reads the environment', () => {
    const config = loadConfig({ PORT: '8080', CRM_DATABASE: ':memory:', CRM_AI: 'off', CRM_SYNCHRONOUS: 'NORMAL' })
    expect(config.port).toBe(8080)
    expect(config.databasePath).toBe(':memory:')
    expect(config.aiEnabled).toBe(false)
    expect(config.synchronous).toBe('NORMAL')
  })

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', CRM_SYNCHRONOUS: 'OFF' })).toThrow(/PORT[\s\S]*CRM_SYNCHRONOUS/)
  })
})
