import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets custom properties on an element through the CSSOM (a strict CSP
 * refuses style attributes, so no `styleMap`): `${cssVars({ '--_span': 3 })}`.
 */
class CssVarsDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssVars is an element directive');
  }

  render(_vars: Record<string, string | number>) {
    return nothing;
  }

  override update(part: ElementPart, [vars]: [Record<string, string | number>]) {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(vars)) style.setProperty(name, String(value));
    return nothing;
  }
}

export const cssVars = directive(CssVarsDirective);
