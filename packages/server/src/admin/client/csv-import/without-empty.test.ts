import { describe, expect, it } from 'vitest'
import { withoutEmpty } from './without-empty'

describe('withoutEmpty', () => {
  it('drops empty strings and undefined, keeps zero and false', () => {
    expect(withoutEmpty({ a: '', b: undefined, c: 0, d: false, e: 'x' })).toEqual({ c: 0, d: false, e: 'x' })
  })
})
