import { describe, expect, it } from 'vitest'
import { memoize } from './memo'

describe('memoize', () => {
  it('reads each text and option once, and forgets past its limit', () => {
    const calls: string[] = []
    const read = memoize((text: string, option: 'a' | 'b') => {
      calls.push(`${option}:${text}`)
      return { text, option }
    }, 2)
    expect(read('x', 'a')).toBe(read('x', 'a'))
    expect(read('x', 'b')).toEqual({ text: 'x', option: 'b' })
    expect(calls).toEqual(['a:x', 'b:x'])
    read('y', 'a')
    read('x', 'a')
    expect(calls).toEqual(['a:x', 'b:x', 'a:y', 'a:x'])
  })
})
