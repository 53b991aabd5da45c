import { useState } from 'preact/hooks';
import {
  RELATIONSHIP_NOTE_MAX,
  rateRelationship,
  type RelationshipsData,
} from '../../db/repo/relationships';
import type { IsoDate, PupilRecord, RelationshipRecord } from '../../model/types';
import { RELATIONSHIP_DIMENSIONS, type RelationshipDimension } from '../../domain/scales';
import { t } from '../../i18n';
import { runAction } from '../../db/status';
import { toastInvalid } from '../../ui/invalid';
import { currentText } from './labels';
import { RatingGroup } from './RatingGroup';

interface RelationshipTableProps {
  view: RelationshipsData;
  today: IsoDate;
}

/** The wide-screen round: one row per pupil; a row is saved once all three numbers are chosen. */
export function RelationshipTable({ view, today }: RelationshipTableProps) {
  return (
    <div class="rel-table-wrap">
      <table class="rel-table">
        <caption>{t('relationships:table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('relationships:table.pupil')}</th>
            <th scope="col">{t('relationships:table.previous')}</th>
            {RELATIONSHIP_DIMENSIONS.map((d) => (
              <th key={d} scope="col">
                {t(`relationships:dimensions.${d}.name`)}
              </th>
            ))}
            <th scope="col">{t('relationships:table.note')}</th>
          </tr>
        </thead>
        <tbody>
          {view.pupils.map((pupil) => (
            <RelationshipRow
              key={pupil.id}
              classId={view.cls.id}
              pupil={pupil}
              todays={view.today.get(pupil.id)}
              previous={view.previous.get(pupil.id)}
              today={today}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  classId: string;
  pupil: PupilRecord;
  todays: RelationshipRecord | undefined;
  previous: RelationshipRecord | undefined;
  today: IsoDate;
}

type Draft = Record<RelationshipDimension, number | null> & { note: string };

function RelationshipRow({ classId, pupil, todays, previous, today }: RowProps) {
  const [draft, setDraft] = useState<Draft>(() => ({
    closeness: todays?.closeness ?? null,
    conflict: todays?.conflict ?? null,
    dependency: todays?.dependency ?? null,
    note: todays?.note ?? '',
  }));
  // Saves when complete; an incomplete row waits (nothing half-rated is stored).
  const update = (change: Partial<Draft>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    const { closeness, conflict, dependency, note } = next;
    if (closeness === null || conflict === null || dependency === null) return;
    void runAction(
      () =>
        rateRelationship(
          { classId, pupilId: pupil.id, closeness, conflict, dependency, note },
          today,
        ),
      toastInvalid('relationships'),
    );
  };
  return (
    <tr>
      <th scope="row">{pupil.name}</th>
      <td class="rel-table-previous">{previous ? currentText(previous) : ''}</td>
      {RELATIONSHIP_DIMENSIONS.map((d) => (
        <td key={d}>
          <RatingGroup
            compact
            dimension={d}
            idPrefix={`rel-row-${pupil.id}`}
            legend={t('relationships:table.groupFor', {
              dimension: t(`relationships:dimensions.${d}.name`),
              name: pupil.name,
            })}
            value={draft[d]}
            onChange={(v) => update({ [d]: v })}
          />
        </td>
      ))}
      <td>
        <input
          class="rel-table-note"
          value={draft.note}
          maxLength={RELATIONSHIP_NOTE_MAX}
          aria-label={t('relationships:table.noteFor', { name: pupil.name })}
          onChange={(e) => update({ note: e.currentTarget.value })}
        />
      </td>
    </tr>
  );
}
