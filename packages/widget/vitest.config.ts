import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'widget',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser tests load dist/, so the bundle is built once before any test file runs.
    globalSetup: ['./test/build-bundle.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
