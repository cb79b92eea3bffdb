import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// Every interface string exists in Korean and English: the same keys, none empty.
function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
  return [prefix]
}
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown

describe('interface messages', () => {
  const files = ['', ...readdirSync('messages/en').map((f) => `/${f}`)]
  it.each(files)('ko and en have the same keys (messages%s)', (file) => {
    const en = file ? read(`messages/en${file}`) : read('messages/en.json')
    const ko = file ? read(`messages/ko${file}`) : read('messages/ko.json')
    expect(keys(ko).sort()).toEqual(keys(en).sort())
    for (const k of keys(en)) expect(k).not.toBe('')
  })
})
