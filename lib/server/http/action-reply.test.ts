import { describe, expect, it } from 'vitest'
import { formActionProblem, replyProblem, type ReplyParts } from './action-reply.ts'

const parts = (entries: Record<string, string | 'file'>): ReplyParts => new Map(Object.entries(entries))
const id = '40' + 'cd'.repeat(20)

describe('a server action’s encoded arguments', () => {
  it('decode when they are what React sends', () => {
    // (prevState, formData) from useActionState: the form's fields are "1_…"
    expect(replyProblem('[{"error":null},"$K1"]', parts({ '1_name': 'Class' }))).toBeNull()
    // plain values, escaped dollars, dates, undefined, big numbers need no parts
    expect(replyProblem('["$$5", "$D2026-12-01T00:00:00.000Z", "$u", "$n12", "$I", "$-0", "$N", "$T"]', null)).toBeNull()
    // outlined parts, by hex reference to a decimal field name
    expect(replyProblem('["$@a", "$Qb", "$c:x"]', parts({ '10': '[1]', '11': '[[1,2]]', '12': '{"x":1}' }))).toBeNull()
    expect(replyProblem('["$B1"]', parts({ '1': 'file' }))).toBeNull()
  })

  it.each([
    ['not JSON', '[{"$K1":', null, /not valid JSON/],
    ['not a list', '{"a":1}', null, /not a list/],
    ['a form without parts', '["$K1"]', null, /no parts/],
    ['a promise to a missing part', '["$@5"]', parts({}), /part 5/],
    ['an outlined model that is missing', '["$1f"]', parts({ '1': '[]' }), /part 31/],
    ['a part that is not JSON', '["$@1"]', parts({ '1': '[{' }), /part 1 is not valid JSON/],
    ['a part that is a file where JSON belongs', '["$Q1"]', parts({ '1': 'file' }), /not a file/],
    ['a broken reference inside a part', '["$@1"]', parts({ '1': '["$@9"]' }), /part 9/],
    ['an unknown tag', '["$Zebra"]', null, /unknown reference/],
    ['an unreadable id', '["$@zz"]', parts({}), /unreadable reference/],
  ])('are refused: %s', (_, root, given, message) => {
    expect(replyProblem(root, given)).toMatch(message)
  })

  it('stops at nesting no one sends, and does not loop on parts that refer to each other', () => {
    expect(replyProblem(`[${'['.repeat(300)}${']'.repeat(300)}]`, null)).toMatch(/nested too deeply/)
    expect(replyProblem('["$@1"]', parts({ '1': '["$@2"]', '2': '["$@1"]' }))).toBeNull()
  })
})

describe('a form posted without JavaScript', () => {
  it('decodes with an action id, or a described action and its bound arguments', () => {
    expect(formActionProblem(parts({ [`$ACTION_ID_${id}`]: '', name: 'x' }))).toBeNull()
    expect(
      formActionProblem(parts({ $ACTION_REF_1: '', '$ACTION_1:0': `{"id":"${id}","bound":"$@1"}`, '$ACTION_1:1': '[{"error":null}]' })),
    ).toBeNull()
    expect(formActionProblem(parts({ $ACTION_REF_1: '', '$ACTION_1:0': `{"id":"${id}","bound":null}` }))).toBeNull()
    expect(formActionProblem(parts({ name: 'not an action at all' }))).toBeNull()
  })

  it.each([
    ['an id that is not one', { $ACTION_ID_xyz: '' }],
    ['a reference without its description', { $ACTION_REF_1: '' }],
    ['a description that is not JSON', { $ACTION_REF_1: '', '$ACTION_1:0': '{bad' }],
    ['a description without an id', { $ACTION_REF_1: '', '$ACTION_1:0': '{"bound":null}' }],
    ['bound arguments that are missing', { $ACTION_REF_1: '', '$ACTION_1:0': `{"id":"${id}","bound":"$@1"}` }],
    ['bound arguments that are not JSON', { $ACTION_REF_1: '', '$ACTION_1:0': `{"id":"${id}","bound":"$@1"}`, '$ACTION_1:1': '[{' }],
  ])('is refused with %s', (_, fields) => {
    expect(formActionProblem(parts(fields))).not.toBeNull()
  })
})
