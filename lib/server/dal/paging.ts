/** Numbered pages for administrators' lists (users, invitations, the audit log): small tables, offset paging. */
export interface Paged<T> {
  items: T[]
  total: number
  /** 1-based, clamped to the last page */
  page: number
  pageCount: number
  pageSize: number
}

/** The page to read (a page past the end reads the last one) and how many rows to skip for it. */
export function pageWindow(requested: number, total: number, pageSize: number): { page: number; pageCount: number; skip: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pageCount)
  return { page, pageCount, skip: (page - 1) * pageSize }
}
