/**
 * The authorization table (ADR 0011): every page, route handler and server action in app/, with what each of
 * seven actors gets. `table.test.ts` fails when something in app/ has no row here (or a row names something
 * gone); `e2e/authz.spec.ts` runs every row against a production build, signing in as each actor, and calls
 * each server action over HTTP the way the browser does (the Next-Action header).
 *
 * Actors: a visitor; a learner in class A and another learner in class B; the teacher of class A and another
 * teacher (of class B, not of A); an author; an admin. Class-scoped rows are about class A.
 */
import { parse } from 'yaml'
import { findQuiz } from '../../content/load.ts'
import { newLessonTexts } from '../../content/scaffold.ts'
import { publicQuiz, type QuizAnswers } from '../../grading/quiz.ts'
import { NEW_COURSE } from '../../../components/studio/new-course-choice.ts'

export const actors = ['visitor', 'learner', 'otherLearner', 'teacher', 'otherTeacher', 'author', 'admin'] as const
export type Actor = (typeof actors)[number]
export type Account = Exclude<Actor, 'visitor'>
type Role = 'learner' | 'teacher' | 'author' | 'admin'

/** A response as Playwright's APIResponse (and the e2e runner's fetch adapter) give it. */
export interface HttpResponse {
  status(): number
  headers(): Record<string, string>
  text(): Promise<string>
}
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  headers?: Record<string, string>
  data?: unknown
  form?: Record<string, string>
}
export type Http = (request: HttpRequest) => Promise<HttpResponse>

/** Fixtures the e2e runner makes through the DAL: the accounts, two classes, and fresh targets per cell. */
export interface World {
  password: string
  users: Record<Account, { id: string; email: string; role: Role }>
  /** taught by `teacher`, with `learner` in it */
  classA: string
  /** a submission of `learner` in class A */
  submissionA: string
  setup: {
    newAccount(role: Role): Promise<{ id: string; email: string }>
    account(id: string): Promise<{ role: string; disabled: boolean } | null>
    accountByEmail(email: string): Promise<{ id: string; role: string } | null>
    setRole(id: string, role: Role): Promise<void>
    signsIn(email: string, password: string): Promise<boolean>
    newClass(teacher: 'teacher' | 'otherTeacher', learner?: Account): Promise<{ id: string; inviteCode: string; name: string }>
    classRow(id: string): Promise<{ name: string; inviteCode: string; archived: boolean } | null>
    classNamed(name: string): Promise<boolean>
    enrolled(classId: string, userId: string): Promise<boolean>
    newInvitation(role: 'teacher' | 'author' | 'admin'): Promise<{ id: string; token: string }>
    invitation(id: string): Promise<{ usedById: string | null; revokedAt: Date | null } | null>
    invitationNoted(note: string): Promise<boolean>
    newPasswordReset(userId: string): Promise<{ token: string }>
    passwordResets(userId: string): Promise<number>
    audited(action: string, targetId: string): Promise<boolean>
    /**
     * A draft studio lesson made by `author` from the template (it passes the publish gate), in kubernetes-basics; or,
     * `unlisted` (and always when `published`), in a course id no course has, so learners' pages in other specs never
     * show it.
     */
    newStudioLesson(options?: { unlisted?: boolean; published?: boolean }): Promise<{ courseId: string; lessonId: string }>
    studioLesson(
      courseId: string,
      lessonId: string,
    ): Promise<{ draftVersion: number; publishedNumber: number | null; afterLessonId: string | null } | null>
    /** whether a studio course with this id exists */
    studioCourse(courseId: string): Promise<boolean>
    /** issue 17: a fresh comment of `teacher` on `submissionA` (to `learner`, class A), and how many comments match */
    newComment(): Promise<string>
    comments(where: { id?: string; body?: string }): Promise<number>
    /** makes an account a co-teacher of a class (issue 17) */
    addCoTeacher(classId: string, userId: string): Promise<void>
    /** whether an account co-teaches a class */
    coTeaches(classId: string, userId: string): Promise<boolean>
    // issue 17 — deadlines
    /** a lesson's due date in a class, null when it has none */
    deadline(classId: string, lessonId: string): Promise<Date | null>
  }
  /** a studio lesson of kubernetes-basics, for the editor page's row */
  studioLessonA: string
}

/** Calls one server action as the React client does; `args` for a plain function, else (prevState, FormData). */
export type CallAction = (
  page: string,
  input: { fields?: Record<string, string>; prevState?: unknown; args?: unknown[] },
) => Promise<HttpResponse>

export type PageOutcome = 'ok' | 'signin' | 'refused' | 'forbidden' | 'notFound' | 'tooManyRequests' | `redirect:${string}`
export type ActionOutcome = 'allow' | 'deny'

interface Row<Outcome> {
  file: string
  /** what the row is about, for the report */
  what: string
  expect: Record<Actor, Outcome>
}
export interface PageRow extends Row<PageOutcome> {
  kind: 'page'
  path: (w: World) => string
  /** text only an allowed page shows (a data-testid); a refused one shows `refusedMark` */
  mark: string
  refusedMark?: string
}
export interface RouteRow extends Row<number> {
  kind: 'route'
  method: string
  request: (w: World, actor: Actor) => HttpRequest | ((http: Http) => Promise<HttpResponse>)
  /** a further check of an answer, e.g. that a 200 did not save anything; null when it holds */
  verify?: (response: HttpResponse, body: string, actor: Actor, w: World) => string | null
}
export interface ActionRow extends Row<ActionOutcome> {
  kind: 'action'
  name: string
  /** makes a fresh target, calls the action as `actor`, and says whether the change it asks for happened */
  probe: (w: World, actor: Actor, call: CallAction) => Promise<boolean>
}
export type TableRow = PageRow | RouteRow | ActionRow

const all = <T>(outcome: T): Record<Actor, T> => Object.fromEntries(actors.map((a) => [a, outcome])) as Record<Actor, T>
const signedIn = <T>(visitor: T, others: T): Record<Actor, T> => ({ ...all(others), visitor })
const only = (allowed: Actor[]): Record<Actor, ActionOutcome> =>
  Object.fromEntries(actors.map((a) => [a, allowed.includes(a) ? 'allow' : 'deny'])) as Record<Actor, ActionOutcome>
const id = (w: World, actor: Actor) => (actor === 'visitor' ? null : w.users[actor].id)
let counter = 0
const unique = (what: string) => `${what} ${Date.now().toString(36)}-${++counter}`

// Pages ----------------------------------------------------------------------------------------------------------

const teacherPage = (marks: { teacher: PageOutcome; otherTeacher: PageOutcome }): Record<Actor, PageOutcome> => ({
  visitor: 'signin',
  learner: 'forbidden',
  otherLearner: 'forbidden',
  teacher: marks.teacher,
  otherTeacher: marks.otherTeacher,
  author: 'forbidden',
  admin: 'ok',
})
const adminPage: Record<Actor, PageOutcome> = { ...signedIn<PageOutcome>('signin', 'refused'), admin: 'ok' }

const pages: PageRow[] = [
  {
    kind: 'page',
    file: 'app/[locale]/[...missing]/page.tsx',
    what: 'an address no page answers',
    path: () => '/no-such-page',
    mark: 'class="page"',
    expect: all('notFound'),
  },
  { kind: 'page', file: 'app/[locale]/page.tsx', what: 'home', path: () => '/', mark: 'class="hero"', expect: all('ok') },
  {
    kind: 'page',
    file: 'app/[locale]/(auth)/signin/page.tsx',
    what: 'sign in (signed-in people are sent on)',
    path: () => '/signin',
    mark: 'data-testid="signin-form"',
    expect: signedIn('ok', 'redirect:/courses/kubernetes-basics'),
  },
  {
    kind: 'page',
    file: 'app/[locale]/(auth)/signup/page.tsx',
    what: 'sign up (signed-in people are sent on)',
    path: () => '/signup',
    mark: 'data-testid="signup-form"',
    expect: signedIn('ok', 'redirect:/courses/kubernetes-basics'),
  },
  {
    kind: 'page',
    file: 'app/[locale]/courses/[courseId]/page.tsx',
    what: 'a course',
    path: () => '/courses/kubernetes-basics',
    mark: 'data-testid="resume"',
    expect: all('ok'),
  },
  {
    kind: 'page',
    file: 'app/[locale]/courses/[courseId]/glossary/page.tsx',
    what: "a course's glossary",
    path: () => '/courses/kubernetes-basics/glossary',
    mark: 'data-testid="glossary-pod"',
    expect: all('ok'),
  },
  {
    kind: 'page',
    file: 'app/[locale]/courses/[courseId]/[lessonId]/page.tsx',
    what: 'a lesson',
    path: () => '/courses/kubernetes-basics/pod',
    mark: 'data-exercise-id="pod-first-manifest"',
    expect: all('ok'),
  },
  // Published studio lessons are public like file lessons; this world publishes none, so a lesson address that names
  // no file lesson reaches the studio lesson route and is a 404 for everyone (as is that route's own address).
  {
    kind: 'page',
    file: 'app/[locale]/studio-lesson/[courseId]/[lessonId]/page.tsx',
    what: 'a studio lesson that is not published',
    path: () => '/courses/kubernetes-basics/no-such-studio-lesson',
    mark: 'class="page"',
    expect: all('notFound'),
  },
  // Likewise a course address that names no file course reaches the studio course route: public once the course has a
  // published lesson; this world publishes none in a studio course, so it is a 404 for everyone.
  {
    kind: 'page',
    file: 'app/[locale]/studio-course/[courseId]/page.tsx',
    what: 'a studio course with no published lesson',
    path: () => '/courses/no-such-studio-course',
    mark: 'class="page"',
    expect: all('notFound'),
  },
  {
    kind: 'page',
    file: 'app/[locale]/too-many-requests/page.tsx',
    what: 'the 429 page a rate limit shows (status 429 for everyone)',
    path: () => '/too-many-requests?retryAfter=30',
    mark: 'data-testid="too-many-requests-page"',
    expect: all('tooManyRequests'),
  },
  {
    kind: 'page',
    file: 'app/[locale]/join/page.tsx',
    what: 'join a class (a visitor is asked to sign in)',
    path: () => '/join',
    mark: 'name="code"',
    refusedMark: 'data-testid="join-sign-in"',
    expect: signedIn('refused', 'ok'),
  },
  {
    kind: 'page',
    file: 'app/[locale]/progress/page.tsx',
    what: 'my progress',
    path: () => '/progress',
    mark: 'id="my-classes"',
    expect: signedIn('signin', 'ok'),
  },
  {
    kind: 'page',
    file: 'app/[locale]/studio/page.tsx',
    what: 'the authors’ studio',
    path: () => '/studio',
    mark: 'data-testid="studio-summary"',
    refusedMark: 'data-testid="not-author"',
    expect: { ...signedIn<PageOutcome>('signin', 'refused'), author: 'ok', admin: 'ok' },
  },
  {
    kind: 'page',
    file: 'app/[locale]/studio/lessons/[courseId]/[lessonId]/page.tsx',
    what: 'the editor of a studio lesson',
    path: (w) => `/studio/lessons/kubernetes-basics/${w.studioLessonA}`,
    mark: 'data-testid="studio-lesson-id"',
    refusedMark: 'data-testid="not-author"',
    expect: { ...signedIn<PageOutcome>('signin', 'refused'), author: 'ok', admin: 'ok' },
  },
  {
    kind: 'page',
    file: 'app/[locale]/teach/page.tsx',
    what: 'classes (teachers)',
    path: () => '/teach',
    mark: 'id="create-class-heading"',
    refusedMark: 'data-testid="not-teacher"',
    expect: { ...signedIn<PageOutcome>('signin', 'refused'), teacher: 'ok', otherTeacher: 'ok', admin: 'ok' },
  },
  {
    kind: 'page',
    file: 'app/[locale]/teach/[classId]/page.tsx',
    what: 'class A',
    path: (w) => `/teach/${w.classA}`,
    mark: 'data-testid="invite-code"',
    expect: teacherPage({ teacher: 'ok', otherTeacher: 'notFound' }),
  },
  {
    kind: 'page',
    file: 'app/[locale]/teach/[classId]/learners/[userId]/page.tsx',
    what: 'the learner of class A',
    path: (w) => `/teach/${w.classA}/learners/${w.users.learner.id}`,
    mark: 'class="learner-lessons"',
    expect: teacherPage({ teacher: 'ok', otherTeacher: 'notFound' }),
  },
  {
    kind: 'page',
    file: 'app/[locale]/teach/[classId]/learners/[userId]/submissions/[submissionId]/page.tsx',
    what: 'one submission of the learner of class A',
    path: (w) => `/teach/${w.classA}/learners/${w.users.learner.id}/submissions/${w.submissionA}`,
    mark: 'class="submitted-source"',
    expect: teacherPage({ teacher: 'ok', otherTeacher: 'notFound' }),
  },
  {
    kind: 'page',
    file: 'app/[locale]/admin/page.tsx',
    what: 'administration: users',
    path: () => '/admin',
    mark: 'data-testid="admin-users"',
    refusedMark: 'data-testid="not-admin"',
    expect: adminPage,
  },
  {
    kind: 'page',
    file: 'app/[locale]/admin/invitations/page.tsx',
    what: 'administration: invitations',
    path: () => '/admin/invitations',
    mark: 'id="new-invitation"',
    refusedMark: 'data-testid="not-admin"',
    expect: adminPage,
  },
  {
    kind: 'page',
    file: 'app/[locale]/admin/audit/page.tsx',
    what: 'administration: audit log',
    path: () => '/admin/audit',
    mark: 'class="admin-tabs"',
    refusedMark: 'data-testid="not-admin"',
    expect: adminPage,
  },
  // The token is the authority on these two: whoever holds a valid link sees the page (accepting needs an account).
  {
    kind: 'page',
    file: 'app/[locale]/invite/[token]/page.tsx',
    what: 'a made-up invitation link',
    path: () => `/invite/${'A'.repeat(43)}`,
    mark: 'data-testid="invitation"',
    refusedMark: 'data-testid="invitation-invalid"',
    expect: all('refused'),
  },
  {
    kind: 'page',
    file: 'app/[locale]/reset/[token]/page.tsx',
    what: 'a made-up password reset link',
    path: () => `/reset/${'A'.repeat(43)}`,
    mark: 'id="reset-password"',
    refusedMark: 'data-testid="reset-invalid"',
    expect: all('refused'),
  },
  // issue 17 — exercise and quiz insight
  {
    kind: 'page',
    file: 'app/[locale]/teach/[classId]/exercises/page.tsx',
    what: 'the exercises of class A, summed up',
    path: (w) => `/teach/${w.classA}/exercises`,
    mark: 'data-testid="insight-exercises"',
    expect: teacherPage({ teacher: 'ok', otherTeacher: 'notFound' }),
  },
  {
    kind: 'page',
    file: 'app/[locale]/teach/[classId]/exercises/[exerciseId]/page.tsx',
    what: 'the insight into an exercise of class A',
    path: (w) => `/teach/${w.classA}/exercises/pod-first-manifest`,
    mark: 'data-testid="insight-stats"',
    expect: teacherPage({ teacher: 'ok', otherTeacher: 'notFound' }),
  },
  {
    kind: 'page',
    file: 'app/[locale]/teach/[classId]/quizzes/[lessonId]/page.tsx',
    what: 'the item analysis of a quiz of class A',
    path: (w) => `/teach/${w.classA}/quizzes/pod`,
    mark: 'data-testid="quiz-learners"',
    expect: teacherPage({ teacher: 'ok', otherTeacher: 'notFound' }),
  },
]

// Route handlers -------------------------------------------------------------------------------------------------

/** Some answer to every question (an attempt must answer them all; whether right does not matter here). */
export function everyQuestionAnswered(quizId: string): QuizAnswers {
  const quiz = findQuiz(quizId)?.quiz
  if (!quiz) throw new Error(`no quiz ${quizId}`)
  return Object.fromEntries(
    publicQuiz(quiz, 'en').questions.map((q) => {
      if (!('choices' in q)) return [q.id, q.type === 'truefalse' ? true : 'kubectl']
      const ids = q.choices.map((c) => c.id)
      return [q.id, q.type === 'single' ? ids[0]! : ids] // multiple: all of them; ordering: as listed
    }),
  )
}

const json = (method: HttpRequest['method'], path: string, data: unknown): HttpRequest => ({
  method,
  path,
  data,
  headers: { 'content-type': 'application/json' },
})
const savedIsSignedIn = (_r: HttpResponse, body: string, actor: Actor) => {
  const saved = (JSON.parse(body) as { saved?: boolean }).saved
  return saved === (actor !== 'visitor') ? null : `saved=${saved}`
}

const routes: RouteRow[] = [
  {
    kind: 'route',
    file: 'app/api/me/route.ts',
    method: 'GET',
    what: 'who is signed in (the header of every page)',
    request: () => ({ method: 'GET', path: '/api/me' }),
    expect: all(200),
  },
  {
    kind: 'route',
    file: 'app/api/me/courses/[courseId]/route.ts',
    method: 'GET',
    what: 'my progress in a course (a visitor: none)',
    request: () => ({ method: 'GET', path: '/api/me/courses/kubernetes-basics' }),
    expect: all(200),
  },
  {
    kind: 'route',
    file: 'app/api/me/lessons/[courseId]/[lessonId]/route.ts',
    method: 'POST',
    what: 'open a lesson: mark it started, read my work in it (a visitor: none)',
    request: () => json('POST', '/api/me/lessons/kubernetes-basics/pod', {}),
    expect: all(200),
  },
  {
    kind: 'route',
    file: 'app/api/health/route.ts',
    method: 'GET',
    what: 'health',
    request: () => ({ method: 'GET', path: '/api/health' }),
    expect: all(200),
  },
  {
    kind: 'route',
    file: 'app/api/ready/route.ts',
    method: 'GET',
    what: 'readiness (load balancers, Kubernetes)',
    request: () => ({ method: 'GET', path: '/api/ready' }),
    expect: all(200),
  },
  // open here: the runner's server has no METRICS_TOKEN (with one, 401 without the bearer token: app/api/metrics/route.test.ts)
  {
    kind: 'route',
    file: 'app/api/metrics/route.ts',
    method: 'GET',
    what: 'Prometheus metrics (scrapers; METRICS_TOKEN)',
    request: () => ({ method: 'GET', path: '/api/metrics' }),
    expect: all(200),
  },
  {
    kind: 'route',
    file: 'app/api/auth/[...nextauth]/route.ts',
    method: 'GET',
    what: 'the session: the role the database has',
    request: () => ({ method: 'GET', path: '/api/auth/session' }),
    expect: all(200),
    verify: (_r, body, actor, w) => {
      const session = JSON.parse(body || 'null') as { user?: { id?: string; role?: string } } | null
      if (actor === 'visitor') return session?.user ? 'a visitor has a session' : null
      return session?.user?.id === w.users[actor].id && session.user.role === w.users[actor].role ? null : `session ${body.slice(0, 120)}`
    },
  },
  {
    kind: 'route',
    file: 'app/api/auth/[...nextauth]/route.ts',
    method: 'POST',
    what: 'sign-in with a wrong password (CSRF token included) is refused',
    request: (w, actor) => async (http) => {
      const answer = await http({ method: 'GET', path: '/api/auth/csrf' })
      const { csrfToken } = JSON.parse(await answer.text()) as { csrfToken: string }
      // the token's cookie goes back with the form (double-submit), beside the actor's session cookie
      const cookie = (answer.headers()['set-cookie'] ?? '')
        .split('\n')
        .map((c) => c.split(';')[0])
        .join('; ')
      const email = actor === 'visitor' ? 'nobody@example.test' : w.users[actor].email
      return http({
        method: 'POST',
        path: '/api/auth/callback/credentials',
        headers: { cookie },
        form: { csrfToken, email, password: 'not-the-password', callbackUrl: '/' },
      })
    },
    expect: all(302),
    verify: (r) => ((r.headers()['location'] ?? '').includes('error=CredentialsSignin') ? null : `location ${r.headers()['location']}`),
  },
  {
    kind: 'route',
    file: 'app/api/classes/[classId]/export/route.ts',
    method: 'GET',
    what: 'class A’s CSV export',
    request: (w) => ({ method: 'GET', path: `/api/classes/${w.classA}/export` }),
    expect: { visitor: 401, learner: 403, otherLearner: 403, teacher: 200, otherTeacher: 404, author: 403, admin: 200 },
  },
  {
    kind: 'route',
    file: 'app/api/exercises/[id]/draft/route.ts',
    method: 'PUT',
    what: 'save my draft',
    request: (_w, actor) => json('PUT', '/api/exercises/deployment-web/draft', { source: `# draft of ${actor}\n` }),
    expect: signedIn(401, 204),
  },
  {
    kind: 'route',
    file: 'app/api/exercises/[id]/grade/route.ts',
    method: 'POST',
    what: 'grade (public; stored only for a signed-in account)',
    request: () => json('POST', '/api/exercises/pod-first-manifest/grade', { yaml: 'kind: Pod', lang: 'en' }),
    expect: all(200),
    verify: savedIsSignedIn,
  },
  {
    kind: 'route',
    file: 'app/api/exercises/[id]/solution/route.ts',
    method: 'GET',
    what: 'a reference solution before any attempt',
    request: () => ({ method: 'GET', path: '/api/exercises/capstone-hello/solution' }),
    expect: signedIn(401, 403),
  },
  {
    kind: 'route',
    file: 'app/api/quizzes/[id]/attempts/route.ts',
    method: 'POST',
    what: 'a quiz attempt (public; stored only for a signed-in account)',
    request: () => json('POST', '/api/quizzes/pod-basics/attempts', { answers: everyQuestionAnswered('pod-basics'), lang: 'en' }),
    expect: all(200),
    verify: savedIsSignedIn,
  },
  {
    kind: 'route',
    file: 'app/api/me/import/route.ts',
    method: 'POST',
    what: 'import a visitor’s work into my account',
    request: () => json('POST', '/api/me/import', { lang: 'en', lessons: [{ courseId: 'kubernetes-basics', lessonId: 'intro' }] }),
    expect: signedIn(401, 200),
  },
  // issue 17 — deadlines, progress over time, exports
  {
    kind: 'route',
    file: 'app/api/classes/[classId]/export/attempts/route.ts',
    method: 'GET',
    what: 'class A’s CSV of every attempt',
    request: (w) => ({ method: 'GET', path: `/api/classes/${w.classA}/export/attempts` }),
    expect: { visitor: 401, learner: 403, otherLearner: 403, teacher: 200, otherTeacher: 404, author: 403, admin: 200 },
    // an allowed answer holds the attempt of class A's learner; a refused one holds no email at all
    verify: (r, body, _actor, w) =>
      r.status() === 200
        ? body.includes(w.users.learner.email)
          ? null
          : 'no row of the learner'
        : body.includes('@')
          ? 'an email in a refusal'
          : null,
  },
  {
    kind: 'route',
    file: 'app/api/me/deadlines/[courseId]/route.ts',
    method: 'GET',
    what: 'what is due for me in a course (a visitor: nothing)',
    request: () => ({ method: 'GET', path: '/api/me/deadlines/kubernetes-basics' }),
    expect: all(200),
    verify: (_r, body, actor) => {
      const answer = JSON.parse(body) as { signedIn?: boolean; due?: unknown[] }
      return answer.signedIn === (actor !== 'visitor') && Array.isArray(answer.due) ? null : `answer ${body.slice(0, 120)}`
    },
  },
  // issue 17 — feedback to learners
  {
    kind: 'route',
    file: 'app/api/me/comments/route.ts',
    method: 'GET',
    what: 'my comments from my teachers (`learner` has one on pod-first-manifest; no one sees another’s)',
    request: (w) => async (http) => {
      await w.setup.newComment()
      return http({ method: 'GET', path: '/api/me/comments?exerciseId=pod-first-manifest' })
    },
    expect: signedIn(401, 200),
    verify: (_r, body, actor) => {
      if (actor === 'visitor') return null
      const seen = (JSON.parse(body) as { comments: unknown[] }).comments.length
      return (actor === 'learner' ? seen > 0 : seen === 0) ? null : `${seen} comments`
    },
  },
  {
    kind: 'route',
    file: 'app/api/me/comments/route.ts',
    method: 'POST',
    what: 'mark a comment to `learner` read (only `learner` can)',
    request: (w) => async (http) => http(json('POST', '/api/me/comments', { ids: [await w.setup.newComment()] })),
    expect: signedIn(401, 200),
    verify: (_r, body, actor) => {
      if (actor === 'visitor') return null
      const marked = (JSON.parse(body) as { marked: number }).marked
      return marked === (actor === 'learner' ? 1 : 0) ? null : `marked ${marked}`
    },
  },
]

// Server actions -------------------------------------------------------------------------------------------------

const sessionCookieSet = (r: HttpResponse) =>
  /authjs\.session-token=[^;]+/.test(r.headers()['set-cookie'] ?? '') && !/authjs\.session-token=;/.test(r.headers()['set-cookie'] ?? '')
const teachers: Actor[] = ['teacher', 'admin']

const actions: ActionRow[] = [
  {
    kind: 'action',
    file: 'app/[locale]/(auth)/actions.ts',
    name: 'signInAction',
    what: 'sign in (anyone, with the right password)',
    expect: all('allow'),
    probe: async (w, _actor, call) => {
      const account = await w.setup.newAccount('learner')
      return sessionCookieSet(
        await call('/signin', { prevState: { error: null }, fields: { email: account.email, password: w.password, redirectTo: '/' } }),
      )
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/(auth)/actions.ts',
    name: 'signUpAction',
    what: 'sign up, always as a learner (a role field is ignored)',
    expect: all('allow'),
    probe: async (w, _actor, call) => {
      const email = `${unique('signup').replace(/\W/g, '-')}@example.test`
      await call('/signup', { prevState: { error: null }, fields: { email, password: w.password, redirectTo: '/', role: 'admin' } })
      const made = await w.setup.accountByEmail(email)
      if (made && made.role !== 'learner') throw new Error(`sign-up stored the role ${made.role}`)
      return made !== null
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/(auth)/actions.ts',
    name: 'signOutAction',
    what: 'sign out (ends the session cookie it is sent with)',
    expect: signedIn('deny', 'allow'),
    probe: async (_w, _actor, call) => /authjs\.session-token=;/.test((await call('/', { fields: {} })).headers()['set-cookie'] ?? ''),
  },
  {
    kind: 'action',
    file: 'app/locale-actions.ts',
    name: 'setLocaleAction',
    what: 'choose the interface language',
    expect: all('allow'),
    probe: async (_w, _actor, call) => /NEXT_LOCALE=en/.test((await call('/', { args: ['en'] })).headers()['set-cookie'] ?? ''),
  },
  {
    kind: 'action',
    file: 'app/[locale]/teach/actions.ts',
    name: 'createClassAction',
    what: 'create a class',
    expect: only(['teacher', 'otherTeacher', 'admin']),
    probe: async (w, _actor, call) => {
      const name = unique('Probe class')
      await call('/teach', { prevState: { error: null }, fields: { name, courseId: 'kubernetes-basics' } })
      return w.setup.classNamed(name)
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/teach/actions.ts',
    name: 'joinClassAction',
    what: 'join another teacher’s class with its code (not one’s own)',
    expect: { ...all<ActionOutcome>('allow'), visitor: 'deny', otherTeacher: 'deny' },
    probe: async (w, actor, call) => {
      const c = await w.setup.newClass('otherTeacher')
      await call('/join', { prevState: { error: null }, fields: { code: c.inviteCode } })
      const me = id(w, actor)
      return me !== null && (await w.setup.enrolled(c.id, me))
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/teach/actions.ts',
    name: 'renewInviteCodeAction',
    what: 'a new invite code for a class of `teacher`',
    expect: only(teachers),
    probe: async (w, _actor, call) => {
      const c = await w.setup.newClass('teacher')
      await call(`/teach/${c.id}`, { fields: { classId: c.id } })
      return (await w.setup.classRow(c.id))?.inviteCode !== c.inviteCode
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/teach/actions.ts',
    name: 'renameClassAction',
    what: 'rename a class of `teacher`',
    expect: only(teachers),
    probe: async (w, _actor, call) => {
      const c = await w.setup.newClass('teacher')
      const name = unique('Renamed')
      await call(`/teach/${c.id}`, { fields: { classId: c.id, name } })
      return (await w.setup.classRow(c.id))?.name === name
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/teach/actions.ts',
    name: 'removeLearnerAction',
    what: 'take `learner` out of a class of `teacher`',
    expect: only(teachers),
    probe: async (w, _actor, call) => {
      const c = await w.setup.newClass('teacher', 'learner')
      await call(`/teach/${c.id}`, { fields: { classId: c.id, userId: w.users.learner.id } })
      return !(await w.setup.enrolled(c.id, w.users.learner.id))
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/teach/actions.ts',
    name: 'archiveClassAction',
    what: 'archive a class of `teacher` (audited)',
    expect: only(teachers),
    probe: async (w, _actor, call) => {
      const c = await w.setup.newClass('teacher')
      await call(`/teach/${c.id}`, { fields: { classId: c.id } })
      const archived = (await w.setup.classRow(c.id))?.archived ?? false
      if (archived && !(await w.setup.audited('class.archived', c.id))) throw new Error('archived without an audit event')
      return archived
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/admin/actions.ts',
    name: 'changeRoleAction',
    what: 'make a learner an author',
    expect: only(['admin']),
    probe: async (w, _actor, call) => {
      const target = await w.setup.newAccount('learner')
      await call('/admin', { prevState: { status: 'idle' }, fields: { userId: target.id, role: 'author' } })
      return (await w.setup.account(target.id))?.role === 'author'
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/admin/actions.ts',
    name: 'setDisabledAction',
    what: 'disable an account',
    expect: only(['admin']),
    probe: async (w, _actor, call) => {
      const target = await w.setup.newAccount('teacher')
      await call('/admin', { prevState: { status: 'idle' }, fields: { userId: target.id, disabled: '1' } })
      return (await w.setup.account(target.id))?.disabled ?? false
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/admin/actions.ts',
    name: 'resetPasswordAction',
    what: 'make a password reset link',
    expect: only(['admin']),
    probe: async (w, _actor, call) => {
      const target = await w.setup.newAccount('learner')
      await call('/admin', { prevState: { status: 'idle' }, fields: { userId: target.id } })
      return (await w.setup.passwordResets(target.id)) > 0
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/admin/actions.ts',
    name: 'createInvitationAction',
    what: 'make an admin invitation',
    expect: only(['admin']),
    probe: async (w, _actor, call) => {
      const note = unique('probe invitation')
      await call('/admin/invitations', { prevState: { status: 'idle' }, fields: { role: 'admin', days: '1', note } })
      return w.setup.invitationNoted(note)
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/admin/actions.ts',
    name: 'revokeInvitationAction',
    what: 'revoke an invitation',
    expect: only(['admin']),
    probe: async (w, _actor, call) => {
      const invitation = await w.setup.newInvitation('teacher')
      await call('/admin/invitations', { prevState: { status: 'idle' }, fields: { invitationId: invitation.id } })
      return (await w.setup.invitation(invitation.id))?.revokedAt != null
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/invite/actions.ts',
    name: 'acceptInvitationAction',
    what: 'accept an author invitation (not an author already, not an admin)',
    expect: { ...only(['learner', 'otherLearner', 'teacher', 'otherTeacher']) },
    probe: async (w, actor, call) => {
      const invitation = await w.setup.newInvitation('author')
      await call(`/invite/${invitation.token}`, { prevState: { error: null }, fields: { token: invitation.token } })
      const usedBy = (await w.setup.invitation(invitation.id))?.usedById ?? null
      if (actor !== 'visitor') await w.setup.setRole(w.users[actor].id, w.users[actor].role) // the actor keeps their role for the other rows
      return usedBy !== null && usedBy === id(w, actor)
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/reset/actions.ts',
    name: 'completePasswordResetAction',
    what: 'set a new password with a reset link (the link is the authority)',
    expect: all('allow'),
    probe: async (w, _actor, call) => {
      const target = await w.setup.newAccount('learner')
      const { token } = await w.setup.newPasswordReset(target.id)
      await call(`/reset/${token}`, { prevState: { status: 'idle' }, fields: { token, password: 'a brand new password' } })
      return w.setup.signsIn(target.email, 'a brand new password')
    },
  },
  ...studioActions(),
  // issue 17 — deadlines
  {
    kind: 'action',
    file: 'app/[locale]/teach/deadline-actions.ts',
    name: 'saveDeadlinesAction',
    what: 'set a due date for a lesson of a class of `teacher`',
    expect: only(teachers),
    probe: async (w, _actor, call) => {
      const c = await w.setup.newClass('teacher')
      await call(`/teach/${c.id}`, {
        prevState: { status: 'idle' },
        fields: { classId: c.id, changes: JSON.stringify([{ lessonId: 'pod', dueAt: '2030-01-01T00:00:00.000Z' }]) },
      })
      return (await w.setup.deadline(c.id, 'pod')) !== null
    },
  },
  // issue 17 — co-teachers: any teacher of the class (here its owner) or an admin adds one; the owner or an admin removes one
  {
    kind: 'action',
    file: 'app/[locale]/teach/co-teacher-actions.ts',
    name: 'addCoTeacherAction',
    what: 'add a teacher to a class of `teacher` by email (audited)',
    expect: only(teachers),
    probe: async (w, _actor, call) => {
      const c = await w.setup.newClass('teacher')
      const colleague = await w.setup.newAccount('teacher')
      await call(`/teach/${c.id}`, { prevState: { error: null }, fields: { classId: c.id, email: colleague.email } })
      const added = await w.setup.coTeaches(c.id, colleague.id)
      if (added && !(await w.setup.audited('class.co_teacher_added', c.id))) throw new Error('added without an audit event')
      return added
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/teach/co-teacher-actions.ts',
    name: 'removeCoTeacherAction',
    what: 'remove a co-teacher from a class of `teacher` (audited)',
    expect: only(teachers),
    probe: async (w, _actor, call) => {
      const c = await w.setup.newClass('teacher')
      const colleague = await w.setup.newAccount('teacher')
      await w.setup.addCoTeacher(c.id, colleague.id)
      await call(`/teach/${c.id}`, { fields: { classId: c.id, userId: colleague.id } })
      const removed = !(await w.setup.coTeaches(c.id, colleague.id))
      if (removed && !(await w.setup.audited('class.co_teacher_removed', c.id))) throw new Error('removed without an audit event')
      return removed
    },
  },
  // issue 17 — feedback to learners
  {
    kind: 'action',
    file: 'app/[locale]/teach/comment-actions.ts',
    name: 'commentAction',
    what: 'comment on a submission of `learner` in class A, and on a mistake group of class A',
    expect: only(teachers),
    probe: async (w, _actor, call) => {
      const onSubmission = unique('probe comment')
      await call(`/teach/${w.classA}/learners/${w.users.learner.id}/submissions/${w.submissionA}`, {
        prevState: { status: 'idle' },
        fields: { classId: w.classA, submissionId: w.submissionA, body: onSubmission },
      })
      const onGroup = unique('probe group comment')
      await call(`/teach/${w.classA}/exercises/pod-first-manifest`, {
        prevState: { status: 'idle' },
        fields: { classId: w.classA, exerciseId: 'pod-first-manifest', checkId: 'probe', learnerId: w.users.learner.id, body: onGroup },
      })
      const [one, group] = [await w.setup.comments({ body: onSubmission }), await w.setup.comments({ body: onGroup })]
      if (one > 0 !== group > 0) throw new Error(`a comment on a submission: ${one}, on a group: ${group}`)
      return one > 0
    },
  },
  {
    kind: 'action',
    file: 'app/[locale]/teach/comment-actions.ts',
    name: 'deleteCommentAction',
    what: 'delete a comment of `teacher` in class A',
    expect: only(teachers),
    probe: async (w, _actor, call) => {
      const id = await w.setup.newComment()
      await call(`/teach/${w.classA}/learners/${w.users.learner.id}`, { fields: { classId: w.classA, commentId: id } })
      return (await w.setup.comments({ id })) === 0
    },
  },
]

/** The studio's actions (issue 14): authors and admins only; each probe says whether the call did or revealed anything. */
function studioActions(): ActionRow[] {
  const studio = 'app/[locale]/studio/actions.ts'
  const authors = only(['author', 'admin'])
  const editor = (l: { courseId: string; lessonId: string }) => `/studio/lessons/${l.courseId}/${l.lessonId}`
  const row = (name: string, what: string, probe: ActionRow['probe']): ActionRow => ({
    kind: 'action',
    file: studio,
    name,
    what,
    expect: authors,
    probe,
  })
  return [
    row('createStudioLessonAction', 'start a studio lesson, in a file course and in a new studio course', async (w, _actor, call) => {
      const lessonId = unique('probe').replace(/[^a-z0-9]+/g, '-')
      await call('/studio', { prevState: { error: null }, fields: { courseId: 'kubernetes-basics', lessonId, after: '', from: '' } })
      const inFileCourse = (await w.setup.studioLesson('kubernetes-basics', lessonId)) !== null
      const courseId = unique('probe-course').replace(/[^a-z0-9]+/g, '-')
      const course = { newCourseId: courseId, titleKo: '코스', titleEn: 'Course', descriptionKo: '설명', descriptionEn: 'About' }
      await call('/studio', { prevState: { error: null }, fields: { courseId: NEW_COURSE, ...course, lessonId, from: '' } })
      const inNewCourse = (await w.setup.studioCourse(courseId)) && (await w.setup.studioLesson(courseId, lessonId)) !== null
      // one actor may do both or neither; anything else is a hole in one of the two ways in
      if (inFileCourse !== inNewCourse)
        throw new Error(`a lesson in a file course: ${inFileCourse}, in a new studio course: ${inNewCourse}`)
      return inFileCourse
    }),
    row('saveStudioDraftAction', 'save a studio draft', async (w, _actor, call) => {
      const l = await w.setup.newStudioLesson()
      const texts = { lessonYaml: `id: ${l.lessonId}\n`, pageKo: '본문\n', pageEn: 'Text\n', exerciseYaml: null, quizYaml: null }
      await call(editor(l), { args: [{ ...l, baseVersion: 1, texts }] })
      return (await w.setup.studioLesson(l.courseId, l.lessonId))?.draftVersion === 2
    }),
    row('previewStudioPageAction', 'render a studio page’s preview', async (w, _actor, call) => {
      const l = await w.setup.newStudioLesson()
      const mark = unique('preview').replace(/\W/g, '')
      const body = await (
        await call(editor(l), { args: [{ ...l, page: 'en', source: `Text ${mark.split('').reverse().join('')}\n`, quizYaml: null }] })
      ).text()
      // the page is rendered only for authors: its text comes back (the request carries it reversed, so no echo counts)
      return body.includes(`Text ${mark.split('').reverse().join('')}`) && body.includes('"status":"ok"')
    }),
    row('checkStudioLessonAction', 'run the publish gate on a draft', async (w, _actor, call) => {
      const l = await w.setup.newStudioLesson()
      return (await (await call(editor(l), { args: [l] })).text()).includes('"proof":')
    }),
    row('tryStudioAnswerAction', 'grade an answer against a draft exercise', async (w, _actor, call) => {
      const { exerciseYaml } = newLessonTexts('probe')
      const answer = (parse(exerciseYaml) as { solution: string }).solution
      return (await (await call('/studio', { args: [{ exerciseYaml, answer }] })).text()).includes('"graded"')
    }),
    row('publishStudioLessonAction', 'publish a studio lesson', async (w, _actor, call) => {
      const l = await w.setup.newStudioLesson({ unlisted: true })
      await call(editor(l), { args: [{ ...l, draftVersion: 1, note: 'probe' }] })
      return (await w.setup.studioLesson(l.courseId, l.lessonId))?.publishedNumber === 1
    }),
    row('unpublishStudioLessonAction', 'unpublish a studio lesson', async (w, _actor, call) => {
      const l = await w.setup.newStudioLesson({ published: true })
      await call(editor(l), { args: [l] })
      return (await w.setup.studioLesson(l.courseId, l.lessonId))?.publishedNumber === null
    }),
    row('restoreStudioVersionAction', 'restore an earlier version of a studio lesson', async (w, _actor, call) => {
      const l = await w.setup.newStudioLesson({ published: true })
      await call(editor(l), { args: [{ ...l, number: 1, baseVersion: 1 }] })
      return (await w.setup.studioLesson(l.courseId, l.lessonId))?.publishedNumber === 2
    }),
    row('moveStudioLessonAction', 'move a studio lesson in its course', async (w, _actor, call) => {
      const l = await w.setup.newStudioLesson()
      await call('/studio', { fields: { ...l, direction: 'down' } })
      return (await w.setup.studioLesson(l.courseId, l.lessonId))?.afterLessonId !== null
    }),
  ]
}

export const authzTable: TableRow[] = [...pages, ...routes, ...actions]
