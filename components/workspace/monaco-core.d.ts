// monaco-editor ships types only for its main entry; the core entry has the same API.
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor'
}
declare module 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js'
declare module 'monaco-editor/esm/vs/basic-languages/shell/shell.contribution.js'
