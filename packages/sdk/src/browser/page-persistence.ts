import type { ResolvedOptions } from '../client/options'
import type { EventQueue } from '../queue/event-queue'
import { backgroundTimer } from '../timers/background-timer'
import { createEventStore } from './event-store'
import { sendWithBeacon } from './send-beacon'
import { watchPageHide } from './watch-page'

/** How a client keeps its queue across page loads. */
export interface PagePersistence {
  /** Saves the queue soon, once for a burst of changes. */
  schedule(): void
  /** Saves now and stops watching the page. */
  detach(): void
  /** Event bodies earlier pages left behind, taken out of storage. */
  leftBehind: string[]
}

/** The client options `persistPage` works with. */
export type PagePersistenceOptions = Pick<ResolvedOptions, 'storage' | 'maxStoredChars' | 'url' | 'apiKey' | 'inBrowser' | 'beacon'>

/**
 * Takes what earlier pages left in storage (`leftBehind`), saves the queue within a tick of every change (so a
 * crash loses nothing saved), and on `pagehide` hands the queue to `navigator.sendBeacon`. Beaconed events stay
 * saved: if the page really closes, the next load sends them again under the same ids and the server counts them once.
 *
 * @example const persistence = persistPage(queue, resolveOptions({ apiKey, host }))
 */
export function persistPage(queue: EventQueue, options: PagePersistenceOptions): PagePersistence {
  const { storage } = options
  // The key's first characters are its public prefix (what the admin page lists), so storage tells apps apart
  // without holding the key itself.
  const store = storage && createEventStore(storage, options.apiKey.slice(0, 11), options.maxStoredChars)
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
  const beacon = options.beacon && options.apiKey.startsWith('crm_pk_') && !!globalThis.navigator?.sendBeacon
  const unwatch = options.inBrowser
    ? watchPageHide(() => {
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
