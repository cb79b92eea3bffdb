import { describe, expect, it } from 'vitest'
import { parseInput } from './keys'

const types = (data: string) => parseInput(data).map((k) => (k.type === 'text' ? `text:${k.text}` : k.type))

describe('parseInput', () => {
  it('reads arrows, Home/End, Delete and word moves from their escape sequences', () => {
    expect(types('\x1b[A\x1b[B\x1b[C\x1b[D\x1bOH\x1b[F\x1b[3~\x1b[1;5D\x1bf')).toEqual([
      'up',
      'down',
      'right',
      'left',
      'home',
      'end',
      'delete',
      'word-left',
      'word-right',
    ])
  })

  it('reads control keys: Enter, Backspace, Tab, Ctrl+C, Ctrl+L and the readline ones', () => {
    expect(types('\r\x7f\t\x03\x0c\x01\x05\x15\x0b\x17\x04')).toEqual([
      'enter',
      'backspace',
      'tab',
      'interrupt',
      'clear-screen',
      'home',
      'end',
      'kill-before',
      'kill-after',
      'kill-word',
      'eof',
    ])
  })

  it('keeps pasted text together and splits it at line ends, a CRLF counting once', () => {
    expect(types('kubectl get pods\r\nkubectl get svc\r')).toEqual(['text:kubectl get pods', 'enter', 'text:kubectl get svc', 'enter'])
  })

  it('drops escape sequences it does not know (F-keys, bracketed paste markers) instead of inserting them', () => {
    expect(types('\x1b[200~echo hi\x1b[201~\x1b[15~\x1bOP')).toEqual(['text:echo hi'])
  })

  it('keeps Korean and emoji text as typed', () => {
    expect(types('안녕 🙂')).toEqual(['text:안녕 🙂'])
  })
})
