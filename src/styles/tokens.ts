import { css, unsafeCSS } from 'lit';

/**
 * The design tokens: each public `--crm-*` custom property with its light and
 * dark default. A page themes every element at once by setting a token on any
 * ancestor (`:root { --crm-color-primary: #0b6e4f }`).
 */
export const tokenDefaults = {
  '--crm-color-surface': ['#ffffff', '#17191e'],
  '--crm-color-surface-raised': ['#f6f7f9', '#21242b'],
  '--crm-color-text': ['#1b1d22', '#eceef2'],
  '--crm-color-text-muted': ['#5b616e', '#a7adba'],
  '--crm-color-border': ['#d5d9e0', '#3a3f4a'],
  '--crm-color-primary': ['#1d5fd1', '#7fb0ff'],
  '--crm-color-on-primary': ['#ffffff', '#0b1a33'],
  '--crm-color-success': ['#17794a', '#5fd19a'],
  '--crm-color-warning': ['#8a5a00', '#f2c14e'],
  '--crm-color-danger': ['#b3261e', '#ff8f86'],
  '--crm-color-focus': ['#1d5fd1', '#7fb0ff'],
} as const satisfies Record<string, readonly [light: string, dark: string]>;

export const sizeTokenDefaults = {
  '--crm-font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  '--crm-font-size-s': '0.8125rem',
  '--crm-font-size-m': '0.9375rem',
  '--crm-font-size-l': '1.25rem',
  '--crm-space-xs': '0.25rem',
  '--crm-space-s': '0.5rem',
  '--crm-space-m': '0.75rem',
  '--crm-space-l': '1rem',
  '--crm-space-xl': '1.5rem',
  '--crm-radius': '0.5rem',
  '--crm-shadow': '0 1px 2px rgb(0 0 0 / 0.12), 0 2px 8px rgb(0 0 0 / 0.08)',
} as const;

export type CrmToken = keyof typeof tokenDefaults | keyof typeof sizeTokenDefaults;

/** `--crm-color-surface` → `--_crm-color-surface`: the private copy elements read. */
const privateName = (token: string) => token.replace(/^--/, '--_');

// Each element reads private copies that fall back to the defaults, so a token
// set anywhere above still wins and nothing has to be loaded into the page.
const declarations = [
  ...Object.entries(tokenDefaults).map(
    ([token, [light, dark]]) => `${privateName(token)}: var(${token}, light-dark(${light}, ${dark}));`,
  ),
  ...Object.entries(sizeTokenDefaults).map(([token, value]) => `${privateName(token)}: var(${token}, ${value});`),
].join('\n');

/**
 * Host styles every element shares: tokens, font, colour scheme, focus ring.
 * `theme="light|dark"` on an element or a `<crm-provider>` (through
 * `--crm-color-scheme`) picks a scheme; otherwise `prefers-color-scheme` does.
 */
export const hostStyles = css`
  :host {
    ${unsafeCSS(declarations)}
    color-scheme: var(--crm-color-scheme, light dark);
    box-sizing: border-box;
    font-family: var(--_crm-font-family);
    font-size: var(--_crm-font-size-m);
    line-height: 1.4;
    color: var(--_crm-color-text);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_crm-color-focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    min-block-size: 2.25rem;
    padding: var(--_crm-space-s) var(--_crm-space-l);
    border-radius: var(--_crm-radius);
    border: 1px solid var(--_crm-color-border);
    background: var(--_crm-color-surface);
    color: var(--_crm-color-text);
    cursor: pointer;
  }
  button.primary {
    background: var(--_crm-color-primary);
    border-color: var(--_crm-color-primary);
    color: var(--_crm-color-on-primary);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
