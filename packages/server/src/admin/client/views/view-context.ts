import type { AppView, PublicApi } from '../api'

/** What every view gets: the selected app, its API client, and hooks back into the shell. */
export type ViewContext = {
  app: AppView
  api: PublicApi
  /** Raw keys shown once (after sign-up, app creation or key creation) until the app is switched. */
  revealedKeys: string[]
  /** Reloads the apps (keys changed) and renders the current view again, revealing `reveal` once. */
  reloadApps(reveal?: string): Promise<void>
  /** Runs when the view is left (stops polling). */
  onLeave(stop: () => void): void
}
