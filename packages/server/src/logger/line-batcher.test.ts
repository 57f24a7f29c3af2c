import { setImmediate as nextTurn } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { batchLines } from './line-batcher'

describe('batchLines', () => {
  it('writes the lines of one turn of the event loop together, after it', async () => {
    const writes: string[] = []
    const lines = batchLines((text) => writes.push(text))
    lines.write('a\n')
    lines.write('b\n')
    expect(writes).toEqual([])
    await nextTurn()
    expect(writes).toEqual(['a\nb\n'])
    lines.write('c\n')
    await nextTurn()
    await nextTurn()
    expect(writes).toEqual(['a\nb\n', 'c\n'])
  })

  it('writes at once past 64 KiB queued, and on flush()', () => {
    const writes: string[] = []
    const lines = batchLines((text) => writes.push(text))
    const long = `${'x'.repeat(40 * 1024)}\n`
    lines.write(long)
    expect(writes).toEqual([])
    lines.write(long)
    expect(writes).toEqual([long + long])
    lines.write('tail\n')
    lines.flush()
    expect(writes).toEqual([long + long, 'tail\n'])
    lines.flush()
    expect(writes).toHaveLength(2)
  })
})
