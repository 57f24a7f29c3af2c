import { EventEmitter } from 'node:events'
import { describe, expect, test, vi } from 'vitest'
import { API_KEY, HOST } from '../../test/mock-crm-server'
import { useMockCrm } from '../../test/use-mock-crm'
import { createClient } from '../client/create-client'
import { exitFlushOf, nodeProcess, type ExitTarget } from './exit-flush'

const crm = useMockCrm()

function fakeProcess() {
  const emitter = new EventEmitter()
  const target: ExitTarget = { on: (event, listener) => emitter.on(event, listener), off: (event, listener) => emitter.off(event, listener) }
  return { target, listeners: () => emitter.listenerCount('beforeExit'), exit: () => emitter.emit('beforeExit', 0) }
}

describe('the exit flush', () => {
  test('flushes a watching client on beforeExit with its budget, and not one that unwatched', () => {
    const process = fakeProcess()
    const flush = vi.fn(async (_timeout: number) => {})
    const exit = exitFlushOf(process.target)(flush, 3000)
    process.exit()
    expect(flush).not.toHaveBeenCalled()
    exit.watch()
    process.exit()
    expect(flush).toHaveBeenCalledTimes(1)
    expect(flush.mock.calls[0]![0]).toBeGreaterThan(2900)
    exit.unwatch()
    process.exit()
    expect(flush).toHaveBeenCalledTimes(1)
  })

  test('one listener on the process for any number of clients, removed when the last one unwatches', () => {
    const process = fakeProcess()
    const exitFlush = exitFlushOf(process.target)
    const first = exitFlush(async () => {}, 1000)
    const second = exitFlush(async () => {}, 1000)
    first.watch()
    first.watch()
    second.watch()
    expect(process.listeners()).toBe(1)
    first.unwatch()
    expect(process.listeners()).toBe(1)
    second.unwatch()
    second.unwatch()
    expect(process.listeners()).toBe(0)
  })

  test('repeated beforeExit firings share one budget, so a server that never answers cannot hold the process', () => {
    vi.useFakeTimers()
    try {
      const process = fakeProcess()
      const flush = vi.fn(async (_timeout: number) => {})
      const exit = exitFlushOf(process.target)(flush, 1000)
      exit.watch()
      process.exit()
      vi.advanceTimersByTime(600)
      process.exit()
      expect(flush.mock.calls.map(([timeout]) => timeout)).toEqual([1000, 400])
      vi.advanceTimersByTime(400)
      process.exit()
      // The budget is spent: nothing more, the process ends.
      expect(flush).toHaveBeenCalledTimes(2)
      // An emptied queue ends the round; events queued later get a full budget again.
      exit.unwatch()
      exit.watch()
      process.exit()
      expect(flush.mock.calls[2]![0]).toBe(1000)
    } finally {
      vi.useRealTimers()
    }
  })

  test('a runtime whose process throws on on() does not break the client', () => {
    const throwing: ExitTarget = {
      on: () => {
        throw new Error('not implemented')
      },
      off: () => {
        throw new Error('not implemented')
      },
    }
    const exit = exitFlushOf(throwing)(async () => {}, 1000)
    expect(() => exit.watch()).not.toThrow()
    expect(() => exit.unwatch()).not.toThrow()
  })

  test('no target (browsers, edge runtimes): watching does nothing', () => {
    const exit = exitFlushOf(undefined)(async () => {}, 1000)
    expect(() => exit.watch()).not.toThrow()
    exit.unwatch()
  })

  test('Node\'s process is found; a page\'s stub process is not', () => {
    expect(nodeProcess()).toBe(process)
    vi.stubGlobal('process', { on() {}, off() {}, versions: {} })
    try {
      expect(nodeProcess()).toBeUndefined()
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('clients and Node\'s process', () => {
  const purchase = (orderId: string) => ({ orderId, userId: 'u1', amount: 5, currency: 'USD', product: 'Tea' })
  const listeners = () => process.listenerCount('beforeExit')

  test('one beforeExit listener while some client has events waiting; none once delivered or shut down', async () => {
    const before = listeners()
    const first = createClient({ apiKey: API_KEY, host: HOST })
    const second = createClient({ apiKey: API_KEY, host: HOST })
    expect(listeners()).toBe(before)
    first.trackPurchase(purchase('o1'))
    second.trackPurchase(purchase('o2'))
    second.trackPurchase(purchase('o3'))
    expect(first.stats().queued).toBe(1)
    expect(listeners()).toBe(before + 1)
    await first.flush()
    expect(listeners()).toBe(before + 1)
    second.trackPurchase(purchase('o4'))
    await second.shutdown()
    expect(listeners()).toBe(before)
    expect(crm.stored.size).toBe(4)
  })

  test('beforeExit delivers what is queued, once', async () => {
    const before = listeners()
    const client = createClient({ apiKey: API_KEY, host: HOST, flushInterval: 60_000 })
    client.trackPurchase(purchase('o1'))
    client.trackPurchase(purchase('o2'))
    expect(client.stats().queued).toBe(2)
    expect(listeners()).toBe(before + 1)
    process.emit('beforeExit', 0)
    await vi.waitFor(() => expect(crm.stored.size).toBe(2))
    expect(listeners()).toBe(before)
    process.emit('beforeExit', 0)
    await vi.advanceTimersByTimeAsync(0)
    expect(crm.deliveries).toHaveLength(2)
  })
})
