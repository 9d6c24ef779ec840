// Lint, including the layer rules of ../shared/ARCHITECTURE.md: breaking one
// fails `npm test`.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const htmlSinks = [
  { name: 'lit/directives/unsafe-html.js', message: 'User text is never rendered as HTML: use a template binding.' },
  { name: 'lit-html/directives/unsafe-html.js', message: 'User text is never rendered as HTML: use a template binding.' },
];

const htmlSinkSyntax = [
  { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/], MemberExpression[property.value=/^(innerHTML|outerHTML)$/]", message: 'innerHTML/outerHTML are banned: build DOM with Lit templates.' },
  { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|setHTMLUnsafe|parseHTMLUnsafe|createContextualFragment)$/]", message: 'HTML parsing sinks are banned: build DOM with Lit templates.' },
  { selector: "Identifier[name='unsafeHTML']", message: 'unsafeHTML is banned: user text is never rendered as HTML.' },
  { selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']", message: 'eval and new Function break a strict CSP.' },
  { selector: "Identifier[name='styleMap']", message: "styleMap writes a style attribute on first render, which a strict CSP (style-src 'self') refuses: set el.style.setProperty() or a class." },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-demo', 'storybook-static', 'custom-elements.json', '.tmp', '**/.tmp', '.bench-dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { lit, 'lit-a11y': litA11y },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...lit.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: htmlSinks }],
      'no-restricted-syntax': ['error', ...htmlSinkSyntax],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The store is the domain: no Lit, no DOM, so it runs in workers and on servers too.
    files: ['src/store/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: htmlSinks,
          patterns: [
            { group: ['lit', 'lit/*', 'lit-html', 'lit-html/*', '@lit/*', '@lit-labs/*'], message: 'src/store imports no Lit: the store stays DOM-free.' },
            { group: ['**/components/**', '**/controllers/**', '**/context/**', '**/styles/**', '**/events/**'], message: 'src/store depends on nothing above it.' },
          ],
        },
      ],
      // tsconfig.store.json (no DOM lib) catches the rest at type-check time.
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'navigator', 'HTMLElement', 'customElements', 'localStorage', 'sessionStorage', 'getComputedStyle', 'MutationObserver', 'DOMParser', 'requestAnimationFrame'].map(
          (name) => ({ name, message: 'src/store touches no DOM.' }),
        ),
      ],
      'no-restricted-syntax': [
        'error',
        ...htmlSinkSyntax,
        { selector: "ImportExpression[source.value=/^(lit|@lit)/]", message: 'src/store imports no Lit, not even lazily.' },
        { selector: "MemberExpression[object.name=/^(globalThis|self)$/][property.name=/^(document|window|navigator)$/]", message: 'src/store touches no DOM.' },
      ],
    },
  },
  {
    // Elements find their store through context and change it through operations.
    files: ['src/components/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: htmlSinks,
          patterns: [
            { group: ['**/store/database', '**/store/database.js', 'dexie', 'dexie/*'], message: 'Elements never touch the database: use the store found through crm-provider.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/i18n/**/*.ts', 'src/events/**/*.ts', 'src/styles/**/*.ts', 'src/context/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: htmlSinks,
          patterns: [{ group: ['**/components/**', '**/controllers/**', 'dexie'], message: 'This layer depends on nothing above it.' }],
        },
      ],
    },
  },
  {
    // Node scripts; the .ci checks also pass functions to the browser (page.evaluate).
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
