/**
 * Turns the element's custom states on and off to match `states`: a name set
 * to `true` is added to `internals.states` (matched by `:state(name)` in CSS),
 * one set to `false` removed. Names not given are left as they are.
 *
 * @internal
 * @example
 * setStates(this.internals, { loading: status === 'pending', empty: status === 'complete' && total === 0 });
 */
export function setStates(internals: ElementInternals, states: Readonly<Record<string, boolean>>): void {
  for (const [name, on] of Object.entries(states)) {
    if (on) internals.states.add(name);
    else internals.states.delete(name);
  }
}
