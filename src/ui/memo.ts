import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

/**
 * Like preact/compat's `memo` (compat is not bundled): the component renders again only when one
 * of its props is no longer the same value (===). For parts of a screen drawn one after another
 * (useStages), so drawing the next part does not build the ones already shown again.
 */
export function memo<P extends object>(render: FunctionComponent<P>): ComponentType<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const now = this.props as Record<string, unknown>;
      const then = next as Record<string, unknown>;
      const keys = Object.keys(then);
      return keys.length !== Object.keys(now).length || keys.some((key) => now[key] !== then[key]);
    }

    override render(props: P) {
      return h(render, props);
    }
  }
  return Memo;
}
