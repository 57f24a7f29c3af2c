import { expect, test } from 'vitest'
import { createEventQueue } from './event-queue'

const event = (id: number, bytes = 10) => ({ id: String(id), body: 'x'.repeat(bytes), bytes })

test('refuses a new event past the event bound, counting events in flight', () => {
  const queue = createEventQueue({ maxQueueEvents: 3, maxQueueBytes: 1000 })
  expect([1, 2, 3, 4].map((id) => queue.push(event(id)))).toEqual([true, true, true, false])
  const batch = queue.take(2, 1000)
  expect(queue.push(event(5))).toBe(false)
  queue.settle(batch)
  expect(queue.push(event(5))).toBe(true)
  expect(queue.snapshot().map((item) => item.id)).toEqual(['3', '5'])
})

test('refuses a new event past the byte bound and frees bytes on settle', () => {
  const queue = createEventQueue({ maxQueueEvents: 100, maxQueueBytes: 25 })
  expect(queue.push(event(1))).toBe(true)
  expect(queue.push(event(2))).toBe(true)
  expect(queue.push(event(3))).toBe(false)
  expect(queue.bytes).toBe(20)
  queue.settle(queue.take(1, 1000))
  expect(queue.bytes).toBe(10)
})

test('takes batches by count and by bytes, always at least one event', () => {
  const queue = createEventQueue({ maxQueueEvents: 100, maxQueueBytes: 10_000 })
  for (let id = 0; id < 10; id++) queue.push(event(id, 100))
  expect(queue.take(3, 10_000).map((item) => item.id)).toEqual(['0', '1', '2'])
  // 101 bytes per event with its separator: 303 fits in 310, 404 does not.
  expect(queue.take(50, 310)).toHaveLength(3)
  expect(queue.take(50, 5)).toHaveLength(1)
  expect(queue.waiting).toBe(3)
  expect(queue.size).toBe(10)
})

test('stays correct across the head compaction of a long queue', () => {
  const queue = createEventQueue({ maxQueueEvents: 10_000, maxQueueBytes: 1e9 })
  for (let id = 0; id < 5000; id++) queue.push(event(id, 1))
  const taken = []
  while (queue.waiting) {
    const batch = queue.take(37, 1e9)
    taken.push(...batch)
    queue.settle(batch)
  }
  expect(taken.map((item) => Number(item.id))).toEqual(Array.from({ length: 5000 }, (_, id) => id))
  expect(queue.size).toBe(0)
  expect(queue.bytes).toBe(0)
})
