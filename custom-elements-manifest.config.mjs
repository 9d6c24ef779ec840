// `npm run manifest` writes custom-elements.json from the elements' JSDoc.

/**
 * Keeps only the public API: documented `crm-*` events (the analyzer also
 * guesses events from constructor arguments) and public members (private and
 * protected ones would show up in Storybook's controls). Sorts modules by path
 * (the analyzer's glob order varies), so the manifest is the same on every run
 * and the staleness check can trust it.
 */
const tidyManifest = () => ({
  name: 'tidy-manifest',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name?.startsWith('crm-'));
        if (declaration.members) {
          declaration.members = declaration.members.filter(
            (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
          );
        }
      }
    }
  },
});

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/store/**', 'src/i18n/**', 'src/components/shared/**'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  dependencies: false,
  // package.json names custom-elements.json itself; the analyzer would write its outdir there (a temp dir under manifest:check).
  packagejson: false,
  plugins: [tidyManifest()],
};
