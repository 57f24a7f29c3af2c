import { describe, expect, it } from 'vitest'
import { missingYoungGenerationFlags, youngGenerationCapFlag } from './young-generation'

describe('youngGenerationCapFlag', () => {
  it("is the scavenger's cap on Node 24 and 25, and the semi-space cap from Node 26, whose V8 dropped the scavenger's", () => {
    expect(youngGenerationCapFlag('24.21.0')).toBe('--scavenger-max-new-space-capacity-mb=8')
    expect(youngGenerationCapFlag('25.9.0')).toBe('--scavenger-max-new-space-capacity-mb=8')
    expect(youngGenerationCapFlag('26.0.0')).toBe('--max-semi-space-size=8')
  })

  it('is none on Node 20, which refuses the flag, or on Node 22, whose young generation is already small', () => {
    expect(youngGenerationCapFlag('20.20.2')).toBeUndefined()
    expect(youngGenerationCapFlag('22.23.3')).toBeUndefined()
  })
})

describe('missingYoungGenerationFlags', () => {
  it("asks for this release's cap from Node 24 on, unless it was given in any value", () => {
    expect(missingYoungGenerationFlags('24.21.0', ['--max-old-space-size=1024'])).toEqual(['--scavenger-max-new-space-capacity-mb=8'])
    expect(missingYoungGenerationFlags('26.12.1', ['--max-old-space-size=1024'])).toEqual(['--max-semi-space-size=8'])
    expect(missingYoungGenerationFlags('24.21.0', ['--scavenger-max-new-space-capacity-mb=16'])).toEqual([])
    expect(missingYoungGenerationFlags('26.12.1', ['--max-semi-space-size=4'])).toEqual([])
  })

  it('asks for nothing on Node 20 and 22', () => {
    expect(missingYoungGenerationFlags('20.20.2', [])).toEqual([])
    expect(missingYoungGenerationFlags('22.23.3', [])).toEqual([])
  })
})
