import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { createMockCrm, type IncomingBatch, type Reply } from './mock-crm-server'

const storeAll = (): Reply => ({ kind: 'store' })

/**
 * One msw mock of the CRM for a test file, under fake timers: reset before each test, storing every batch until a
 * test sets `reply` to its own scenario.
 */
export function useMockCrm() {
  const scenario: { reply: (incoming: IncomingBatch) => Reply } = { reply: storeAll }
  const crm = createMockCrm((incoming) => scenario.reply(incoming))
  beforeAll(() => crm.server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => crm.server.close())
  beforeEach(() => {
    vi.useFakeTimers()
    crm.reset()
    scenario.reply = storeAll
  })
  afterEach(() => vi.useRealTimers())
  return Object.assign(scenario, crm)
}
