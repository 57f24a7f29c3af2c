import type { StorageLike } from '../client/options'
import type { EventQueue } from '../queue/event-queue'
import { createEventStore, storageScope } from './event-store'
import { sendWithBeacon } from './send-beacon'
import { watchPage } from './watch-page'
import { backgroundTimer } from '../timers/background-timer'

/** How a client keeps its queue across page loads. */
export interface PagePersistence {
  /** Saves the queue soon, once for a burst of changes. */
  schedule(): void
  /** Saves now and stops watching the page. */
  detach(): void
  /** Event bodies earlier pages left behind, taken out of storage. */
  leftBehind: string[]
}

/** What `persistPage` works with. */
export interface PagePersistenceOptions {
  queue: EventQueue
  storage: StorageLike | undefined
  maxStoredChars: number
  url: string
  apiKey: string
  watch: boolean
  beacon: boolean
}

/**
 * Takes what earlier pages left in storage (`leftBehind`), saves the queue after changes and when the page is hidden,
 * and on `pagehide` hands the queue to `navigator.sendBeacon`. Beaconed events stay saved: if the page
 * really closes, the next load sends them again under the same ids and the server counts them once.
 *
 * @example const persistence = persistPage({ queue, storage: localStorage, maxStoredChars: 1e6, url, apiKey, watch: true, beacon: true })
 */
export function persistPage(options: PagePersistenceOptions): PagePersistence {
  const { queue, storage } = options
  const store = storage && createEventStore(storage, storageScope(options.apiKey + options.url), options.maxStoredChars)
  let timer: ReturnType<typeof setTimeout> | undefined
  const save = () => {
    clearTimeout(timer)
    timer = undefined
    try {
      store?.save(queue.snapshot().map((event) => event.body))
    } catch {
      // Quota exceeded or storage blocked: the events are still queued in memory.
    }
  }
  let leftBehind: string[] = []
  try {
    leftBehind = store?.adopt() ?? []
  } catch {
    // Unreadable storage means nothing to restore.
  }
  const beacon = options.beacon && options.apiKey.startsWith('crm_pk_') && typeof navigator === 'object' && !!navigator.sendBeacon
  const unwatch = options.watch
    ? watchPage(save, () => {
        save()
        if (beacon) sendWithBeacon(options.url, queue.snapshot(), options.apiKey)
      })
    : undefined
  return {
    leftBehind,
    schedule() {
      if (store) timer ??= backgroundTimer(save, 0)
    },
    detach() {
      save()
      unwatch?.()
    },
  }
}
