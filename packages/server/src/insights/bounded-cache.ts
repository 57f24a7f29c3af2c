/**
 * A Map that forgets its oldest entry beyond `capacity` (insertion order; a hit moves the entry to the end).
 *
 * @example
 * const cache = new BoundedCache<string, number>(2)
 * cache.getOrCreate('a', () => 1) // 1, computed once
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>()

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.#entries.get(key)
    if (value !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, value)
    }
    return value
  }

  set(key: K, value: V): void {
    this.#entries.delete(key)
    this.#entries.set(key, value)
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as K)
  }

  getOrCreate(key: K, create: () => V): V {
    const cached = this.get(key)
    if (cached !== undefined) return cached
    const value = create()
    this.set(key, value)
    return value
  }

  delete(key: K): void {
    this.#entries.delete(key)
  }
}
