import { t } from '../../i18n';

interface PassProgressProps {
  current: number;
  total: number;
  ns: 'expectations' | 'relationships';
}

/** "12 of 26" with a bar; the bar is decoration, the text carries the meaning. */
export function PassProgress({ current, total, ns }: PassProgressProps) {
  return (
    <>
      <p class="round-progress">{t(`${ns}:pass.progress`, { current, total })}</p>
      <progress class="round-bar" max={total} value={current - 1} aria-hidden="true" />
    </>
  );
}
