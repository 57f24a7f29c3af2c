import { defineConfig } from 'vitest/config'

// One runner for the whole monorepo, so `npm test` prints a single summary.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*'],
  },
})
