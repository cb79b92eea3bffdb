/**
 * Everything in app/ a request can reach, read from the files: pages (page.tsx), route handlers (route.ts and
 * the HTTP methods each exports) and server actions (the exported functions of files marked 'use server').
 * The authorization table (table.ts) must name each one; table.test.ts fails when it does not.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

export interface AppSurface {
  pages: string[]
  routes: { file: string; method: string }[]
  actions: { file: string; name: string }[]
  /** 'use server' inside a function body: an inline action the table cannot name (make it a module export) */
  inlineActions: string[]
}

const httpMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

function filesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'generated' ? [] : filesUnder(root, path)
    return /\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) ? [path] : []
  })
}

/** The names a module exports, as written (functions, consts, destructured consts, `export { … }`). */
export function exportedNames(source: ts.SourceFile): string[] {
  const names: string[] = []
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  const bindingNames = (name: ts.BindingName): string[] =>
    ts.isIdentifier(name) ? [name.text] : name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)))
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement)) names.push(statement.name?.text ?? 'default')
    else if (ts.isVariableStatement(statement) && exported(statement))
      names.push(...statement.declarationList.declarations.flatMap((d) => bindingNames(d.name)))
    else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause) &&
      !statement.isTypeOnly
    )
      names.push(...statement.exportClause.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text))
    else if (ts.isExportAssignment(statement)) names.push('default')
  }
  return names
}

function hasDirective(statements: ts.NodeArray<ts.Statement>, directive: string): boolean {
  for (const s of statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) return false
    if (s.expression.text === directive) return true
  }
  return false
}

/** Functions (not the module) that declare 'use server' in their body. */
function inlineServerFunctions(source: ts.SourceFile): number {
  let count = 0
  const visit = (node: ts.Node) => {
    if (
      (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) &&
      node.body &&
      ts.isBlock(node.body) &&
      hasDirective(node.body.statements, 'use server')
    )
      count++
    ts.forEachChild(node, visit)
  }
  visit(source)
  return count
}

/** The surface of the app under `root` (the repository), paths relative to it with forward slashes. */
export function readAppSurface(root: string): AppSurface {
  const surface: AppSurface = { pages: [], routes: [], actions: [], inlineActions: [] }
  const posix = (path: string) => relative(root, join(root, path)).split('\\').join('/')
  for (const dir of ['app', 'components', 'lib']) {
    for (const path of filesUnder(root, dir)) {
      const file = posix(path)
      const text = readFileSync(join(root, path), 'utf8')
      if (dir === 'app' && /(^|\/)page\.(tsx|ts|jsx|js)$/.test(file)) surface.pages.push(file)
      const mayMatter = text.includes('use server') || (dir === 'app' && /(^|\/)route\.(ts|js)$/.test(file))
      if (!mayMatter) continue
      const source = ts.createSourceFile(
        file,
        text,
        ts.ScriptTarget.Latest,
        true,
        file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
      )
      if (dir === 'app' && /(^|\/)route\.(ts|js)$/.test(file)) {
        for (const name of exportedNames(source)) if (httpMethods.has(name)) surface.routes.push({ file, method: name })
      }
      if (hasDirective(source.statements, 'use server')) for (const name of exportedNames(source)) surface.actions.push({ file, name })
      if (inlineServerFunctions(source) > 0) surface.inlineActions.push(file)
    }
  }
  surface.pages.sort()
  return surface
}
