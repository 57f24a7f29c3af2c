import { setImmediate as nextTurn } from 'node:timers/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { EventBatchWrite, EventWrite } from '../store'
import type { BatchCommit } from './commit-group'
import type { EventWriter } from './event-writer'
import { IngestionService, TOTALS_REFRESH } from './ingestion-service'

class FakeWriter implements EventWriter {
  /** The users of each group commit, batch by batch. */
  readonly groups: string[][][] = []
  readonly calls: ('write' | 'refresh' | 'close')[] = []
  committed = 0
  /** How many times the service asked for answers already there. */
  taken = 0
  #held: (() => void)[] = []

  constructor(private readonly options: { hold?: boolean } = {}) {}

  async write(batches: readonly EventBatchWrite[]): Promise<BatchCommit[]> {
    this.calls.push('write')
    this.groups.push(batches.map((batch) => batch.events.map((event) => event.userId)))
    if (this.options.hold) await new Promise<void>((resolve) => this.#held.push(resolve))
    this.committed += batches.length
    return batches.map((batch) =>
      batch.events.some((event) => event.userId === 'bad')
        ? { error: 'bad batch' }
        : { outcomes: batch.events.map(() => 'created' as const) },
    )
  }

  takeReplies(): void {
    this.taken += 1
  }

  async refreshTotals(): Promise<number> {
    this.calls.push('refresh')
    return 0
  }

  async close(): Promise<void> {
    this.calls.push('close')
  }

  get refreshes(): number {
    return this.calls.filter((call) => call === 'refresh').length
  }

  /** Lets the group commit in the writer finish (once it has started). */
  async release(): Promise<void> {
    await vi.waitFor(() => expect(this.#held.length).toBeGreaterThan(0))
    this.#held.shift()!()
  }
}

function user(userId: string): EventWrite[] {
  return [{ type: 'user', userId, profile: {} }]
}

function settled(promise: Promise<unknown>): { done: boolean } {
  const state = { done: false }
  promise.then(
    () => (state.done = true),
    () => (state.done = true),
  )
  return state
}

const services: IngestionService[] = []
function serviceOver(writer: EventWriter): IngestionService {
  const service = new IngestionService(writer)
  services.push(service)
  return service
}

afterEach(async () => {
  vi.useRealTimers()
  for (const service of services.splice(0)) await service.close()
})

describe('IngestionService', () => {
  it('commits what arrives while a group is in the writer together in the next group', async () => {
    const writer = new FakeWriter({ hold: true })
    const service = serviceOver(writer)
    const first = [service.write(1, 'USD', user('a')), service.write(1, 'USD', user('b'))]
    await nextTurn()
    expect(writer.groups).toEqual([[['a'], ['b']]])

    const next = [service.write(1, 'USD', user('c')), service.write(2, 'USD', user('d'))]
    await nextTurn()
    const later = service.write(1, 'USD', user('e'))
    await nextTurn()
    expect(writer.groups).toHaveLength(1)

    await writer.release()
    expect(await Promise.all(first)).toEqual([['created'], ['created']])
    await writer.release()
    expect(await Promise.all([...next, later])).toEqual([['created'], ['created'], ['created']])
    expect(writer.groups).toEqual([[['a'], ['b']], [['c'], ['d'], ['e']]])
  })

  it('takes the writer’s answers already there before it queues each request', async () => {
    const writer = new FakeWriter({ hold: true })
    const service = serviceOver(writer)
    const first = service.write(1, 'USD', user('a'))
    await nextTurn()
    const second = service.write(1, 'USD', user('b'))
    expect(writer.taken).toBe(2)
    await writer.release()
    await writer.release()
    expect(await Promise.all([first, second])).toEqual([['created'], ['created']])
  })

  it('rejects only the request whose batch failed', async () => {
    const writer = new FakeWriter()
    const service = serviceOver(writer)
    const results = await Promise.allSettled([
      service.write(1, 'USD', user('a')),
      service.write(1, 'USD', user('bad')),
      service.write(1, 'USD', user('c')),
    ])
    expect(writer.groups).toEqual([[['a'], ['bad'], ['c']]])
    expect(results).toEqual([
      { status: 'fulfilled', value: ['created'] },
      { status: 'rejected', reason: new Error('bad batch') },
      { status: 'fulfilled', value: ['created'] },
    ])
    expect(await service.write(1, 'USD', [])).toEqual([])
    expect(writer.groups).toHaveLength(1)
  })

  it('resolves drained() only once every write handed over, including those queued meanwhile, is committed', async () => {
    const writer = new FakeWriter({ hold: true })
    const service = serviceOver(writer)
    await service.drained()

    const first = settled(service.write(1, 'USD', user('a')))
    const drained = settled(service.drained())
    await nextTurn()
    const second = settled(service.write(1, 'USD', user('b')))
    await writer.release()
    await nextTurn()
    expect(first.done).toBe(true)
    expect(second.done).toBe(false)
    expect(drained.done).toBe(false)

    await writer.release()
    await service.drained()
    expect(second.done).toBe(true)
    expect(drained.done).toBe(true)
    expect(writer.committed).toBe(2)
  })

  it('refreshes the totals once, after ingestion has been idle for idleMs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const writer = new FakeWriter()
    const service = serviceOver(writer)
    for (const userId of ['a', 'b', 'c']) {
      await service.write(1, 'USD', user(userId))
      vi.advanceTimersByTime(TOTALS_REFRESH.idleMs - 10)
    }
    expect(writer.refreshes).toBe(0)

    vi.advanceTimersByTime(9)
    expect(writer.refreshes).toBe(0)
    vi.advanceTimersByTime(1)
    expect(writer.refreshes).toBe(1)
    vi.advanceTimersByTime(TOTALS_REFRESH.maxStaleMs * 2)
    expect(writer.refreshes).toBe(1)
    expect(writer.calls).toEqual(['write', 'write', 'write', 'refresh'])
  })

  it('refreshes the totals by maxStaleMs under commits that never leave it idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const writer = new FakeWriter()
    const service = serviceOver(writer)
    const step = TOTALS_REFRESH.idleMs - 50
    const commitsBeforeDue = Math.ceil(TOTALS_REFRESH.maxStaleMs / step)
    for (let commit = 0; commit < commitsBeforeDue; commit++) {
      await service.write(1, 'USD', user(`u${commit}`))
      vi.advanceTimersByTime(step)
    }
    expect(writer.refreshes).toBe(0)

    await service.write(1, 'USD', user('due'))
    expect(writer.refreshes).toBe(1)
    expect(writer.calls.at(-1)).toBe('refresh')

    // The staleness clock starts again with the next commit.
    await service.write(1, 'USD', user('after'))
    vi.advanceTimersByTime(step)
    expect(writer.refreshes).toBe(1)
    vi.advanceTimersByTime(TOTALS_REFRESH.idleMs)
    expect(writer.refreshes).toBe(2)
  })

  it('on close, commits what is pending, refreshes the totals when due, then closes the writer', async () => {
    const writer = new FakeWriter()
    const service = new IngestionService(writer)
    const write = service.write(1, 'USD', user('a'))
    await service.close()
    expect(await write).toEqual(['created'])
    expect(writer.calls).toEqual(['write', 'refresh', 'close'])

    const idle = new FakeWriter()
    await new IngestionService(idle).close()
    expect(idle.calls).toEqual(['close'])
  })

  it('does not refresh again on close when the background refresh already ran', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const writer = new FakeWriter()
    const service = new IngestionService(writer)
    await service.write(1, 'USD', user('a'))
    vi.advanceTimersByTime(TOTALS_REFRESH.idleMs)
    await service.close()
    expect(writer.calls).toEqual(['write', 'refresh', 'close'])
  })
})
