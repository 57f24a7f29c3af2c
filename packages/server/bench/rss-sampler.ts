import { readFileSync } from 'node:fs'

export type RssSampler = {
  /** Highest RSS seen so far, MB. */
  readonly peak: number
  /** Prints the peak RSS since the previous phase, and starts the next. */
  phase(name: string): void
  stop(): void
}

/**
 * Samples a process's resident set size from `/proc` (Linux), overall and by phase of a benchmark.
 *
 * @example
 * const rss = sampleRss(server.child.pid!, 100)
 * rss.phase('batch load') // "  batch load: peak RSS 201 MB"
 */
export function sampleRss(pid: number, intervalMs: number): RssSampler {
  let peak = 0
  let phasePeak = 0
  const timer = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
      peak = Math.max(peak, kb / 1024)
      phasePeak = Math.max(phasePeak, kb / 1024)
    } catch {
      // the process is gone
    }
  }, intervalMs)
  return {
    get peak() {
      return peak
    },
    phase(name) {
      console.log(`  ${name}: peak RSS ${phasePeak.toFixed(0)} MB`)
      phasePeak = 0
    },
    stop: () => clearInterval(timer),
  }
}
