import { expect, test, vi } from 'vitest'
import { createEmitter } from './emitter'

test('calls the listeners of an event with its payload, and stops after unsubscribing', () => {
  const emitter = createEmitter<{ sent: number; drop: string }>()
  const seen: number[] = []
  const off = emitter.on('sent', (count) => seen.push(count))
  expect(emitter.emit('sent', 3)).toBe(true)
  expect(emitter.emit('drop', 'x')).toBe(false)
  off()
  expect(emitter.emit('sent', 4)).toBe(false)
  expect(seen).toEqual([3])
})

test('a throwing listener is reported and the others still run', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  const emitter = createEmitter<{ sent: number }>()
  const seen: number[] = []
  emitter.on('sent', () => {
    throw new Error('bug in app code')
  })
  emitter.on('sent', (count) => seen.push(count))
  expect(() => emitter.emit('sent', 1)).not.toThrow()
  expect(seen).toEqual([1])
  expect(error).toHaveBeenCalledWith(new Error('bug in app code'))
  error.mockRestore()
})
