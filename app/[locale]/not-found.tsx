import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

export async function generateMetadata() {
  const t = await getTranslations('notFound')
  return { title: t('title') }
}

export default async function NotFound() {
  const t = await getTranslations('notFound')
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <Link href="/courses/kubernetes-basics">{t('back')}</Link>
    </div>
  )
}
