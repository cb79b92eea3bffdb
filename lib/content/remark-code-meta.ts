/**
 * Passes a fenced code block's language and meta (```yaml tryit) to the `pre`/`code` components as data
 * attributes, so the lesson can render a "try it" button for YAML the learner may load into the editor.
 */
interface Node {
  type: string
  lang?: string | null
  meta?: string | null
  data?: { hProperties?: Record<string, unknown> }
  children?: Node[]
}

export function remarkCodeMeta() {
  return (tree: Node) => {
    const visit = (node: Node) => {
      if (node.type === 'code') {
        node.data ??= {}
        node.data.hProperties = { ...node.data.hProperties, 'data-lang': node.lang ?? '', 'data-meta': node.meta ?? '' }
      }
      node.children?.forEach(visit)
    }
    visit(tree)
  }
}
