import 'crm-elements';
import { seedSampleData } from 'crm-elements/store';
import { applyPreferences } from './preferences.js';
import './demo-app.js';

// Page-level styles through a constructed sheet: the CSP forbids inline styles.
const page = new CSSStyleSheet();
page.replaceSync(`
  html { color-scheme: light dark; background: light-dark(#f6f7f9, #101216); }
  html[data-theme='light'] { color-scheme: light; }
  html[data-theme='dark'] { color-scheme: dark; }
  body { margin: 0; min-block-size: 100vh; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];

applyPreferences();
const provider = document.querySelector('crm-provider')!;
if (await seedSampleData(provider.store)) await document.querySelector('demo-app')?.refreshStorage();
