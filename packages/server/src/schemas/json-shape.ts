/** How deep `traits` and `properties` may nest: the object itself is level 1, so `{a: {b: 1}}` is 2 levels deep. */
export const MAX_JSON_DEPTH = 32

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** What is wrong with a free-form JSON value, in words for an error's `message`. */
export type JsonShapeFault = { kind: 'too_deep'; message: string } | { kind: 'forbidden_key'; key: string; message: string }

/**
 * Finds what makes a free-form JSON value (`traits`, `properties`) unsafe to keep: nesting deeper than `maxDepth`
 * levels, or a prototype-polluting key (`__proto__`, `constructor`, `prototype`) at any level. It walks with its own
 * stack, never recursing: `JSON.parse` builds a value 100 000 levels deep from 200 KB of `[`, and a recursive walk
 * (or `JSON.stringify`, or `structuredClone`) overflows the call stack on it. It stops at the first fault, so a deep
 * value costs no more than `maxDepth` levels of it.
 *
 * @example
 * findJsonShapeFault({ plan: 'pro' })                      // undefined
 * findJsonShapeFault(JSON.parse('{"a":{"__proto__":1}}'))  // { kind: 'forbidden_key', key: '__proto__', ... }
 * findJsonShapeFault(JSON.parse('[[[1]]]'), 2)             // { kind: 'too_deep', ... }
 */
export function findJsonShapeFault(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonShapeFault | undefined {
  // Pairs of (value, its level); a primitive is never pushed, so the stack holds only objects and arrays.
  const stack: unknown[] = []
  const levels: number[] = []
  if (isContainer(value)) {
    stack.push(value)
    levels.push(1)
  }
  while (stack.length > 0) {
    const container = stack.pop() as object
    const level = levels.pop()!
    if (level > maxDepth) return { kind: 'too_deep', message: `must not nest deeper than ${maxDepth} levels` }
    if (Array.isArray(container)) {
      for (const item of container) {
        if (isContainer(item)) {
          stack.push(item)
          levels.push(level + 1)
        }
      }
      continue
    }
    // Object.keys, not for-in: a "__proto__" that JSON.parse made is an own key, and inherited keys are none of ours.
    for (const key of Object.keys(container)) {
      if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbidden_key', key, message: `must not use the key "${key}" (nor __proto__, constructor or prototype)` }
      const item = (container as Record<string, unknown>)[key]
      if (isContainer(item)) {
        stack.push(item)
        levels.push(level + 1)
      }
    }
  }
  return undefined
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object'
}
