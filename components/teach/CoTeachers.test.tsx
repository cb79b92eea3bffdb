import { describe, expect, it, vi } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import { createTranslator, NextIntlClientProvider } from 'next-intl'
import koMain from '@/messages/ko.json'
import enMain from '@/messages/en.json'
import koCoteach from '@/messages/ko/coteach.json'
import enCoteach from '@/messages/en/coteach.json'
import type { ClassTeachers } from '@/lib/server/dal/co-teachers'

const messages = { ko: { ...koMain, coteach: koCoteach }, en: { ...enMain, coteach: enCoteach } }
const page = vi.hoisted(() => ({ locale: 'en' as 'ko' | 'en', teachers: null as unknown }))
vi.mock('next-intl/server', () => ({
  getLocale: async () => page.locale,
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: page.locale, messages: messages[page.locale], namespace: namespace as 'coteach' }),
}))
vi.mock('@/lib/server/viewer', () => ({ currentViewer: async () => ({ id: 'viewer', role: 'teacher' }) }))
vi.mock('@/lib/server/dal', () => ({ dal: () => ({ classes: { teachers: async () => page.teachers } }) }))
const { CoTeachers } = await import('./CoTeachers')

const owner = { id: 'owner', name: 'Ms Kim', email: 'kim@school.example', owner: true, since: new Date(2026, 2, 2, 10), addedBy: null }
const co = (
  id: string,
  name: string | null,
  addedBy: ClassTeachers['teachers'][number]['addedBy'] = { id: 'owner', name: 'Ms Kim', email: 'kim@school.example' },
) => ({
  id,
  name,
  email: `${id}@school.example`,
  owner: false,
  since: new Date(2026, 2, 9, 15),
  addedBy,
})

async function render(locale: 'ko' | 'en', teachers: ClassTeachers | null) {
  page.locale = locale
  page.teachers = teachers
  const element = await CoTeachers({
    classId: 'c1',
    addCoTeacherAction: async () => ({ error: null }),
    removeCoTeacherAction: async () => {},
  })
  return element
    ? renderToStaticMarkup(
        <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone="Asia/Seoul">
          {element}
        </NextIntlClientProvider>,
      )
    : ''
}
const rows = (html: string) => html.split('data-testid="class-teacher"').slice(1)

describe('the teachers of a class', () => {
  it('shows the owner with a clear empty state when nobody else teaches the class, in both languages', async () => {
    for (const locale of ['ko', 'en'] as const) {
      const html = await render(locale, {
        classId: 'c1',
        className: 'A',
        teachers: [{ ...owner, id: 'viewer' }],
        viewerManages: true,
        viewerId: 'viewer',
      })
      expect(html).toContain('data-testid="no-co-teachers"')
      expect(html).toContain(locale === 'ko' ? '아직 공동 교사가 없습니다' : 'No co-teachers yet')
      expect(html).toContain(locale === 'ko' ? '클래스를 만든 교사 · 2026. 3. 2.부터' : 'Made the class · since Mar 2, 2026')
      expect(html).toContain('name="email"')
      expect(html).not.toMatch(/undefined|coteach\./)
      expect(html).not.toContain('leave-class')
    }
  })

  it('lets the owner remove each co-teacher, and says who added whom', async () => {
    const html = await render('en', {
      classId: 'c1',
      className: 'A',
      teachers: [{ ...owner, id: 'viewer' }, co('park', 'Mr Park'), co('lee', null, null)],
      viewerManages: true,
      viewerId: 'viewer',
    })
    const [mine, park, lee] = rows(html)
    expect(mine).toContain('(you)')
    expect(mine).not.toContain('name="userId"')
    expect(park).toContain('Co-teacher · added by Ms Kim on Mar 9, 2026')
    expect(park).toContain('park@school.example')
    expect(park).toContain('aria-label="Remove Mr Park from the teachers of this class"')
    expect(park).toContain('value="park"')
    expect(lee).toContain('lee@school.example')
    expect(lee).toContain('added on Mar 9, 2026')
    expect(html).not.toContain('leave-class')
  })

  it('lets a co-teacher leave, and remove nobody else', async () => {
    const html = await render('ko', {
      classId: 'c1',
      className: 'A',
      teachers: [owner, co('viewer', '이준호'), co('park', '박서연', { id: 'viewer', name: '이준호', email: 'viewer@school.example' })],
      viewerManages: false,
      viewerId: 'viewer',
    })
    expect(html).not.toContain('aria-label="')
    expect(html).toContain('data-testid="leave-class"')
    expect(html).toContain('<input type="hidden" name="userId" value="viewer"/>')
    expect(rows(html)[2]).toContain('공동 교사 · 이준호 님이 추가 · 2026. 3. 9.')
    expect(html).not.toMatch(/undefined/)
  })

  it('shows nothing for a class the viewer does not teach', async () => {
    expect(await render('en', null)).toBe('')
  })
})
