/**
 * The learners of the living Demo class (issue 17): a dozen people at different stages of the course, so a teacher
 * who signs in as the demo teacher sees every view of the class full. Who they are and how far they got is written
 * here; what they submitted, when, and what the grader said is worked out from it (plan.ts, fill.ts).
 * They share the demo password, and `kubelab demo remove` deletes them with the other demo accounts.
 */

export interface DemoLearner {
  email: string
  name: string
  locale: 'ko' | 'en'
  /** days before the seed they joined the class (and did their first lesson) */
  joinedDaysAgo: number
  /** days before the seed of their last activity */
  lastDaysAgo: number
  /** lessons passed, in course order */
  completed: number
  /**
   * the lesson after those: opened and tried `attempts` times without passing; three or more failed attempts is
   * stuck (lib/grading/attempts.ts). Absent when they finished the course.
   */
  current?: { attempts: number }
  /** 0–1: how often an attempt passes and a quiz question is answered right */
  skill: number
  /** wrong answers they submitted first at an exercise, by the start of their name, in order (then chance decides) */
  mistakes?: Record<string, string[]>
}

export const demoLearners: DemoLearner[] = [
  { email: 'minji.kim@kubelab.dev', name: '김민지', locale: 'ko', joinedDaysAgo: 21, lastDaysAgo: 2, completed: 19, skill: 0.85 },
  {
    email: 'emma.clarke@kubelab.dev',
    name: 'Emma Clarke',
    locale: 'en',
    joinedDaysAgo: 20,
    lastDaysAgo: 1,
    completed: 19,
    skill: 0.65,
    mistakes: { 'service-hello': ['targetPort left out'] },
  },
  {
    email: 'junho.lee@kubelab.dev',
    name: '이준호',
    locale: 'ko',
    joinedDaysAgo: 21,
    lastDaysAgo: 0,
    completed: 17,
    current: { attempts: 1 },
    skill: 0.7,
  },
  {
    email: 'priya.nair@kubelab.dev',
    name: 'Priya Nair',
    locale: 'en',
    joinedDaysAgo: 19,
    lastDaysAgo: 1,
    completed: 15,
    current: { attempts: 3 },
    skill: 0.55,
  },
  {
    email: 'seoyeon.park@kubelab.dev',
    name: '박서연',
    locale: 'ko',
    joinedDaysAgo: 18,
    lastDaysAgo: 3,
    completed: 12,
    current: { attempts: 4 },
    skill: 0.5,
  },
  {
    email: 'daniel.weber@kubelab.dev',
    name: 'Daniel Weber',
    locale: 'en',
    joinedDaysAgo: 17,
    lastDaysAgo: 2,
    completed: 11,
    current: { attempts: 0 },
    skill: 0.6,
  },
  {
    email: 'doyun.choi@kubelab.dev',
    name: '최도윤',
    locale: 'ko',
    joinedDaysAgo: 16,
    lastDaysAgo: 4,
    completed: 7,
    current: { attempts: 3 },
    skill: 0.4,
    mistakes: { 'deployment-web': ['template labels app: nginx, selector app: web'] },
  },
  {
    email: 'haeun.jung@kubelab.dev',
    name: '정하은',
    locale: 'ko',
    joinedDaysAgo: 15,
    lastDaysAgo: 1,
    completed: 7,
    current: { attempts: 3 },
    skill: 0.45,
    mistakes: {
      'deployment-web': ['selector: app: web without matchLabels', 'replicas left out', 'template labels app: nginx, selector app: web'],
    },
  },
  {
    email: 'sofia.rossi@kubelab.dev',
    name: 'Sofia Rossi',
    locale: 'en',
    joinedDaysAgo: 14,
    lastDaysAgo: 6,
    completed: 5,
    current: { attempts: 2 },
    skill: 0.55,
  },
  {
    email: 'jihoon.kang@kubelab.dev',
    name: '강지훈',
    locale: 'ko',
    joinedDaysAgo: 12,
    lastDaysAgo: 8,
    completed: 2,
    current: { attempts: 3 },
    skill: 0.35,
  },
  {
    email: 'liam.oconnor@kubelab.dev',
    name: "Liam O'Connor",
    locale: 'en',
    joinedDaysAgo: 5,
    lastDaysAgo: 4,
    completed: 0,
    current: { attempts: 1 },
    skill: 0.5,
  },
  {
    email: 'sua.yoon@kubelab.dev',
    name: '윤수아',
    locale: 'ko',
    joinedDaysAgo: 2,
    lastDaysAgo: 2,
    completed: 0,
    current: { attempts: 0 },
    skill: 0.5,
  },
]

/**
 * Exercises most of a class gets wrong at first, with how much likelier a failed attempt is there: the mistakes a
 * teacher sees shared by many learners (the first wrong answers an exercise lists are the commonest).
 */
export const demoTrickyExercises: Record<string, number> = {
  'deployment-web': 0.35,
  'service-hello': 0.35,
  'probes-slow-start': 0.25,
  'rolling-zero-downtime': 0.2,
}

/** Lessons of the Demo class with a due date, in days from the seed (negative: passed). */
export const demoDeadlines: { lessonId: string; inDays: number }[] = [
  { lessonId: 'pod', inDays: -12 },
  { lessonId: 'deployment', inDays: -3 },
  { lessonId: 'service', inDays: 4 },
]

/**
 * The teacher's comments in the Demo class: on a learner's attempt at an exercise that failed with a given
 * mistake (their latest such attempt), read by the learner or not yet.
 */
export const demoComments: { learner: string; exerciseId: string; mistake: string; read: boolean; body: string }[] = [
  {
    learner: 'emma.clarke@kubelab.dev',
    exerciseId: 'service-hello',
    mistake: 'targetPort left out',
    read: true,
    body: 'Your Service listens on port 80, and without targetPort it sends the traffic on to port 80 of the Pods too. The hello app listens on 8080, so add targetPort: 8080 under the port.',
  },
  {
    learner: 'haeun.jung@kubelab.dev',
    exerciseId: 'deployment-web',
    mistake: 'template labels app: nginx, selector app: web',
    read: false,
    body: 'Deployment는 selector의 matchLabels로 자기 Pod를 찾습니다. 지금 답안은 selector가 app: web이고 template의 레이블이 app: nginx라서 API 서버가 받아 주지 않습니다. 두 곳을 app: web으로 맞춰 보세요.',
  },
]
