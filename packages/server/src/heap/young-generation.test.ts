import { describe, expect, it } from 'vitest'
import { missingYoungGenerationFlags, YOUNG_GENERATION_CAP_FLAG } from './young-generation'

describe('missingYoungGenerationFlags', () => {
  it('asks for the young-generation cap from Node 24 on, unless it was given', () => {
    expect(missingYoungGenerationFlags('24.21.0', ['--max-old-space-size=1024'])).toEqual([YOUNG_GENERATION_CAP_FLAG])
    expect(missingYoungGenerationFlags('26.0.0', [])).toEqual([YOUNG_GENERATION_CAP_FLAG])
    expect(missingYoungGenerationFlags('24.21.0', ['--max-old-space-size=1024', YOUNG_GENERATION_CAP_FLAG])).toEqual([])
    expect(missingYoungGenerationFlags('24.21.0', ['--scavenger-max-new-space-capacity-mb=16'])).toEqual([])
  })

  it('asks for nothing on Node 20, which refuses the flag, or on Node 22, whose young generation is already small', () => {
    expect(missingYoungGenerationFlags('20.20.2', [])).toEqual([])
    expect(missingYoungGenerationFlags('22.23.3', [])).toEqual([])
  })
})
