// What the element tests share to read and drive the DOM: text with its white
// space folded, shadow roots, the focused element through them, a real click,
// a press of Enter on a control, and mounting an element inside a provider.
import { fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { nothing, type TemplateResult } from 'lit';

/** The text with its runs of white space folded to one space and trimmed (`''` for none). */
export const plain = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The shadow root of an element that must have one. */
export const root = (el: Element): ShadowRoot => el.shadowRoot!;

/** The folded text of an element's shadow root. */
export const textOf = (el: Element): string => plain(el.shadowRoot!.textContent);

/** The first match of `selector` in an element's shadow root, taken to exist. */
export const inner = <T extends Element = HTMLElement>(host: Element, selector: string): T => host.shadowRoot!.querySelector<T>(selector)!;

/** The deepest focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A real mouse click in the middle of an element. */
export async function click(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Focuses a control and presses Enter on it. */
export async function press(control: HTMLElement): Promise<void> {
  control.focus();
  await sendKeys({ press: 'Enter' });
}

/** Mounts `content` inside a `<crm-provider>` over `database` (with `lang` and `theme` if given) and returns its first `tag`. */
export async function inProvider<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  database: string,
  content: TemplateResult,
  provider: { lang?: string; theme?: string } = {},
): Promise<HTMLElementTagNameMap[K]> {
  const host = await fixture(html`<crm-provider database=${database} lang=${provider.lang ?? nothing} theme=${provider.theme ?? nothing}>${content}</crm-provider>`);
  return host.querySelector(tag)!;
}
