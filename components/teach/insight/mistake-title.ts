import type { Localized } from '@/lib/content/schemas'
import type { Translate } from './format'
import type { Locale } from '@/i18n/locales'

/**
 * How a mistake group is named to the teacher: a check by its own words in the teacher's language (what is true when
 * it passes), a validation error by its field; a check the exercise no longer has by what the learner was told.
 */
export function mistakeTitle(
  group: { kind: 'check' | 'validation'; field: string | null; title: Localized | null },
  locale: Locale,
  t: Translate,
  fallback: string,
): string {
  if (group.kind === 'validation')
    return t('exercise.validationTitle', { field: group.field ? `\`${group.field}\`` : t('exercise.validationDocument') })
  return group.title?.[locale] || fallback
}
