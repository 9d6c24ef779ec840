import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';

/**
 * Brings entry `target` of a virtualized feed into view and focuses it. Far
 * jumps land on estimated sizes and entries grow once read, so it scrolls
 * again until the entry is drawn, read (not a placeholder) and focused for a
 * few frames. It stops as soon as `wanted()` is false or the user has gone
 * elsewhere meanwhile (a dialog, another entry's button).
 *
 * @internal
 */
export async function focusFeedEntry(
  root: ShadowRoot,
  feed: (HTMLElement & VirtualizerHostElement) | undefined,
  target: number,
  wanted: () => boolean,
): Promise<void> {
  for (let frame = 0, steady = 0, focused = false; frame < 180 && steady < 5 && wanted(); frame += 1) {
    const entry = root.querySelector<HTMLElement>(`article[data-index="${target}"]`);
    const active = root.activeElement;
    // Focus again only what the virtualizer took away.
    if (active && active !== entry && (focused || !feed?.contains(active))) return;
    if (entry && frame > 0) {
      if (active !== entry) entry.focus();
      focused = true;
      steady = entry.matches('.placeholder') ? 0 : steady + 1;
    } else if (frame % 10 === 0) feed?.[virtualizerRef]?.element(target)?.scrollIntoView({ block: 'nearest' });
    await new Promise(requestAnimationFrame);
  }
}
