import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { checkUntrustedMdx, type MdxProblem } from './untrusted-mdx.ts'

// The real parser, wrapped so a test can see whether it ran, or swap it for one call.
vi.mock('remark-parse', async (importOriginal) => ({ default: vi.fn((await importOriginal<typeof import('remark-parse')>()).default) }))
vi.mock('remark-mdx', async (importOriginal) => ({ default: vi.fn((await importOriginal<typeof import('remark-mdx')>()).default) }))

beforeEach(() => {
  vi.clearAllMocks()
})

const where = (problems: MdxProblem[]) => problems.map(({ code, line, column }) => ({ code, line, column }))

function lessonPages(): string[] {
  return readdirSync('content', { withFileTypes: true })
    .filter((course) => course.isDirectory())
    .flatMap((course) => {
      const lessons = join('content', course.name, 'lessons')
      return readdirSync(lessons).flatMap((lesson) => ['ko', 'en'].map((lang) => join(lessons, lesson, `${lang}.mdx`)))
    })
}

describe('pages the guard lets through', () => {
  it('passes every lesson of the course, in both languages', () => {
    const pages = lessonPages()
    expect(pages.length).toBeGreaterThanOrEqual(28)
    for (const page of pages) expect({ page, problems: checkUntrustedMdx(readFileSync(page, 'utf8')) }).toEqual({ page, problems: [] })
  })

  it('passes a page that uses every course component, Markdown, GFM and every kind of safe address', () => {
    const page = [
      '## 제목',
      '',
      '<Precisely>',
      '**정확히는** `kubectl`이 *API 서버*에 요청을 보냅니다. ~~틀림~~',
      '</Precisely>',
      '',
      '<Diagram name="pod-apartment" alt="A Pod in node-1" />',
      '',
      '<Demo scenario="rolling-update" title="Rolling update" />',
      '',
      'Inline <Quiz id="intro-basics" /> and a [docs link](https://kubernetes.io/docs/ "title"), [http](http://example.com),',
      '[mail](mailto:someone@example.com), [next lesson](../02-pod), [section](#first-command), [query](?tab=yaml),',
      '[a path with a colon](docs/a:b), a [reference][ref], www.example.com, ![diagram](./pod.svg) and a note[^1].',
      '',
      '[ref]: HTTPS://kubernetes.io',
      '[^1]: A footnote.',
      '',
      '| kind | meaning |',
      '|---|---|',
      '| Pod | a \\{braced\\} word |',
      '',
      '- [ ] task',
      '> quote',
      '',
      '```yaml tryit',
      'spec: { replicas: 3 }',
      '<script>in code is text</script>',
      '```',
      '',
      '---',
    ].join('\n')
    expect(checkUntrustedMdx(page)).toEqual([])
  })

  it('passes elements and attributes a caller allows, still checking their addresses', () => {
    const components = { Video: { attributes: ['src'] }, kbd: { attributes: [] } }
    expect(checkUntrustedMdx('Press <kbd>Ctrl</kbd>.\n\n<Video src="https://example.com/a.mp4" />', { components })).toEqual([])
    expect(where(checkUntrustedMdx('<Video src="javascript:alert(1)" />', { components }))).toEqual([
      { code: 'unsafe-url', line: 1, column: 8 },
    ])
    expect(where(checkUntrustedMdx('<Quiz id="a" />', { components }))).toEqual([{ code: 'unknown-component', line: 1, column: 1 }])
  })
})

describe('hostile pages', () => {
  it.each([
    ['a JavaScript expression in text', 'Text {process.exit()} here', [{ code: 'javascript-expression', line: 1, column: 6 }]],
    [
      'a JavaScript expression as a block',
      'Intro\n\n{globalThis.fetch("https://evil.example")}',
      [{ code: 'javascript-expression', line: 3, column: 1 }],
    ],
    ['an MDX comment, which is an expression too', 'Text {/* note */}', [{ code: 'javascript-expression', line: 1, column: 6 }]],
    ['an import', "import fs from 'node:fs'\n\n# Title", [{ code: 'import-export', line: 1, column: 1 }]],
    ['an export', '# Title\n\nexport const x = 1', [{ code: 'import-export', line: 3, column: 1 }]],
    ['a script element', '<script>alert(1)</script>', [{ code: 'html-element-not-allowed', line: 1, column: 1 }]],
    [
      'an image with an event handler',
      '<img src="x" onError="alert(1)" />',
      [
        { code: 'html-element-not-allowed', line: 1, column: 1 },
        { code: 'event-handler-attribute', line: 1, column: 14 },
      ],
    ],
    ['an iframe', 'See:\n\n<iframe src="https://evil.example" />', [{ code: 'html-element-not-allowed', line: 3, column: 1 }]],
    [
      'an iframe with srcdoc',
      '<iframe srcdoc="<script>alert(1)</script>" />',
      [
        { code: 'html-element-not-allowed', line: 1, column: 1 },
        { code: 'srcdoc-attribute', line: 1, column: 9 },
      ],
    ],
    [
      'an svg',
      '<svg><script>alert(1)</script></svg>',
      [
        { code: 'html-element-not-allowed', line: 1, column: 1 },
        { code: 'html-element-not-allowed', line: 1, column: 6 },
      ],
    ],
    [
      'a link element with a data: address',
      'Text <a href="data:text/html,<script>alert(1)</script>">x</a>',
      [
        { code: 'html-element-not-allowed', line: 1, column: 6 },
        { code: 'unsafe-url', line: 1, column: 9 },
      ],
    ],
    ['an attribute value that is an expression', '<Demo scenario={x} />', [{ code: 'expression-attribute', line: 1, column: 7 }]],
    ['a spread attribute', 'Inline <Quiz {...props} />', [{ code: 'spread-attribute', line: 1, column: 14 }]],
    [
      'an event handler on a course component',
      '<Quiz id="a" onClick="alert(1)" />',
      [{ code: 'event-handler-attribute', line: 1, column: 14 }],
    ],
    ['a style attribute', '<Demo scenario="a" style="position:fixed" />', [{ code: 'style-attribute', line: 1, column: 20 }]],
    ['an attribute the component does not take', '<Quiz id="a" title="b" />', [{ code: 'attribute-not-allowed', line: 1, column: 14 }]],
    ['an attribute without a value', '<Quiz id />', [{ code: 'attribute-without-value', line: 1, column: 7 }]],
    ['an unknown component', '<Evil />', [{ code: 'unknown-component', line: 1, column: 1 }]],
    ['a member expression as a name', '<Demo.Player />', [{ code: 'unknown-component', line: 1, column: 1 }]],
    ['a name inherited from Object.prototype', '<toString />', [{ code: 'html-element-not-allowed', line: 1, column: 1 }]],
    ['a fragment', '<>text</>', [{ code: 'jsx-fragment', line: 1, column: 1 }]],
    ['a javascript: link', '[click](javascript:alert(1))', [{ code: 'unsafe-url', line: 1, column: 1 }]],
    ['a javascript: link in mixed case', 'Go [here](JaVaScRiPt:alert(1))', [{ code: 'unsafe-url', line: 1, column: 4 }]],
    ['a javascript: link with a tab inside', '[x](<java\tscript:alert(1)>)', [{ code: 'unsafe-url', line: 1, column: 1 }]],
    [
      'a javascript: link with a tab as a character reference',
      '[x](java&#x09;script:alert(1))',
      [{ code: 'unsafe-url', line: 1, column: 1 }],
    ],
    [
      'a javascript: link spelled with a character reference',
      '[x](&#106;avascript:alert(1))',
      [{ code: 'unsafe-url', line: 1, column: 1 }],
    ],
    ['a vbscript: link definition', '[x]\n\n[x]: vbscript:msgbox(1)', [{ code: 'unsafe-url', line: 3, column: 1 }]],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)', [{ code: 'unsafe-url', line: 1, column: 1 }]],
    ['a scheme that is not allowed', '[x](file:///etc/passwd)', [{ code: 'unsafe-url', line: 1, column: 1 }]],
    [
      'an href with leading space and an entity tab',
      '<a href=" java&#9;script:alert(1)">x</a>',
      [
        { code: 'html-element-not-allowed', line: 1, column: 1 },
        { code: 'unsafe-url', line: 1, column: 4 },
      ],
    ],
    [
      'front matter evaluated as JavaScript by gray-matter',
      '---js\nprocess.exit()\n---\n# Title',
      [{ code: 'front-matter', line: 1, column: 1 }],
    ],
    ['YAML front matter behind a byte order mark', '\uFEFF---\ntitle: x\n---\n# Title', [{ code: 'front-matter', line: 1, column: 1 }]],
    ['quotes nested deeper than any lesson', `${'>'.repeat(40)} deep`, [{ code: 'too-deeply-nested', line: 1, column: 33 }]],
  ])('refuses %s', (_name, source, expected) => {
    expect(where(checkUntrustedMdx(source))).toEqual(expected)
  })

  it('refuses a page that is not valid MDX with the position the parser gives', () => {
    expect(where(checkUntrustedMdx('<Precisely>\nunclosed'))).toEqual([{ code: 'mdx-syntax', line: 1, column: 1 }])
    const [problem] = checkUntrustedMdx('# Title\n\nText <Demo scenario="a"\n')
    expect(problem).toMatchObject({ code: 'mdx-syntax', line: 3, column: 24 }) // the end of the line the tag is left open on
    expect(problem!.message.en).toContain('not valid MDX')
  })

  it('refuses a page over the size limit before parsing it', () => {
    const twoMiB = '{process.exit()}\n'.repeat((2 * 1024 * 1024) / 17 + 1)
    expect(checkUntrustedMdx(twoMiB)).toEqual([
      {
        line: 1,
        column: 1,
        code: 'page-too-large',
        message: { ko: expect.stringContaining('최대 256 KiB'), en: expect.stringContaining('at most 256 KiB') },
      },
    ])
    expect(remarkParse).not.toHaveBeenCalled()
    checkUntrustedMdx('# A small page')
    expect(remarkParse).toHaveBeenCalledTimes(1)
  })

  it('counts the size in UTF-8 bytes', () => {
    const korean = '가'.repeat(400) // 400 characters, 1,200 bytes
    expect(where(checkUntrustedMdx(korean, { maxBytes: 1024 }))).toEqual([{ code: 'page-too-large', line: 1, column: 1 }])
    expect(checkUntrustedMdx(korean, { maxBytes: 1200 })).toEqual([])
  })

  it('refuses raw HTML if the parser ever produces it', () => {
    vi.mocked(remarkMdx).mockImplementationOnce(() => undefined) // plain Markdown parses <div> as an html node
    expect(where(checkUntrustedMdx('<div onclick="alert(1)">x</div>'))).toEqual([{ code: 'raw-html', line: 1, column: 1 }])
  })

  it('refuses, not throws, when the parser runs out of stack on a deeply nested page', () => {
    vi.mocked(remarkParse).mockImplementationOnce(function (this: { parser: () => never }) {
      this.parser = () => {
        throw new RangeError('Maximum call stack size exceeded')
      }
    })
    expect(where(checkUntrustedMdx('> > > …'))).toEqual([{ code: 'too-deeply-nested', line: 1, column: 1 }])
  })
})

describe('messages', () => {
  it('say what to write instead', () => {
    const message = (source: string) => checkUntrustedMdx(source)[0]!.message
    expect(message('<Demo scenario={"rolling-update"} />').en).toContain('Write the value as text: scenario="rolling-update"')
    expect(message('<Demo scenario={"rolling-update"} />').ko).toContain('scenario="rolling-update"')
    expect(message('<Demo scenario={x} />').en).toContain('scenario="…"')
    expect(message('<Quiz {...props} />').en).toContain('<Quiz id="…" />')
    expect(message('<Evil />').en).toContain(
      '<Precisely>…</Precisely>, <Diagram name="…" alt="…" />, <Demo scenario="…" title="…" />, <Quiz id="…" />',
    )
    expect(message('<Evil />').ko).toContain(
      '<Precisely>…</Precisely>, <Diagram name="…" alt="…" />, <Demo scenario="…" title="…" />, <Quiz id="…" />',
    )
    expect(message('<Quiz id="a" title="b" />').en).toContain('its attributes are id')
    expect(message('[x](javascript:alert(1))').en).toContain('"javascript:"')
    expect(message('[x](<java\tscript:alert(1)>)').en).toContain('starts with "javascript:"')
    expect(message('<a href=" JaVa&#x0A;ScRiPt:alert(1)">x</a>').en).toContain('HTML elements such as <a>')
    expect(checkUntrustedMdx('<a href=" JaVa&#x0A;ScRiPt:alert(1)">x</a>')[1]!.message.en).toContain('starts with "javascript:"')
  })

  it('choose the Korean particle for the word before it', () => {
    const message = (source: string) => checkUntrustedMdx(source)[0]!.message.ko
    expect(message('[x](javascript:alert(1))')).toContain('"javascript:"로 시작')
    expect(message('[x](blob:https://a/b)')).toContain('"blob:"으로 시작')
    expect(message('<quiz id="a" />')).toContain('<Quiz>를 쓰려던')
    expect(message('<diagram name="a" alt="b" />')).toContain('<Diagram>을 쓰려던')
  })

  it('are written in both languages, with no particle left for the reader to pick', () => {
    const pages = [
      '{x}',
      'import a from "b"',
      '<script />',
      '<a href="javascript:x" onClick="y" style="z" srcdoc="w" />',
      '<Quiz id {...p} x={1} />',
      '<>x</>',
      '<Evil />',
      '---\n',
      '<A',
      '[x](data:x)',
    ]
    const messages = pages.flatMap((page) => checkUntrustedMdx(page).map((problem) => problem.message))
    expect(messages.length).toBeGreaterThan(pages.length)
    for (const { ko, en } of messages) {
      expect(en).toMatch(/^[\x20-\x7e…]+$/)
      expect(ko).toMatch(/[가-힣]/)
      expect(ko).not.toMatch(/\((?:이|가|을|를|은|는|과|와|으로|로)\)/)
    }
  })
})
