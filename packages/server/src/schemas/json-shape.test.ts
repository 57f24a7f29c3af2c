import { describe, expect, it } from 'vitest'
import { findJsonShapeFault, MAX_JSON_DEPTH } from './json-shape'

const objects = (depth: number) => JSON.parse('{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1)) as unknown
const arrays = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown

describe('findJsonShapeFault', () => {
  it('accepts plain values, and nesting down to the limit', () => {
    expect(findJsonShapeFault({ plan: 'pro', seats: 3, tags: ['a', { b: null }] })).toBeUndefined()
    expect(findJsonShapeFault('text')).toBeUndefined()
    expect(findJsonShapeFault(objects(MAX_JSON_DEPTH))).toBeUndefined()
    expect(findJsonShapeFault(arrays(MAX_JSON_DEPTH))).toBeUndefined()
  })

  it('refuses one level more than the limit, in objects and in arrays', () => {
    expect(findJsonShapeFault(objects(MAX_JSON_DEPTH + 1))).toEqual({ kind: 'too_deep', message: 'must not nest deeper than 32 levels' })
    expect(findJsonShapeFault(arrays(MAX_JSON_DEPTH + 1))?.kind).toBe('too_deep')
    expect(findJsonShapeFault({ wide: arrays(MAX_JSON_DEPTH) })?.kind).toBe('too_deep')
  })

  it('walks 100 000 levels without overflowing the call stack', () => {
    expect(findJsonShapeFault(arrays(100_000))?.kind).toBe('too_deep')
    expect(findJsonShapeFault(objects(100_000))?.kind).toBe('too_deep')
  })

  it('finds a prototype-polluting key at any level', () => {
    expect(findJsonShapeFault(JSON.parse('{"__proto__": {"admin": true}}'))).toMatchObject({ kind: 'forbidden_key', key: '__proto__' })
    expect(findJsonShapeFault(JSON.parse('[{"a": [{"constructor": 1}]}]'))).toMatchObject({ kind: 'forbidden_key', key: 'constructor' })
    expect(findJsonShapeFault({ a: { prototype: 1 } })).toMatchObject({ kind: 'forbidden_key', key: 'prototype' })
  })
})
