/**
 * Every migration keeps the rows already in the database. Checked on SQLite, where a table rebuild inside the
 * runner's transaction would cascade through foreign keys (PRAGMA foreign_keys=OFF is ignored in a
 * transaction), deleting each user's submissions, progress, drafts and classes.
 */
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { listMigrations, migrate } from '../lib/server/db/migrate.ts'

const dir = mkdtempSync(join(tmpdir(), 'kubelab-migrations-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ledger = `CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`

const counted = ['User', 'Classroom', 'Enrolment', 'Submission', 'ExerciseDraft', 'LessonProgress', 'QuizAttempt'] as const

describe('SQLite migrations on a database with data', () => {
  it('keep every user with their classes, enrolments, submissions, drafts, progress and quiz attempts', async () => {
    const [first, ...later] = listMigrations('sqlite')
    expect(later.length).toBeGreaterThan(0)
    const file = join(dir, 'with-data.db')
    const db = new Database(file)
    db.exec(ledger)
    db.exec(first!.sql)
    db.prepare(
      'INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES (?, ?, ?, current_timestamp, 1)',
    ).run(randomUUID(), first!.checksum, first!.name)
    db.exec(`
      INSERT INTO "User" (id, email, role, updatedAt) VALUES ('t', 'teacher@example.org', 'teacher', 0), ('l', 'learner@example.org', 'learner', 0);
      INSERT INTO "Classroom" (id, name, courseId, inviteCode, teacherId, updatedAt) VALUES ('c', 'Class', 'kubernetes-basics', 'ABCD2345', 't', 0);
      INSERT INTO "Enrolment" (id, classroomId, userId) VALUES ('e', 'c', 'l');
      INSERT INTO "Submission" (id, userId, courseId, lessonId, exerciseId, kind, source, passed, score, result, durationMs) VALUES ('s', 'l', 'kubernetes-basics', 'pod', 'pod-first-manifest', 'manifest', 'kind: Pod', 1, 1, '{}', 3);
      INSERT INTO "ExerciseDraft" (userId, exerciseId, source, updatedAt) VALUES ('l', 'pod-first-manifest', 'kind: Pod', 0);
      INSERT INTO "LessonProgress" (userId, courseId, lessonId, updatedAt) VALUES ('l', 'kubernetes-basics', 'pod', 0);
      INSERT INTO "QuizAttempt" (id, userId, courseId, lessonId, quizId, answers, score, correct, total) VALUES ('q', 'l', 'kubernetes-basics', 'pod', 'pod-basics', '{}', 1, 5, 5);
    `)
    db.close()

    expect(await migrate(`file:${file}`)).toEqual(later.map((m) => m.name))

    const after = new Database(file, { readonly: true })
    for (const table of counted)
      expect(after.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get(), table).toEqual({ n: table === 'User' ? 2 : 1 })
    expect(after.prepare('SELECT role FROM "User" WHERE id = ?').get('t')).toEqual({ role: 'teacher' })
    expect(after.pragma('foreign_key_check')).toEqual([])
    after.close()
  })
})
