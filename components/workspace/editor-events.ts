/** Lesson text and workspace are separate trees; they talk through DOM events on window. */
export const loadYamlEvent = 'kubelab:load-yaml'

export function loadIntoEditor(yaml: string): void {
  window.dispatchEvent(new CustomEvent<string>(loadYamlEvent, { detail: yaml }))
}
