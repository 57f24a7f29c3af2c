/** Listener registration and dispatch for a map of event names to payloads. */
export interface Emitter<Events> {
  on<Name extends keyof Events>(event: Name, listener: (payload: Events[Name]) => void): () => void
  /** Calls the listeners; false when there were none. */
  emit<Name extends keyof Events>(event: Name, payload: Events[Name]): boolean
}

/**
 * A minimal typed emitter. A listener that throws is reported on the console and never breaks delivery.
 *
 * @example
 * const emitter = createEmitter<{ sent: number }>()
 * const off = emitter.on('sent', (count) => console.log(count))
 */
export function createEmitter<Events>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>()
  return {
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      return () => void set.delete(listener)
    },
    emit(event, payload) {
      const set = listeners.get(event)
      if (!set?.size) return false
      for (const listener of set) {
        try {
          ;(listener as (value: typeof payload) => void)(payload)
        } catch (error) {
          console.error(error)
        }
      }
      return true
    },
  }
}
