/**
 * Fill patterns shared by every chart on the screen, defined once (ids must be unique on a page).
 * Hatching marks a second series or a flagged bar, so colour is never the only signal.
 */
export function ChartDefs() {
  return (
    <svg class="chart-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <pattern id="ins-hatch" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" class="hatch-bg" />
          <path d="M-1,7 L7,-1" class="hatch-line" />
        </pattern>
        <pattern id="ins-dots" width="5" height="5" patternUnits="userSpaceOnUse">
          <rect width="5" height="5" class="dots-bg" />
          <circle cx="2.5" cy="2.5" r="1.2" class="dots-dot" />
        </pattern>
      </defs>
    </svg>
  );
}
