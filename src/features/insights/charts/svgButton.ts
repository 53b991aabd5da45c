import type { SVGAttributes, TargetedKeyboardEvent } from 'preact';

/**
 * Props that make an SVG group behave as a button: focusable, named, and activated by a click, a
 * tap, Enter or Space (a chart's bars are how a teacher drills down to the lessons behind them).
 */
export function svgButton(label: string, onActivate: () => void): SVGAttributes<SVGGElement> {
  return {
    role: 'button',
    // Lower case: on SVG elements Preact sets attributes as written, and SVG's is `tabindex`.
    tabindex: 0,
    'aria-label': label,
    onClick: onActivate,
    onKeyDown: (e: TargetedKeyboardEvent<SVGGElement>) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onActivate();
      }
    },
  };
}
