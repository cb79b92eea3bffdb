/**
 * Feedback to learners (issue 17): a teacher comments on a learner's failed submission; the learner sees the unread
 * count in the header, reads the comment beside the exercise and on My progress; the teacher then sees it was read.
 */
import { expect, test } from '@playwright/test'
import { signIn, signUp } from './fixtures.ts'
import { e2eBaseUrl } from './config.ts'

test('a teacher comments on a submission; the learner sees it beside the exercise and on My progress; the teacher sees it read', async ({
  page,
  browser,
}) => {
  // the demo teacher makes a class
  await signIn(page, 'teacher@kubelab.dev')
  await page.goto('/teach')
  const name = `E2E comments ${Date.now()}`
  await page.getByLabel(/Class name|클래스 이름/).pressSequentially(name, { delay: 20 })
  await page.getByRole('button', { name: /Create class|클래스 만들기/ }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  const code = (await page.getByTestId('invite-code').textContent())!.trim()
  const classUrl = page.url()

  // a new learner joins and submits a wrong answer
  const learnerContext = await browser.newContext()
  const learner = await learnerContext.newPage()
  await signUp(learner, 'comments-learner')
  await learner.goto(`/join?code=${code}`)
  await learner.getByRole('button', { name: /^(Join|참여)$/ }).click()
  await expect(learner.getByRole('status')).toContainText(name)
  const graded = await learner.request.post('/api/exercises/pod-first-manifest/grade', {
    data: { yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: nginx\n      image: nginx:1.25\n' },
    headers: { origin: e2eBaseUrl },
  })
  expect((await graded.json()).passed).toBe(false)

  // the teacher opens the learner's failed attempt; an empty comment is refused, then one is sent
  await page.goto(classUrl)
  await page.getByTestId('progress-matrix').getByRole('link').first().click()
  await expect(page).toHaveURL(/\/learners\//)
  await expect(page.getByTestId('comment-thread-empty')).toBeVisible()
  const form = page.getByTestId('learner-submissions').getByTestId('comment-form').first()
  await form.getByRole('button', { name: /Send comment|댓글 보내기/ }).click()
  await expect(form.getByRole('alert')).toContainText(/Write the comment first|댓글 내용을 쓰세요/)
  const text = `Look at the image tag ${Date.now()}: the exercise asks for nginx:1.27.`
  await form.getByRole('textbox').pressSequentially(text, { delay: 5 })
  await form.getByRole('textbox').press('ControlOrMeta+Enter')
  await expect(form.getByRole('status')).toContainText(/Comment sent|댓글을 보냈습니다/)
  await expect(form.getByRole('textbox')).toHaveValue('')
  const thread = page.getByTestId('comment-thread')
  await expect(thread).toContainText(text)
  await expect(thread.getByTestId('comment-receipt')).toHaveText(/Not read yet|아직 읽지 않음/)

  // the learner's header counts it; the lesson shows it beside the exercise, which marks it read
  await learner.goto('/courses/kubernetes-basics')
  await expect(learner.getByTestId('unread-comments')).toContainText('1')
  await learner.goto('/courses/kubernetes-basics/pod')
  const beside = learner.getByTestId('teacher-comments')
  await expect(beside).toContainText(text)
  await beside.scrollIntoViewIfNeeded()
  await expect(learner.getByTestId('unread-comments')).toHaveCount(0)
  // My progress keeps it, no longer new
  await learner.goto('/progress')
  const mine = learner.locator('#comments')
  await expect(mine.getByTestId('learner-comment')).toContainText(text)
  await expect(mine.getByTestId('learner-comment')).not.toHaveAttribute('data-new', 'true')
  await learnerContext.close()

  // the teacher sees when it was read
  await page.reload()
  await expect(page.getByTestId('comment-thread').getByTestId('comment-receipt')).toHaveText(/Read |읽음 · /)
})
