/**
 * `kubelab content new LESSON-ID`: a file lesson that already passes `kubelab content check` — both pages, a small
 * proven exercise (a reference solution that passes, a starter and a known-wrong answer that fail exactly the checks
 * they name) and a quiz — so an author starts from something that works and changes it step by step, checking as
 * they go (docs/authoring.md). Server-only (node:fs).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isSeq, parseDocument } from 'yaml'
import { idSchema } from './schemas.ts'
import type { LessonTexts } from './lesson-folder.ts'

export class ScaffoldError extends Error {}

export interface ScaffoldOptions {
  /** the course's folder under the content root */
  courseDir: string
  lessonId: string
  /** put it right after this lesson in the course's order; last when absent */
  after?: string
}

export interface Scaffolded {
  dir: string
  files: string[]
}

/** The next free `NN-` prefix in a course's lessons folder (numbers only name folders; course.yaml orders them). */
function nextNumber(lessonsDir: string): string {
  const taken = existsSync(lessonsDir) ? readdirSync(lessonsDir).map((name) => Number(/^(\d+)-/.exec(name)?.[1] ?? 0)) : []
  return String(Math.max(0, ...taken) + 1).padStart(2, '0')
}

/** The five texts of a new lesson that passes the publish gate as it is (the studio's "new lesson" starts here too). */
export function newLessonTexts(lessonId: string): LessonTexts & { exerciseYaml: string; quizYaml: string } {
  const quizId = `${lessonId}-quiz`
  return {
    lessonYaml: lessonYaml(lessonId),
    pageKo: koPage.replace('QUIZ_ID', quizId),
    pageEn: enPage.replace('QUIZ_ID', quizId),
    exerciseYaml: exerciseYaml(lessonId),
    quizYaml: quizYaml(lessonId),
  }
}

export function scaffoldLesson({ courseDir, lessonId, after }: ScaffoldOptions): Scaffolded {
  if (!idSchema.safeParse(lessonId).success)
    throw new ScaffoldError(
      `"${lessonId}" is not a lesson id: use kebab-case (lowercase letters, digits and single dashes), e.g. config-maps`,
    )
  const courseFile = join(courseDir, 'course.yaml')
  if (!existsSync(courseFile)) throw new ScaffoldError(`no course at ${courseDir} (course.yaml is missing)`)
  const course = parseDocument(readFileSync(courseFile, 'utf8'))
  const lessons = course.get('lessons')
  if (!isSeq(lessons)) throw new ScaffoldError(`${courseFile} has no lessons list`)
  const listed = lessons.items.map((item) => String((item as { value?: unknown }).value ?? item))
  if (listed.includes(lessonId)) throw new ScaffoldError(`the course already has a lesson "${lessonId}"`)
  const lessonsDir = join(courseDir, 'lessons')
  const clash = existsSync(lessonsDir) ? readdirSync(lessonsDir).find((name) => name.replace(/^\d+-/, '') === lessonId) : undefined
  if (clash) throw new ScaffoldError(`lessons/${clash} already exists`)
  let position = listed.length
  if (after !== undefined) {
    position = listed.indexOf(after) + 1
    if (position === 0) throw new ScaffoldError(`--after: the course has no lesson "${after}" (it has: ${listed.join(', ')})`)
  }

  const dir = join(lessonsDir, `${nextNumber(lessonsDir)}-${lessonId}`)
  mkdirSync(dir, { recursive: true })
  const texts = newLessonTexts(lessonId)
  const files = {
    'lesson.yaml': texts.lessonYaml,
    'ko.mdx': texts.pageKo,
    'en.mdx': texts.pageEn,
    'exercise.yaml': texts.exerciseYaml,
    'quiz.yaml': texts.quizYaml,
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  lessons.items.splice(position, 0, course.createNode(lessonId))
  writeFileSync(courseFile, course.toString())
  return { dir, files: Object.keys(files) }
}

const lessonYaml = (id: string) => `id: ${id}
title:
  ko: "새 레슨 — 제목을 쓰세요"
  en: "New lesson — write its title"
summary:
  ko: "이 레슨에서 배우는 것을 한두 문장으로 씁니다."
  en: "Say in one or two sentences what this lesson teaches."
minutes: 15
`

const koPage = `## 이 레슨에서 배우는 것

여기에 레슨 본문을 씁니다. 문단, 목록, 표, 코드 블록을 쓸 수 있습니다.

\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
\`\`\`

<Precisely>
더 정확한 설명은 이 상자에 씁니다. 학습자가 펼쳐 볼 수 있습니다.
</Precisely>

## 확인 문제

<Quiz id="QUIZ_ID" />
`

const enPage = `## What this lesson teaches

Write the lesson here. Paragraphs, lists, tables and code blocks all work.

\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
\`\`\`

<Precisely>
The more precise explanation goes in this box; learners can open it.
</Precisely>

## Check yourself

<Quiz id="QUIZ_ID" />
`

const exerciseYaml = (lessonId: string) => `id: ${lessonId}-exercise
kind: manifest
title:
  ko: "실습 — 제목을 쓰세요"
  en: "Exercise — write its title"
instructions:
  ko: "이름이 \`web\`이고 레이블 \`app: web\`이 붙은 Pod를 만드세요. 컨테이너는 \`nginx:1.27\` 이미지 하나입니다."
  en: "Create a Pod named \`web\` with the label \`app: web\`, running one container from the image \`nginx:1.27\`."
starter: |
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
      - name: nginx
        image: nginx:1.27
solution: |
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    labels:
      app: web
  spec:
    containers:
      - name: nginx
        image: nginx:1.27
hints:
  - ko: "레이블은 \`metadata.labels\` 아래에 \`키: 값\`으로 씁니다."
    en: "Labels go under \`metadata.labels\` as \`key: value\`."
scenario:
  - wait: 60s
checks:
  - id: pod-exists
    type: object
    kind: Pod
    name: web
    message: { ko: "Pod \`web\`이 있습니다.", en: "There is a Pod named \`web\`." }
    hint: { ko: "\`kind: Pod\`와 \`metadata.name: web\`을 확인하세요.", en: "Check \`kind: Pod\` and \`metadata.name: web\`." }
  - id: label
    type: field
    kind: Pod
    name: web
    path: metadata.labels.app
    equals: web
    message: { ko: "Pod에 레이블 \`app: web\`이 붙어 있습니다.", en: "The Pod has the label \`app: web\`." }
    hint: { ko: "\`metadata\` 아래에 \`labels:\`를 만들고 그 아래에 \`app: web\`을 쓰세요.", en: "Add \`labels:\` under \`metadata\`, with \`app: web\` beneath it." }
  - id: running
    type: pods
    name: web
    phase: Running
    ready: true
    message: { ko: "Pod \`web\`이 Running이고 준비되어 있습니다.", en: "Pod \`web\` is Running and ready." }
    hint: { ko: "이미지 이름에 오타가 있으면 노드가 이미지를 받지 못합니다(ErrImagePull).", en: "A typo in the image name means the node cannot pull it (ErrImagePull)." }
wrongAnswers:
  - name: the label is missing (the starter as given)
    source: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - name: nginx
            image: nginx:1.27
    fails: [label]
`

const quizYaml = (lessonId: string) => `id: ${lessonId}-quiz
questions:
  - id: first-question
    type: single
    prompt:
      ko: "질문을 씁니다. 보기 중 하나가 정답입니다."
      en: "Write the question. One of the choices is right."
    choices:
      - { id: a, text: { ko: "정답", en: "The right answer" } }
      - { id: b, text: { ko: "오답", en: "A wrong answer" } }
    answer: a
    explanation:
      ko: "왜 그것이 정답인지 설명합니다."
      en: "Explain why that answer is right."
  - id: second-question
    type: truefalse
    prompt:
      ko: "참 또는 거짓으로 답하는 문장을 씁니다."
      en: "Write a statement to answer with true or false."
    answer: true
    explanation:
      ko: "왜 참인지 설명합니다."
      en: "Explain why it is true."
`
