// Proves the lint config still enforces the layer rules of ARCHITECTURE.md:
// lints snippets that break each rule, as if they sat in the layer they break,
// and fails when any of them passes.
import { ESLint } from 'eslint';

const cases = [
  ['src/store/leak.ts', "import { html } from 'lit';\nexport const t = html``;\n", 'no-restricted-imports'],
  ['src/store/leak.ts', "export const title = () => document.title;\n", 'no-restricted-globals'],
  ['src/store/leak.ts', "export const title = () => globalThis.document.title;\n", 'no-restricted-syntax'],
  ['src/store/leak.ts', "export const load = () => import('lit');\n", 'no-restricted-syntax'],
  ['src/components/provider/leak.ts', "export const put = (el: HTMLElement, text: string) => { el['innerHTML'] = text; };\n", 'no-restricted-syntax'],
  ['src/store/leak.ts', "import { CrmElement } from '../components/crm-element.js';\nexport { CrmElement };\n", 'no-restricted-imports'],
  ['src/components/provider/leak.ts', "import { CrmDatabase } from '../../store/database.js';\nexport const db = new CrmDatabase();\n", 'no-restricted-imports'],
  ['src/components/provider/leak.ts', "import { Dexie } from 'dexie';\nexport { Dexie };\n", 'no-restricted-imports'],
  ['src/components/provider/leak.ts', "import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport { unsafeHTML };\n", 'no-restricted-imports'],
  ['src/components/provider/leak.ts', "export const put = (el: HTMLElement, text: string) => { el.innerHTML = text; };\n", 'no-restricted-syntax'],
  ['src/controllers/leak.ts', "export const run = (code: string) => eval(code);\n", 'no-restricted-syntax'],
];

const eslint = new ESLint();
let failures = 0;
for (const [filePath, code, rule] of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  const caught = result.messages.some((message) => message.ruleId === rule);
  if (!caught) {
    failures += 1;
    console.error(`layer rules: ${filePath} was not refused by ${rule}:\n${code}`);
  }
}
if (failures) process.exit(1);
console.log(`layer rules: all ${cases.length} breaches refused`);
