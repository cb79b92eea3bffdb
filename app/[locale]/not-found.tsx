import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

export default async function NotFound() {
  const t = await getTranslations('notFound')
  return (
    <div className="page">
      {/* a not-found boundary's metadata is not applied to every way a page is not found (an unknown lesson, any
          other address): the title is set here, as React hoists it into the head */}
      <title>{`${t('title')} · Kubelab`}</title>
      <h1>{t('title')}</h1>
      <Link href="/courses/kubernetes-basics">{t('back')}</Link>
    </div>
  )
}
