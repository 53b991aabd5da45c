import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { CoachPackage } from '../../intervisie';

interface Entry {
  key: string;
  /** Empty for a pupil's strengths and dreams (they carry no date). */
  date: string;
  who: string;
  text: string;
}

/** The free text the teacher ticked to share (journal, notes, topics, strengths and dreams). */
export function WorkspaceTexts({
  pkg,
  codeOf,
}: {
  pkg: CoachPackage;
  codeOf: (id: string) => string;
}) {
  const d = pkg.data;
  const groups: { id: string; title: string; entries: Entry[] }[] = [
    {
      id: 'journal',
      title: t('coach:workspace.journal'),
      entries: d.journal.map((j, i) => ({
        key: `j${i}`,
        date: j.date,
        who: j.pupilId ? codeOf(j.pupilId) : '',
        text: j.text,
      })),
    },
    {
      id: 'relationshipNotes',
      title: t('coach:workspace.relationshipNotes'),
      entries: d.relationships.flatMap((r, i) =>
        r.note ? [{ key: `r${i}`, date: r.date, who: codeOf(r.pupilId), text: r.note }] : [],
      ),
    },
    {
      id: 'bankingNotes',
      title: t('coach:workspace.bankingNotes'),
      entries: d.banking.flatMap((b, i) =>
        b.note ? [{ key: `b${i}`, date: b.date, who: codeOf(b.pupilId), text: b.note }] : [],
      ),
    },
    {
      id: 'topics',
      title: t('coach:workspace.topics'),
      entries: d.lessons.flatMap((l) =>
        l.topic ? [{ key: l.id, date: l.date, who: '', text: l.topic }] : [],
      ),
    },
    ...(['strengths', 'aspirations'] as const).map((kind) => ({
      id: kind,
      title: t(`coach:workspace.${kind}`),
      entries: d.pupils.flatMap((p) => {
        const text = p[kind];
        return text ? [{ key: `${kind}-${p.id}`, date: '', who: p.code, text }] : [];
      }),
    })),
  ].filter((g) => g.entries.length > 0);
  if (groups.length === 0) return null;
  return (
    <section class="card coach-section" aria-labelledby="ws-texts-heading">
      <h2 id="ws-texts-heading">{t('coach:workspace.textsHeading')}</h2>
      {groups.map((g) => (
        <details key={g.id} class="coach-details">
          <summary>
            {g.title} ({g.entries.length})
          </summary>
          <ul class="list coach-texts">
            {g.entries.map((e) => (
              <li key={e.key}>
                <span class="muted">
                  {[e.date ? formatDate(e.date, 'short') : '', e.who].filter(Boolean).join(' · ')}
                </span>
                <p>{e.text}</p>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
