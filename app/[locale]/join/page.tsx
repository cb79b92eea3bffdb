import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { findCourse } from '@/lib/content/load'
import { dal } from '@/lib/server/dal'
import { currentViewer } from '@/lib/server/viewer'
import { JoinClassForm } from '@/components/teach/JoinClassForm'
import { joinClassAction } from '../teach/actions'
import '@/components/teach/teach.css'

export async function generateMetadata() {
  const t = await getTranslations('teach.join')
  return { title: t('title') }
}

type Search = Promise<{ code?: string | string[] }>

export default async function JoinPage({ searchParams }: { searchParams: Search }) {
  const raw = (await searchParams).code
  const code = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 40) ?? ''
  const t = await getTranslations('teach.join')
  const viewer = await currentViewer()
  const next = `/join${code ? `?code=${encodeURIComponent(code)}` : ''}`
  if (!viewer) {
    return (
      <div className="page narrow">
        <h1>{t('title')}</h1>
        <p>{t('intro')}</p>
        <p data-testid="join-sign-in">{t('signInFirst')}</p>
        <p className="button-row">
          <Link className="button primary" href={`/signin?next=${encodeURIComponent(next)}`}>
            {(await getTranslations('site'))('nav.signIn')}
          </Link>{' '}
          <Link className="button" href={`/signup?next=${encodeURIComponent(next)}`}>
            {(await getTranslations('site'))('nav.signUp')}
          </Link>
        </p>
      </div>
    )
  }
  const locale = await currentLang()
  const mine = await dal().classes.joined(viewer)
  return (
    <div className="page narrow">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <JoinClassForm action={joinClassAction} initialCode={code} />
      {mine.length > 0 && (
        <section>
          <h2>{t('mine')}</h2>
          <ul>
            {mine.map((c) => (
              <li key={c.id}>
                <Link href={`/courses/${c.courseId}`}>{c.name}</Link>{' '}
                <span className="muted">
                  · {findCourse(c.courseId)?.title[locale] ?? c.courseId} · {t('teacher', { name: c.teacher })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
