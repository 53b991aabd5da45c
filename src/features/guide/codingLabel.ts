import type { Coding } from '../../domain/codingGuide';
import { t } from '../../i18n';

/** "Beurt · Hogere orde": the kind's label and, if any, the detail's, as on the logging screen. */
export function codingLabel(c: Coding): string {
  const kind = t(`kinds:${c.kind}.label`);
  if (!c.qualifier) return kind;
  return `${kind} · ${t(`kinds:qualifiers.${c.qualifier.name}.${String(c.qualifier.value)}`)}`;
}
