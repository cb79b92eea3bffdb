import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readAppSurface } from './app-surface.ts'
import { actors, authzTable, type ActionRow, type PageRow, type RouteRow } from './table.ts'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const surface = readAppSurface(root)
const pageRows = authzTable.filter((r): r is PageRow => r.kind === 'page')
const routeRows = authzTable.filter((r): r is RouteRow => r.kind === 'route')
const actionRows = authzTable.filter((r): r is ActionRow => r.kind === 'action')

describe('the authorization table names everything a request can reach', () => {
  it('finds the pages, route handlers and server actions of app/', () => {
    expect(surface.pages).toContain('app/[locale]/admin/page.tsx')
    expect(surface.routes).toContainEqual({ file: 'app/api/me/import/route.ts', method: 'POST' })
    expect(surface.routes).toContainEqual({ file: 'app/api/auth/[...nextauth]/route.ts', method: 'GET' })
    expect(surface.actions).toContainEqual({ file: 'app/[locale]/teach/actions.ts', name: 'archiveClassAction' })
    expect(surface.actions).not.toContainEqual(expect.objectContaining({ name: 'AdminActionState' })) // types are not actions
  })

  it('has a row for every page', () => {
    const missing = surface.pages.filter((file) => !pageRows.some((r) => r.file === file))
    expect(missing, 'add these pages to lib/server/authz/table.ts').toEqual([])
  })

  it('has a row for every HTTP method of every route handler', () => {
    const missing = surface.routes
      .filter(({ file, method }) => !routeRows.some((r) => r.file === file && r.method === method))
      .map((r) => `${r.method} ${r.file}`)
    expect(missing, 'add these route handlers to lib/server/authz/table.ts').toEqual([])
  })

  it('has a row for every exported server action', () => {
    const missing = surface.actions
      .filter(({ file, name }) => !actionRows.some((r) => r.file === file && r.name === name))
      .map((a) => `${a.name} in ${a.file}`)
    expect(missing, 'add these server actions to lib/server/authz/table.ts').toEqual([])
  })

  it('has no server action declared inside a function, where the table could not name it', () => {
    expect(surface.inlineActions).toEqual([])
  })

  it('names nothing that is gone', () => {
    const stale = [
      ...pageRows.filter((r) => !surface.pages.includes(r.file)).map((r) => r.file),
      ...routeRows
        .filter((r) => !surface.routes.some((s) => s.file === r.file && s.method === r.method))
        .map((r) => `${r.method} ${r.file}`),
      ...actionRows
        .filter((r) => !surface.actions.some((s) => s.file === r.file && s.name === r.name))
        .map((r) => `${r.name} in ${r.file}`),
    ]
    expect(stale).toEqual([])
  })

  it('says what every actor gets in every row', () => {
    for (const row of authzTable) expect(Object.keys(row.expect).sort(), row.what).toEqual([...actors].sort())
  })

  it('would notice a new route, page or action without a row', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'kubelab-surface-'))
    const write = (path: string, text: string) => {
      mkdirSync(join(scratch, path, '..'), { recursive: true })
      writeFileSync(join(scratch, path), text)
    }
    write('app/api/secret/route.ts', 'export async function DELETE() {}\nexport const dynamic = "force-dynamic"\n')
    write('app/secret/page.tsx', 'export default function Page() { return null }\n')
    write('app/secret/actions.ts', "'use server'\nexport async function wipeAction() {}\nexport type State = { ok: boolean }\n")
    write('components/Widget.tsx', "export function Widget() { async function go() { 'use server' } return null }\n")
    mkdirSync(join(scratch, 'lib'), { recursive: true })
    const scratchSurface = readAppSurface(scratch)
    expect(scratchSurface).toEqual({
      pages: ['app/secret/page.tsx'],
      routes: [{ file: 'app/api/secret/route.ts', method: 'DELETE' }],
      actions: [{ file: 'app/secret/actions.ts', name: 'wipeAction' }],
      inlineActions: ['components/Widget.tsx'],
    })
    expect(scratchSurface.pages.filter((f) => !pageRows.some((r) => r.file === f))).toEqual(['app/secret/page.tsx'])
  })
})
