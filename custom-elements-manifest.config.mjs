// `npm run manifest` writes custom-elements.json from the elements' JSDoc.

/** Keeps only documented `crm-*` events: the analyzer also guesses events from constructor arguments. */
const onlyCrmEvents = () => ({
  name: 'only-crm-events',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name?.startsWith('crm-'));
      }
    }
  },
});

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/store/**', 'src/i18n/**'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [onlyCrmEvents()],
};
