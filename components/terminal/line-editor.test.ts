import { describe, expect, it } from 'vitest'
import { parseInput } from './keys'
import { editKey, emptyLine, HISTORY_LIMIT, lineText, remember, type LineAction, type LineState } from './line-editor'

function type(state: LineState, data: string): { state: LineState; actions: LineAction[] } {
  const actions: LineAction[] = []
  for (const key of parseInput(data)) {
    const r = editKey(state, key)
    state = r.state
    if (r.action) actions.push(r.action)
  }
  return { state, actions }
}
const LEFT = '\x1b[D'
const UP = '\x1b[A'
const DOWN = '\x1b[B'

describe('line editing', () => {
  it('inserts at the cursor, and Backspace/Delete remove around it', () => {
    const { state } = type(emptyLine(), `kubectl get pds${LEFT}${LEFT}o\x1b[3~`)
    expect(lineText(state)).toBe('kubectl get pos')
    expect(state.cursor).toBe(14)
    expect(lineText(type(state, '\x05\x7f\x7fd').state)).toBe('kubectl get pd')
  })

  it('moves by words and kills words, the start and the end of the line like readline', () => {
    const s = type(emptyLine(), 'kubectl get pods web').state
    expect(type(s, '\x1b[1;5D').state.cursor).toBe(17)
    expect(lineText(type(s, '\x17').state)).toBe('kubectl get pods ')
    expect(lineText(type(s, '\x1bb\x1bb\x15').state)).toBe('pods web')
    expect(lineText(type(s, '\x01\x1bf\x0b').state)).toBe('kubectl')
  })

  it('never splits a character made of two UTF-16 units', () => {
    const s = type(emptyLine(), `a🙂b${LEFT}\x7f`).state
    expect(lineText(s)).toBe('ab')
  })

  it('Enter submits the line and starts an empty one; Ctrl+C abandons it', () => {
    const entered = type(emptyLine(), 'kubectl get pods\r')
    expect(entered.actions).toEqual([{ type: 'submit', line: 'kubectl get pods' }])
    expect(lineText(entered.state)).toBe('')
    const interrupted = type(emptyLine(), 'kubectl dele\x03')
    expect(interrupted.actions).toEqual([{ type: 'interrupt', line: 'kubectl dele' }])
    expect(lineText(interrupted.state)).toBe('')
    expect(interrupted.state.history).toEqual([])
  })

  it('Tab asks for completion of the text before the cursor', () => {
    expect(type(emptyLine(), `kubectl get po -o wide${LEFT.repeat(8)}\t`).actions).toEqual([{ type: 'complete', before: 'kubectl get po' }])
  })

  it('Ctrl+D deletes under the cursor and does nothing on an empty line', () => {
    expect(type(emptyLine(), '\x04').actions).toEqual([])
    expect(lineText(type(emptyLine(), `ab${LEFT}\x04`).state)).toBe('a')
  })
})

describe('history', () => {
  it('↑ and ↓ walk through earlier commands and bring back the unfinished line', () => {
    let s = type(emptyLine(), 'kubectl get pods\rkubectl get svc\rkubectl des').state
    s = type(s, UP).state
    expect(lineText(s)).toBe('kubectl get svc')
    s = type(s, UP).state
    expect(lineText(s)).toBe('kubectl get pods')
    expect(type(s, UP).actions).toEqual([{ type: 'bell' }])
    s = type(s, `${DOWN}${DOWN}`).state
    expect(lineText(s)).toBe('kubectl des')
    expect(s.cursor).toBe(11)
  })

  it('an edited recalled line runs as edited and is added at the end', () => {
    let s = type(emptyLine(), 'kubectl get pods\r').state
    const r = type(s, `${UP} -o wide\r`)
    expect(r.actions).toEqual([{ type: 'submit', line: 'kubectl get pods -o wide' }])
    s = r.state
    expect(s.history).toEqual(['kubectl get pods', 'kubectl get pods -o wide'])
  })

  it('keeps neither blank lines nor an immediate repeat, and at most the limit', () => {
    expect(remember(['a'], 'a')).toEqual(['a'])
    expect(remember(['a'], '   ')).toEqual(['a'])
    const many = Array.from({ length: HISTORY_LIMIT }, (_, i) => `cmd ${i}`)
    const kept = remember(many, 'last')
    expect(kept).toHaveLength(HISTORY_LIMIT)
    expect(kept[0]).toBe('cmd 1')
    expect(kept.at(-1)).toBe('last')
  })
})
