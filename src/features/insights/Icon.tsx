/**
 * Small inline SVG icons for the insights notes. Font glyphs such as ⓘ render as an empty box
 * where the phone's font lacks them; these draw the same everywhere and follow the text colour.
 * Always decorative: the words next to them carry the meaning.
 */
export type IconName = 'info' | 'ring' | 'check' | 'chance' | 'unlikely';

const PATHS: Record<IconName, preact.JSX.Element> = {
  info: (
    <>
      <circle cx="8" cy="8" r="6.8" fill="none" stroke="currentColor" stroke-width="1.4" />
      <rect x="7.25" y="7" width="1.5" height="4.6" rx="0.7" fill="currentColor" />
      <circle cx="8" cy="4.9" r="0.95" fill="currentColor" />
    </>
  ),
  ring: <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="1.6" />,
  check: <path d="M3 8.5l3.2 3.2L13 4.8" fill="none" stroke="currentColor" stroke-width="2" />,
  chance: (
    <path
      d="M2.5 6.2c1.8-1.6 3.7-1.6 5.5 0s3.7 1.6 5.5 0M2.5 10.6c1.8-1.6 3.7-1.6 5.5 0s3.7 1.6 5.5 0"
      fill="none"
      stroke="currentColor"
      stroke-width="1.5"
    />
  ),
  unlikely: (
    <>
      <rect x="7.2" y="2.2" width="1.6" height="8" rx="0.8" fill="currentColor" />
      <circle cx="8" cy="13" r="1.1" fill="currentColor" />
    </>
  ),
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
