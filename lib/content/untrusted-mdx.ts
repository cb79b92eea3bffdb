/**
 * The guard for lesson pages that authors write in the studio. Those pages are untrusted: nothing an author writes
 * may ever run as code, neither on the server that compiles the page nor in a learner's browser. So the page is
 * read as a syntax tree first, with the syntax lib/content/mdx.ts compiles (remark-parse + remark-mdx +
 * remark-gfm; front matter, which it also reads, is refused), and refused unless every node is plain Markdown or a
 * known component with text attributes. Only a page with no problems may be compiled.
 *
 * Node types relied on (mdast, mdast-util-mdx): `mdxjsEsm` (import/export); `mdxFlowExpression` and
 * `mdxTextExpression` ({…}); `mdxJsxFlowElement` and `mdxJsxTextElement` (<Name …>, name null for a fragment),
 * whose attributes are `mdxJsxAttribute` (value a string, null when written bare, or an
 * `mdxJsxAttributeValueExpression` for name={…}) or `mdxJsxExpressionAttribute` ({...spread}); `link`, `image` and
 * `definition` (their `url`); `html` (not produced while MDX syntax is on; refused all the same). Any node type
 * outside the Markdown ones listed in MARKDOWN_NODE_TYPES is refused.
 *
 * Two checks come before parsing: size, so a huge page never reaches the parser; and front matter, because
 * mdx-bundler hands a page that starts with `---` to gray-matter, which evaluates a `---js` block as JavaScript.
 *
 * Parsing is synchronous, and micromark is slow on some hostile pages well under the size limit (a few thousand
 * nested `>` or `*` in a row take seconds to minutes): run this check, like the compile after it, where a time
 * limit can stop it.
 */
import type { Nodes, Root } from 'mdast'
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { withParticle } from '../text/korean-particles.ts'

export type MdxProblemCode =
  | 'page-too-large'
  | 'front-matter'
  | 'mdx-syntax'
  | 'too-deeply-nested'
  | 'import-export'
  | 'javascript-expression'
  | 'expression-attribute'
  | 'spread-attribute'
  | 'attribute-without-value'
  | 'event-handler-attribute'
  | 'style-attribute'
  | 'srcdoc-attribute'
  | 'attribute-not-allowed'
  | 'unknown-component'
  | 'html-element-not-allowed'
  | 'jsx-fragment'
  | 'unsafe-url'
  | 'raw-html'
  | 'unsupported-syntax'

export interface MdxProblem {
  /** 1-based, at the start of the offending node (1:1 for the page as a whole). */
  line: number
  column: number
  code: MdxProblemCode
  message: { ko: string; en: string }
}

/** Elements a page may use, by exact JSX name, each with the attribute names it may be given (as text). */
export type ComponentRules = Readonly<Record<string, { readonly attributes: readonly string[] }>>

/**
 * The components lessons use (components/mdx/LessonMdx.tsx), with the attributes the course's lessons give them.
 * No lowercase (HTML) element is allowed: no lesson uses one, Markdown covers what they would do.
 */
export const COURSE_COMPONENTS: ComponentRules = {
  Precisely: { attributes: [] },
  Diagram: { attributes: ['name', 'alt'] },
  Demo: { attributes: ['scenario', 'title'] },
  Quiz: { attributes: ['id'] },
  Term: { attributes: ['id'] },
}

export const DEFAULT_MAX_BYTES = 256 * 1024

/** Lessons nest at most 6 levels deep today; far deeper trees only come from hostile pages. */
const MAX_NESTING_DEPTH = 32

/** Markdown and GFM nodes that hold nothing but text, structure and (checked) URLs. */
const MARKDOWN_NODE_TYPES = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'code',
  'inlineCode',
  'text',
  'emphasis',
  'strong',
  'delete',
  'break',
  'link',
  'image',
  'linkReference',
  'imageReference',
  'definition',
  'footnoteDefinition',
  'footnoteReference',
])

const SAFE_URL_SCHEMES = new Set(['http', 'https', 'mailto'])

/** Attributes whose value a browser follows as a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'xlink:href'])

type Message = MdxProblem['message']
type Element = MdxJsxFlowElement | MdxJsxTextElement
type Attribute = MdxJsxAttribute | MdxJsxExpressionAttribute
type Report = (node: Nodes | Attribute, code: MdxProblemCode, message: Message) => void

/** Problems that keep `source` from being compiled and shown to learners; none means the page is safe. */
export function checkUntrustedMdx(source: string, options: { components?: ComponentRules; maxBytes?: number } = {}): MdxProblem[] {
  const { components = COURSE_COMPONENTS, maxBytes = DEFAULT_MAX_BYTES } = options
  const bytes = new TextEncoder().encode(source).byteLength
  if (bytes > maxBytes) return [{ line: 1, column: 1, code: 'page-too-large', message: pageTooLarge(bytes, maxBytes) }]

  const problems: MdxProblem[] = []
  // gray-matter, as mdx-bundler calls it, drops a byte order mark and then looks for `---`.
  if (source.replace(/^\uFEFF/, '').startsWith('---')) problems.push({ line: 1, column: 1, code: 'front-matter', message: frontMatter() })

  let tree: Root
  try {
    tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(source)
  } catch (error) {
    return [...problems, parseProblem(error)]
  }
  return [...problems, ...checkTree(tree, components)]
}

function parseProblem(error: unknown): MdxProblem {
  // micromark crashes with its own stack on pages nested thousands of levels deep
  if (error instanceof RangeError) return { line: 1, column: 1, code: 'too-deeply-nested', message: tooDeeplyNested() }
  // a syntax error is a VFileMessage (reason, line, column); anything else the parser throws is refused the same way
  const { reason, line, column } = error as { reason?: string; line?: number; column?: number }
  return { line: line ?? 1, column: column ?? 1, code: 'mdx-syntax', message: mdxSyntax(reason ?? String(error)) }
}

/** Walks the tree with its own stack, in document order, so no page can overflow the call stack here. */
function checkTree(tree: Root, components: ComponentRules): MdxProblem[] {
  const problems: MdxProblem[] = []
  const report: Report = (node, code, message) => {
    const start = node.position?.start
    problems.push({ line: start?.line ?? 1, column: start?.column ?? 1, code, message })
  }
  let reportedTooDeep = false
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: tree, depth: 0 }]
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!
    if (depth > MAX_NESTING_DEPTH) {
      if (!reportedTooDeep) report(node, 'too-deeply-nested', tooDeeplyNested())
      reportedTooDeep = true
      continue
    }
    checkNode(node, components, report)
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, depth: depth + 1 })
  }
  return problems
}

function checkNode(node: Nodes, components: ComponentRules, report: Report): void {
  switch (node.type) {
    case 'mdxjsEsm':
      return report(node, 'import-export', importExport(components))
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return report(node, 'javascript-expression', javascriptExpression())
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return checkElement(node, components, report)
    case 'link':
    case 'image':
    case 'definition':
      if (!isSafeUrl(node.url)) report(node, 'unsafe-url', unsafeUrl(node.url))
      return
    case 'html':
      return report(node, 'raw-html', rawHtml(components))
    default:
      if (!MARKDOWN_NODE_TYPES.has(node.type)) report(node, 'unsupported-syntax', unsupportedSyntax(node.type))
  }
}

function checkElement(element: Element, components: ComponentRules, report: Report): void {
  const { name } = element
  const rule = name !== null && Object.hasOwn(components, name) ? components[name] : undefined
  if (name === null) report(element, 'jsx-fragment', jsxFragment())
  else if (!rule && /^[a-z]/.test(name)) report(element, 'html-element-not-allowed', htmlElementNotAllowed(name, components))
  else if (!rule) report(element, 'unknown-component', unknownComponent(name, components))

  for (const attribute of element.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(attribute, 'spread-attribute', spreadAttribute(name, rule))
      continue
    }
    const attributeName = attribute.name
    const lowerName = attributeName.toLowerCase()
    if (/^on./.test(lowerName)) report(attribute, 'event-handler-attribute', eventHandlerAttribute(attributeName))
    else if (lowerName === 'style') report(attribute, 'style-attribute', styleAttribute())
    else if (lowerName === 'srcdoc') report(attribute, 'srcdoc-attribute', srcdocAttribute())
    else if (rule && name !== null && !rule.attributes.includes(attributeName))
      report(attribute, 'attribute-not-allowed', attributeNotAllowed(name, attributeName, rule.attributes))

    const { value } = attribute
    if (value === null || value === undefined) report(attribute, 'attribute-without-value', attributeWithoutValue(attributeName))
    else if (typeof value !== 'string') report(attribute, 'expression-attribute', expressionAttribute(attributeName, value.value))
    else if (URL_ATTRIBUTES.has(lowerName) && !isSafeUrl(value)) report(attribute, 'unsafe-url', unsafeUrl(value))
  }
}

/**
 * The scheme a browser reads from `url`, lower-cased, or null for a relative URL. As the WHATWG URL parser does,
 * leading control characters and spaces are dropped and tabs and newlines anywhere are ignored, so ` JaVaScRiPt:`
 * and `java\tscript:` both read as `javascript` (and the message names it so); any scheme outside the allow-list
 * is refused however it is spelled. Character references are already decoded by the parser.
 */
function urlScheme(url: string): string | null {
  const withoutTabsOrNewlines = url.replace(/[\t\n\r]/g, '')
  let start = 0
  while (start < withoutTabsOrNewlines.length && withoutTabsOrNewlines.charCodeAt(start) <= 0x20) start++
  const cleaned = withoutTabsOrNewlines.slice(start)
  const end = cleaned.search(/[:/?#]/)
  return end !== -1 && cleaned[end] === ':' ? cleaned.slice(0, end).toLowerCase() : null
}

function isSafeUrl(url: string): boolean {
  const scheme = urlScheme(url)
  return scheme === null || SAFE_URL_SCHEMES.has(scheme)
}

/** A literal written in braces ({"rolling-update"}, {3}) as the text it should have been; otherwise a placeholder. */
function literalText(expression: string): string {
  const literal = /^\s*(?:"([^"\\]*)"|'([^'\\]*)'|(-?\d+(?:\.\d+)?))\s*$/.exec(expression)
  return literal ? (literal[1] ?? literal[2] ?? literal[3]!) : '…'
}

// Messages. Each says what is wrong and what to write instead.

function kib(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KiB`
}

/** How each allowed element is written: <Quiz id="…" />, or <Precisely>…</Precisely> for one without attributes. */
function usage(name: string, attributes: readonly string[]): string {
  return attributes.length > 0 ? `<${name} ${attributes.map((a) => `${a}="…"`).join(' ')} />` : `<${name}>…</${name}>`
}

function allowedComponents(components: ComponentRules): Message {
  const usages = Object.entries(components).map(([name, rule]) => usage(name, rule.attributes))
  if (usages.length === 0) return { ko: '이 페이지에서는 컴포넌트를 쓸 수 없습니다.', en: 'No components are available to this page.' }
  return {
    ko: `레슨 페이지에서는 다음 컴포넌트를 쓸 수 있습니다: ${usages.join(', ')}`,
    en: `A lesson page can use these components: ${usages.join(', ')}.`,
  }
}

/** " Did you mean <Quiz>?" when `name` differs from an allowed name only in case. */
function caseHint(name: string, components: ComponentRules): Message {
  const match = Object.keys(components).find((allowed) => allowed.toLowerCase() === name.toLowerCase())
  if (!match) return { ko: '', en: '' }
  return {
    ko: ` ${withParticle(`<${match}>`, '을/를')} 쓰려던 것이라면 대소문자까지 똑같이 쓰세요.`,
    en: ` Did you mean <${match}>? Names are case-sensitive.`,
  }
}

function pageTooLarge(bytes: number, maxBytes: number): Message {
  return {
    ko: `이 페이지는 ${kib(bytes)}입니다. 레슨 페이지는 최대 ${kib(maxBytes)}까지 쓸 수 있습니다. 여러 레슨으로 나누세요.`,
    en: `This page is ${kib(bytes)}; a lesson page can be at most ${kib(maxBytes)}. Split it into several lessons.`,
  }
}

function frontMatter(): Message {
  return {
    ko: '레슨 페이지를 --- 줄로 시작할 수 없습니다. 컴파일러는 맨 앞의 --- 블록을 프런트매터(front matter)로 읽는데, 이 블록은 자바스크립트로 실행될 수도 있습니다. 페이지를 글이나 제목으로 시작하세요.',
    en: 'A lesson page cannot start with ---: the compiler reads a block there as front matter, which can even be run as JavaScript. Start the page with text or a heading.',
  }
}

function mdxSyntax(reason: string): Message {
  return {
    ko: `MDX 문법에 맞지 않아 이 페이지를 읽을 수 없습니다(파서 메시지: ${reason}). 태그를 모두 닫았는지 확인하세요(<이름>…</이름> 또는 <이름 />). 중괄호나 꺾쇠를 글자 그대로 쓰려면 앞에 역슬래시를 붙이세요: \\{ \\} \\<`,
    en: `This page is not valid MDX (${reason}). Check that every tag is closed (<Name>…</Name> or <Name />); to write a brace or < as text, put a backslash before it: \\{ \\} \\<.`,
  }
}

function tooDeeplyNested(): Message {
  return {
    ko: `인용문, 목록, 태그가 ${MAX_NESTING_DEPTH}단계보다 깊게 중첩되어 있습니다. 중첩 단계를 줄이세요.`,
    en: `Quotes, lists or tags are nested more than ${MAX_NESTING_DEPTH} levels deep here. Nest fewer levels.`,
  }
}

function importExport(components: ComponentRules): Message {
  const names = Object.keys(components).join(', ')
  return {
    ko: `레슨 페이지에서는 import나 export를 쓸 수 없습니다. 컴포넌트(${names})는 가져오지 않아도 바로 쓸 수 있습니다. 이 줄을 지우세요. 문장을 import나 export라는 단어로 시작하려면 그 단어를 백틱(\`)으로 감싸세요.`,
    en: `A lesson page cannot import or export anything; its components (${names}) are available without an import. Remove this line. To start a sentence with the word import or export, put the word in backticks (\`).`,
  }
}

function javascriptExpression(): Message {
  return {
    ko: '중괄호 {…} 안의 내용은 자바스크립트로 실행되므로 레슨 페이지에서는 쓸 수 없습니다. 중괄호를 글자 그대로 보여 주려면 \\{ \\}처럼 앞에 역슬래시를 붙이거나 백틱(`)으로 감싸세요. 주석이라면 지우세요.',
    en: 'Braces {…} hold JavaScript, and a lesson page cannot run any code. To show braces as text, write \\{ and \\} or put them in backticks (`); remove a comment.',
  }
}

function expressionAttribute(name: string, expression: string): Message {
  const suggestion = `${name}="${literalText(expression)}"`
  return {
    ko: `중괄호로 감싼 속성 값은 자바스크립트로 실행되므로 레슨 페이지에서는 쓸 수 없습니다. 값을 따옴표로 감싸 글자로 쓰세요: ${suggestion}`,
    en: `An attribute value in braces is JavaScript, and a lesson page cannot run any code. Write the value as text: ${suggestion}.`,
  }
}

function spreadAttribute(elementName: string | null, rule: { attributes: readonly string[] } | undefined): Message {
  if (elementName === null || !rule || rule.attributes.length === 0) {
    return {
      ko: '{...} 펼침 속성은 자바스크립트 값을 넘기므로 레슨 페이지에서는 쓸 수 없습니다. 이 속성을 지우세요.',
      en: 'A spread attribute {...} passes JavaScript values, and a lesson page cannot run any code. Remove it.',
    }
  }
  const example = usage(elementName, rule.attributes)
  return {
    ko: `{...} 펼침 속성은 자바스크립트 값을 넘기므로 레슨 페이지에서는 쓸 수 없습니다. 속성마다 값을 따옴표로 감싸 글자로 쓰세요: ${example}`,
    en: `A spread attribute {...} passes JavaScript values, and a lesson page cannot run any code. Write each attribute as text: ${example}.`,
  }
}

function attributeWithoutValue(name: string): Message {
  return {
    ko: `${name} 속성에 값이 없습니다. 값을 따옴표로 감싸 쓰세요: ${name}="…"`,
    en: `${name} has no value. Write its value as text: ${name}="…".`,
  }
}

function eventHandlerAttribute(name: string): Message {
  return {
    ko: `${name} 속성은 학습자의 브라우저에서 자바스크립트를 실행하는 이벤트 핸들러이므로 레슨 페이지에서는 쓸 수 없습니다. 이 속성을 지우세요.`,
    en: `${name} is an event handler: it would run JavaScript in the learner's browser, and a lesson page cannot run any code. Remove it.`,
  }
}

function styleAttribute(): Message {
  return {
    ko: 'style 속성은 쓸 수 없습니다. 레슨 페이지의 모양은 사이트가 정합니다. 이 속성을 지우고, 강조하려면 **굵게**나 *기울임*으로 쓰세요.',
    en: 'The style attribute is not allowed: lesson pages take their look from the site. Remove it; to stress words, write **bold** or *italics*.',
  }
}

function srcdocAttribute(): Message {
  return {
    ko: 'srcdoc 속성은 HTML 문서 전체를 페이지에 넣으므로 쓸 수 없습니다. 이 속성을 지우세요.',
    en: 'The srcdoc attribute embeds a whole HTML document, which a lesson page cannot contain. Remove it.',
  }
}

function attributeNotAllowed(elementName: string, name: string, allowed: readonly string[]): Message {
  const kind = /^[a-z]/.test(elementName) ? { ko: '요소', en: 'element' } : { ko: '컴포넌트', en: 'component' }
  if (allowed.length === 0) {
    return {
      ko: `<${elementName}> ${kind.ko}에는 속성을 쓸 수 없습니다. ${name} 속성을 지우세요.`,
      en: `The ${kind.en} <${elementName}> takes no attributes. Remove ${name}.`,
    }
  }
  return {
    ko: `<${elementName}> ${kind.ko}에는 ${name} 속성이 없습니다. 쓸 수 있는 속성은 ${allowed.join(', ')}입니다: ${usage(elementName, allowed)}`,
    en: `The ${kind.en} <${elementName}> has no attribute ${name}; its attributes are ${allowed.join(', ')}: ${usage(elementName, allowed)}.`,
  }
}

function unknownComponent(name: string, components: ComponentRules): Message {
  const allowed = allowedComponents(components)
  const hint = caseHint(name, components)
  return { ko: `<${name}> 컴포넌트는 없습니다.${hint.ko} ${allowed.ko}`, en: `There is no component <${name}>.${hint.en} ${allowed.en}` }
}

function htmlElementNotAllowed(name: string, components: ComponentRules): Message {
  const allowed = allowedComponents(components)
  const hint = caseHint(name, components)
  return {
    ko: `레슨 페이지에서는 <${name}> 같은 HTML 요소를 쓸 수 없습니다.${hint.ko} 마크다운(**굵게**, [링크 글](https://…), ![그림 설명](https://…))으로 쓰세요. ${allowed.ko}`,
    en: `HTML elements such as <${name}> are not allowed in a lesson page.${hint.en} Write Markdown instead: **bold**, [link text](https://…), ![image description](https://…). ${allowed.en}`,
  }
}

function jsxFragment(): Message {
  return {
    ko: '레슨 페이지에는 <>…</> 프래그먼트가 필요 없습니다. <> 표시와 </> 표시를 지우고 그 사이의 내용만 남기세요.',
    en: 'A lesson page needs no fragment <>…</>. Remove <> and </> and keep what is between them.',
  }
}

function unsafeUrl(url: string): Message {
  const scheme = JSON.stringify(`${urlScheme(url)}:`)
  return {
    ko: `이 주소는 ${withParticle(scheme, '으로/로')} 시작하는데, 레슨 페이지에서는 이런 주소를 쓸 수 없습니다. https://, http://, mailto:로 시작하는 주소나 ../02-pod 같은 상대 경로, 같은 페이지 안의 #제목을 쓰세요.`,
    en: `This address starts with ${scheme}, which a lesson page cannot use. Use an address that starts with https://, http:// or mailto:, a relative path such as ../02-pod, or a #heading on the same page.`,
  }
}

function rawHtml(components: ComponentRules): Message {
  const allowed = allowedComponents(components)
  return {
    ko: `레슨 페이지에서는 HTML을 그대로 쓸 수 없습니다. 마크다운으로 쓰세요. ${allowed.ko}`,
    en: `Raw HTML is not allowed in a lesson page. Write Markdown instead. ${allowed.en}`,
  }
}

function unsupportedSyntax(type: string): Message {
  return {
    ko: `이 문법(${type})은 레슨 페이지에서 쓸 수 없습니다. 마크다운이나 컴포넌트로 쓰세요.`,
    en: `This syntax (${type}) cannot be used in a lesson page. Write Markdown or use a component.`,
  }
}
