import { describe, expect, it } from 'vitest'
import { nodeMajor } from './node-major'

describe('nodeMajor', () => {
  it('reads the major of a version, this process’s by default', () => {
    expect(nodeMajor('24.21.0')).toBe(24)
    expect(nodeMajor('20.19.0')).toBe(20)
    expect(nodeMajor()).toBe(Number(process.version.slice(1, process.version.indexOf('.'))))
  })
})
