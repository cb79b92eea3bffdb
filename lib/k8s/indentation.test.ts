/**
 * Issue 11: one indentation mistake gives the one error that explains it — the misplaced line, with where it belongs —
 * instead of a cascade; independent errors stay. Built on the Deployment lesson's reference solution, the answer
 * learners were typing when they reported it.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { INDENTATION_BUDGET } from './indentation.ts'
import { formatKubectlError, validateManifests, validateObject, type Diagnostic } from './index.ts'

const lesson = parse(
  readFileSync(new URL('../../content/kubernetes-basics/lessons/08-deployment/exercise.yaml', import.meta.url), 'utf8'),
) as {
  solution: string
  wrongAnswers: Array<{ name: string; source: string }>
}
//  1 apiVersion: apps/v1        8     matchLabels:            15       containers:
//  2 kind: Deployment           9       app: web              16         - name: nginx
//  3 metadata:                 10   template:                 17           image: nginx:1.27
//  4   name: web               11     metadata:               18           ports:
//  5 spec:                     12       labels:               19             - containerPort: 80
//  6   replicas: 3             13         app: web
//  7   selector:               14     spec:
const solution = lesson.solution

/** `text` with its 1-based line `line` starting after `spaces` spaces. */
function reindent(text: string, line: number, spaces: number): string {
  const lines = text.split('\n')
  lines[line - 1] = ' '.repeat(spaces) + lines[line - 1].trimStart()
  return lines.join('\n')
}

const placeholders = /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|이\(가\)|을\(를\)|은\(는\)|\(으\)로/

function readable(errors: Diagnostic[]): void {
  for (const e of errors) for (const text of [e.message, e.hint.en, e.hint.ko]) expect(text).not.toMatch(placeholders)
}

describe('a line indented wrong is the one error', () => {
  it("`replicas: 3` at column 1 instead of under `spec` (the learners' report): one error on line 6 instead of a YAML cascade", () => {
    const text = reindent(solution, 6, 0)
    expect(validateManifests(text, { indentation: false }).errors.length).toBeGreaterThan(1)
    const r = validateManifests(text)
    expect(r.errors).toEqual([
      {
        document: 0,
        kind: null,
        name: null,
        field: '',
        type: 'YAMLSyntax',
        line: 6,
        column: 1,
        message: 'yaml: line 6: nested mappings are not allowed in compact mappings',
        hint: {
          en: '`replicas` is not indented enough, so the YAML around it cannot be read. Did you mean to indent this under `spec`? Start the line with 2 spaces instead of 0 and it becomes `spec.replicas`.',
          ko: '`replicas`의 들여쓰기가 모자라 그 주변의 YAML을 읽을 수 없습니다. `spec` 아래에 들여 쓰려던 것입니까? 줄 앞의 스페이스를 0칸이 아니라 2칸으로 하면 `spec.replicas`가 됩니다.',
        },
        indentation: { column: 3, parent: 'spec' },
      },
    ])
    // kubectl shows it as the one YAML error it is
    expect(formatKubectlError(r.errors)).toBe(
      'error: error parsing YAML: error converting YAML to JSON: yaml: line 6: nested mappings are not allowed in compact mappings',
    )
  })

  it.each([
    [
      'a container field dedented to the pod spec',
      17,
      6,
      { type: 'YAMLSyntax', parent: 'spec.template.spec.containers[0]', column: 11 },
      'Did you mean to indent this under `spec.template.spec.containers[0]`?',
      '`spec.template.spec.containers[0]` 아래에 들여 쓰려던 것입니까?',
    ],
    [
      '`selector` dedented to the top level',
      7,
      0,
      { type: 'YAMLSyntax', parent: 'spec', column: 3 },
      'Did you mean to indent this under `spec`?',
      '`spec` 아래에 들여 쓰려던 것입니까?',
    ],
    [
      '`replicas` indented one level too deep',
      6,
      4,
      { type: 'YAMLSyntax', parent: 'spec', column: 3 },
      '`replicas` is indented too deep',
      '`replicas`가 너무 깊이 들여 쓰여',
    ],
    [
      "`template` indented one level too deep, its fields read as the selector's",
      10,
      4,
      { type: 'FieldValueNotSupported', field: 'spec.selector.template', parent: 'spec', column: 3 },
      'Did you mean to put it under `spec`?',
      '`template`이 너무 깊이 들여 쓰여 `spec.selector`의 필드로 읽히는데',
    ],
    [
      '`spec` indented under `metadata`, the whole spec read as metadata',
      5,
      2,
      { type: 'FieldValueNotSupported', field: 'metadata.spec', parent: '', column: 1 },
      'Did you mean to put it at the top level? Remove the spaces before it',
      '맨 위 수준에 두려던 것입니까?',
    ],
    [
      "`labels` dedented out of the template's metadata",
      12,
      4,
      { type: 'FieldValueNotSupported', field: 'spec.template.labels', parent: 'spec.template.metadata', column: 7 },
      'so it is read as a field of `spec.template`, which has no such field',
      '`spec.template.metadata` 아래에 들여 쓰려던 것입니까?',
    ],
    [
      "`matchLabels` dedented to the selector's level",
      8,
      2,
      { type: 'FieldValueNotSupported', field: 'spec.matchLabels', parent: 'spec.selector', column: 5 },
      'Did you mean to indent this under `spec.selector`?',
      '`spec.selector` 아래에 들여 쓰려던 것입니까?',
    ],
    [
      'a list item dedented',
      16,
      6,
      { type: 'YAMLSyntax', parent: 'spec.template.spec.containers', column: 9 },
      'This list item is not indented enough',
      '이 목록 항목의 들여쓰기가 모자라',
    ],
  ])('%s: one error on that line, naming where it belongs; the named fix is the fix', (_title, line, spaces, expected, en, ko) => {
    const r = validateManifests(reindent(solution, line, spaces))
    expect(r.errors).toHaveLength(1)
    const [e] = r.errors
    expect(e).toMatchObject({
      line,
      column: spaces + 1,
      type: expected.type,
      field: 'field' in expected ? expected.field : '',
      indentation: { column: expected.column, parent: expected.parent },
    })
    if (e.type === 'YAMLSyntax') expect(e.message).toMatch(new RegExp(`^yaml: line ${line}: `))
    expect(e.hint.en).toContain(en)
    expect(e.hint.ko).toContain(ko)
    readable(r.errors)
    expect(validateManifests(reindent(solution, line, e.indentation!.column - 1)).errors).toEqual([])
  })

  it('every single-line indentation mistake in the Deployment answer gives at most one error, never `undefined`', () => {
    const lines = solution.split('\n')
    for (let line = 1; line <= lines.length; line++) {
      if (lines[line - 1].trim() === '') continue
      const indent = lines[line - 1].length - lines[line - 1].trimStart().length
      for (const spaces of new Set([0, Math.max(0, indent - 2), indent + 2])) {
        if (spaces === indent) continue
        const errors = validateManifests(reindent(solution, line, spaces)).errors
        expect([line, spaces, errors.length]).toEqual([line, spaces, Math.min(errors.length, 1)])
        readable(errors)
      }
    }
  })
})

describe('what follows from a misplaced field is not a second error', () => {
  it('a `selector` block written at the top level is reported once, as misplaced, not also as required and unmatched', () => {
    const text = solution.replace('  selector:\n    matchLabels:\n      app: web\n', '') + 'selector:\n  matchLabels:\n    app: web\n'
    const r = validateManifests(text)
    expect(r.errors).toMatchObject([
      { field: 'selector', type: 'FieldValueNotSupported', line: 17, message: 'strict decoding error: unknown field "selector"' },
    ])
    expect(r.errors[0].hint.en).toBe(
      'There is no top-level field "selector". Did you mean to indent this under `spec`? Indented like the other fields of `spec`, it becomes `spec.selector`.',
    )
    expect(r.errors[0].hint.ko).toBe(
      '맨 위 수준에는 "selector"라는 필드가 없습니다. `spec` 아래에 들여 쓰려던 것입니까? `spec`의 필드들과 같은 칸까지 들여 쓰면 `spec.selector`가 됩니다.',
    )
  })

  it('`ports` written under `metadata` says it belongs to the container, and nothing else', () => {
    const text = solution
      .replace('          ports:\n            - containerPort: 80\n', '')
      .replace('  name: web\n', '  name: web\n  ports:\n    - containerPort: 80\n')
    const r = validateManifests(text)
    expect(r.errors).toMatchObject([{ field: 'metadata.ports', line: 5 }])
    expect(r.errors[0].hint.en).toContain('It belongs under `spec.template.spec.containers[0]`; move it there.')
    expect(r.errors[0].hint.ko).toContain('이 필드는 `spec.template.spec.containers[0]` 아래에 와야 합니다.')
  })

  it('the same for an object built in code (no text, so no line to move)', () => {
    const d = parse(solution) as { spec: Record<string, unknown> }
    const { selector, ...spec } = d.spec
    const r = validateObject({ ...d, selector, spec })
    expect(r.errors.map((e) => [e.field, e.type])).toEqual([['selector', 'FieldValueNotSupported']])
  })

  it('a selector that is really missing is still "Required value" and the label mismatch, as the API server says', () => {
    const missing = lesson.wrongAnswers.find((w) => w.name.startsWith('selector left out'))!
    expect(validateManifests(missing.source).errors.map((e) => [e.field, e.type, e.message])).toEqual([
      ['spec.selector', 'FieldValueRequired', 'Required value'],
      ['spec.template.metadata.labels', 'FieldValueInvalid', 'Invalid value: {"app":"web"}: `selector` does not match template `labels`'],
    ])
  })
})

describe('independent errors stay', () => {
  it('a misindented line and a misspelt field elsewhere are two errors', () => {
    const r = validateManifests(reindent(solution, 6, 0).replace('image: nginx', 'imagee: nginx'))
    expect(r.errors.map((e) => [e.line, e.field, e.indentation?.parent])).toEqual([
      [6, '', 'spec'],
      [17, 'spec.template.spec.containers[0].imagee', undefined],
    ])
  })

  it('an error hidden in the misplaced block comes out once the block is where it belongs', () => {
    const text = reindent(solution, 10, 4).replace('      labels:\n        app: web', '      labels:\n        app: nginx')
    const r = validateManifests(text)
    expect(r.errors.map((e) => [e.line, e.field, e.type])).toEqual([
      [10, 'spec.selector.template', 'FieldValueNotSupported'],
      [12, 'spec.template.metadata.labels', 'FieldValueInvalid'],
    ])
    expect(r.errors[1].hint.en).toContain('(line 12)')
  })

  it('keeps a rule error that has nothing to do with the line', () => {
    const r = validateManifests(reindent(solution, 12, 4).replace('name: nginx', 'name: Nginx'))
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [12, 'spec.template.labels'],
      [16, 'spec.template.spec.containers[0].name'],
    ])
  })
})

describe('in a stream of documents', () => {
  const service =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n    targetPort: 8080\n'

  it("points at the stream's line in the right document", () => {
    const r = validateManifests(`${solution}---\n${service}`)
    // a document that cannot be read has no kind or name yet, as for any YAML error
    expect(r.errors).toMatchObject([
      { document: 1, kind: null, name: null, field: '', type: 'YAMLSyntax', line: 30, indentation: { column: 7, parent: 'spec.ports[0]' } },
    ])
    expect(r.errors[0].hint.en).toContain('Start the line with 6 spaces instead of 4 and it becomes `spec.ports[0].targetPort`.')
    expect(r.objects.map((o) => o.kind)).toEqual(['Deployment'])
  })

  it('looks for at most a fixed number of trial changes per input, then reports the errors as they are', () => {
    const broken = reindent(solution, 6, 0)
    const r = validateManifests(Array(200).fill(broken).join('---\n'))
    const explained = r.errors.filter((e) => e.indentation)
    expect(explained.length).toBeGreaterThan(0)
    expect(explained.length).toBeLessThanOrEqual(INDENTATION_BUDGET)
    expect(new Set(r.errors.map((e) => e.document)).size).toBe(200)
  })
})

describe('not an indentation problem', () => {
  it.each([
    ['an unclosed quote', solution.replace('name: web', 'name: "web'), /quote/],
    ['a tab', solution.replace('  replicas: 3', '\treplicas: 3'), /tab/],
    ['a wrong apiVersion (nothing to check a place against)', reindent(solution.replace('apps/v1', 'v1'), 6, 0), /indentation|colon/],
  ])('%s keeps its own error', (_title, text, hint) => {
    const r = validateManifests(text)
    expect(r.errors.some((e) => e.indentation)).toBe(false)
    expect(r.errors[0].hint.en).toMatch(hint)
  })
})
