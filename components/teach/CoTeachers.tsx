import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import type { AddCoTeacherState } from '@/app/[locale]/teach/co-teacher-actions'
import { dal } from '@/lib/server/dal'
import { currentViewer } from '@/lib/server/viewer'
import { formatDate } from '@/lib/text/dates'
import { AddCoTeacherForm } from './AddCoTeacherForm'
import './co-teachers.css'

/**
 * The teachers of a class (issue 17): who made it and its co-teachers, with who added whom and when; any of them
 * adds another teacher by email, the one who made it (or an admin) removes co-teachers, a co-teacher can leave.
 * The two server actions come from the page (components never import app/).
 */
export async function CoTeachers({
  classId,
  addCoTeacherAction,
  removeCoTeacherAction,
}: {
  classId: string
  addCoTeacherAction: (state: AddCoTeacherState, form: FormData) => Promise<AddCoTeacherState>
  removeCoTeacherAction: (form: FormData) => Promise<void>
}) {
  const list = await dal().classes.teachers(await currentViewer(), classId)
  if (!list) return null
  const t = await getTranslations('coteach')
  const locale = await currentLang()
  const coTeachers = list.teachers.filter((x) => !x.owner)
  const viewerCoTeaches = coTeachers.some((x) => x.id === list.viewerId)
  return (
    <section aria-labelledby="teachers-heading" data-testid="co-teachers">
      <h2 id="teachers-heading">{t('heading')}</h2>
      <p className="muted">{t('intro')}</p>
      <ul className="teacher-list">
        {list.teachers.map((x) => {
          const date = formatDate(x.since, locale)
          const name = x.name ?? x.email
          return (
            <li key={x.id} data-testid="class-teacher" data-owner={x.owner ? '' : undefined}>
              <span className="teacher-who">
                <span className="teacher-name">
                  <strong>{name}</strong>
                  {x.id === list.viewerId && <span className="teacher-you"> ({t('you')})</span>}
                  {x.name && <span className="muted teacher-email">{x.email}</span>}
                </span>
                <span className="muted teacher-since">
                  {x.owner ? t('owner') : t('coTeacher')} ·{' '}
                  {x.owner
                    ? t('createdOn', { date })
                    : x.addedBy
                      ? t('addedBy', { name: x.addedBy.name ?? x.addedBy.email, date })
                      : t('addedOn', { date })}
                </span>
              </span>
              {!x.owner && list.viewerManages && x.id !== list.viewerId && (
                <form action={removeCoTeacherAction}>
                  <input type="hidden" name="classId" value={list.classId} />
                  <input type="hidden" name="userId" value={x.id} />
                  <button className="button small" type="submit" aria-label={t('removeLabel', { name })} title={t('removeHelp')}>
                    {t('remove')}
                  </button>
                </form>
              )}
            </li>
          )
        })}
      </ul>
      {coTeachers.length === 0 ? (
        <p className="muted" data-testid="no-co-teachers">
          {t('empty')}
        </p>
      ) : (
        list.viewerManages && <p className="muted">{t('removeHelp')}</p>
      )}
      <AddCoTeacherForm action={addCoTeacherAction} classId={list.classId} />
      {viewerCoTeaches && (
        <details className="manage">
          <summary>{t('leave.heading')}</summary>
          <p>{t('leave.help')}</p>
          <form action={removeCoTeacherAction}>
            <input type="hidden" name="classId" value={list.classId} />
            <input type="hidden" name="userId" value={list.viewerId} />
            <button className="button danger" type="submit" data-testid="leave-class">
              {t('leave.submit')}
            </button>
          </form>
        </details>
      )}
    </section>
  )
}
