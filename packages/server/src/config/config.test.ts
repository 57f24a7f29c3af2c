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

describe('loadConfig: proxies and timeouts', () => {
  it('reads CRM_TRUST_PROXY as a hop count or a list, and refuses a bad one', () => {
    expect(loadConfig({}).trustProxy).toEqual({ kind: 'none' })
    expect(loadConfig({ CRM_TRUST_PROXY: 'on' }).trustProxy).toEqual({ kind: 'hops', hops: 1 })
    expect(loadConfig({ CRM_TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2 })
    expect(loadConfig({ CRM_TRUST_PROXY: 'loopback,10.0.0.0/8' }).trustProxy.kind).toBe('addresses')
    expect(() => loadConfig({ CRM_TRUST_PROXY: 'nginx' })).toThrow(/CRM_TRUST_PROXY: "nginx" is not an IP address/)
  })

  it('reads the header and body timeouts in seconds', () => {
    expect(loadConfig({})).toMatchObject({ headersTimeoutMs: 10_000, bodyTimeoutMs: 30_000 })
    expect(loadConfig({ CRM_HEADERS_TIMEOUT: '2', CRM_BODY_TIMEOUT: '0.5' })).toMatchObject({ headersTimeoutMs: 2000, bodyTimeoutMs: 500 })
  })
})
