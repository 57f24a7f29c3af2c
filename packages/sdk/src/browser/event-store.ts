import type { StorageLike } from '../client/options'

/** Unsent events kept in Web Storage across page loads. */
export interface EventStore {
  /** Takes over, and removes, the events earlier pages or closed tabs of the same app left behind. */
  adopt(): string[]
  /** Replaces this page's saved events with `bodies`, oldest first, within the size bound. */
  save(bodies: readonly string[]): void
}

/**
 * Keeps event JSON in `storage`, one key per page so two tabs never overwrite each other; a later page adopts
 * every key of the same scope. Events keep their ids, so one sent twice (by a tab and by its adopter) still counts once.
 * JSON never holds a raw newline, so bodies are joined with one.
 *
 * @example
 * const store = createEventStore(localStorage, 'crm_pk_Xa12b', 1_000_000)
 * const leftBehind = store.adopt()
 */
export function createEventStore(storage: StorageLike, scope: string, maxChars: number): EventStore {
  const prefix = `crm-sdk:${scope}:`
  const key = prefix + Math.random().toString(36).slice(2)
  return {
    adopt() {
      const bodies: string[] = []
      for (let index = storage.length - 1; index >= 0; index--) {
        const found = storage.key(index)
        if (!found?.startsWith(prefix)) continue
        bodies.push(...(storage.getItem(found) ?? '').split('\n').filter(Boolean))
        storage.removeItem(found)
      }
      return bodies
    },
    save(bodies) {
      let chars = 0
      let count = 0
      while (count < bodies.length && (chars += bodies[count]!.length + 1) <= maxChars) count++
      if (count) storage.setItem(key, bodies.slice(0, count).join('\n'))
      else storage.removeItem(key)
    },
  }
}
