import { describe, expect, it } from 'vitest'
import { ApiError } from '../http/api-error'
import { decodeCursor, encodeCursor } from './cursor'

describe('cursors', () => {
  it('round-trip for the same ordering', () => {
    expect(decodeCursor('name', encodeCursor('name', { value: 'Ada', id: 7 }))).toEqual({ value: 'Ada', id: 7 })
    expect(decodeCursor('name', undefined)).toBeUndefined()
  })

  it('refuse a cursor of another ordering, or garbage', () => {
    const cursor = encodeCursor('-revenue', { value: 10, id: 1 })
    for (const bad of [cursor, 'not-a-cursor', encodeCursor('name', { value: 'x', id: 1.5 })]) {
      expect(() => decodeCursor('name', bad)).toThrow(ApiError)
    }
  })
})
