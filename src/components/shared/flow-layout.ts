import type { VirtualizeDirectiveConfig } from '@lit-labs/virtualizer/virtualize.js';

/** A virtualizer layout, as `lit-virtualizer`'s `.layout` and `virtualize({ layout })` take it. */
export type VirtualizerLayout = VirtualizeDirectiveConfig<unknown>['layout'];

/**
 * The virtualizer's flow layout with two of its private settings tuned, loaded
 * on demand as the virtualizer loads its default: `itemSize`, its first guess
 * of an item's size (100 px by default), decides how many items the first
 * frame draws; `overhang`, how far beyond the view it draws (1 000 px by
 * default). Until the module has loaded the getter returns `{}` (the
 * virtualizer's default). Both settings hold for @lit-labs/virtualizer 2.1.
 *
 * @internal
 */
export function tunedFlowLayout(settings: { itemSize?: { width: number; height: number }; overhang: number }): () => VirtualizerLayout {
  let layout: VirtualizerLayout = {};
  void import('@lit-labs/virtualizer/layouts/flow.js').then(({ flow }) => {
    const tuned = { _overhang: settings.overhang, ...(settings.itemSize ? { _itemSize: settings.itemSize } : {}) };
    layout = flow(tuned as Parameters<typeof flow>[0]);
  });
  return () => layout;
}
