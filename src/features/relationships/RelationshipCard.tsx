import { useState } from 'preact/hooks';
import { RELATIONSHIP_NOTE_MAX } from '../../db/repo/relationships';
import type { PupilRecord, RelationshipRecord } from '../../model/types';
import {
  RELATIONSHIP_DIMENSIONS,
  RELATIONSHIP_EXTRAS,
  type RelationshipDimension,
  type RelationshipExtra,
} from '../../domain/scales';
import { t } from '../../i18n';
import { previousText } from './labels';
import { RatingGroup } from './RatingGroup';

export interface RelationshipValues {
  closeness: number;
  conflict: number;
  dependency: number;
  note: string;
  pupilView?: number;
  capability?: number;
}

type Draft = Record<RelationshipDimension | RelationshipExtra, number | null>;

interface RelationshipCardProps {
  pupil: PupilRecord;
  /** Today's rating, to correct it; otherwise the card starts empty. */
  todays: RelationshipRecord | undefined;
  previous: RelationshipRecord | undefined;
  busy: boolean;
  onSave: (values: RelationshipValues) => void;
}

/**
 * The three dimensions and the optional note for one pupil. It starts empty (not with last
 * time's numbers) so the teacher rates how it feels now rather than confirming the past.
 */
export function RelationshipCard({ pupil, todays, previous, busy, onSave }: RelationshipCardProps) {
  const [draft, setDraft] = useState<Draft>(() => ({
    closeness: todays?.closeness ?? null,
    conflict: todays?.conflict ?? null,
    dependency: todays?.dependency ?? null,
    pupilView: todays?.pupilView ?? null,
    capability: todays?.capability ?? null,
  }));
  const [note, setNote] = useState(todays?.note ?? '');
  const [noteOpen, setNoteOpen] = useState(Boolean(todays?.note));
  const [missing, setMissing] = useState(false);

  const save = (e: Event) => {
    e.preventDefault();
    const { closeness, conflict, dependency } = draft;
    if (closeness === null || conflict === null || dependency === null) {
      setMissing(true);
      return;
    }
    const values: RelationshipValues = { closeness, conflict, dependency, note };
    if (draft.pupilView !== null) values.pupilView = draft.pupilView;
    if (draft.capability !== null) values.capability = draft.capability;
    onSave(values);
  };
  const noteId = `rel-note-${pupil.id}`;
  return (
    <form class="rel-card-form" onSubmit={save} noValidate>
      <p class="rel-previous">{previousText(previous)}</p>
      {RELATIONSHIP_DIMENSIONS.map((d) => (
        <RatingGroup
          key={d}
          dimension={d}
          idPrefix={`rel-card-${pupil.id}`}
          value={draft[d]}
          onChange={(v) => {
            setDraft((old) => ({ ...old, [d]: v }));
            setMissing(false);
          }}
        />
      ))}
      <fieldset class="rel-extras">
        <legend>{t('relationships:extras.heading')}</legend>
        <p class="hint">{t('relationships:extras.hint', { name: pupil.name })}</p>
        {RELATIONSHIP_EXTRAS.map((d) => (
          <RatingGroup
            key={d}
            dimension={d}
            idPrefix={`rel-card-${pupil.id}`}
            value={draft[d]}
            onChange={(v) => setDraft((old) => ({ ...old, [d]: v }))}
          />
        ))}
      </fieldset>
      {noteOpen ? (
        <label class="field" for={noteId}>
          <span>{t('relationships:pass.note', { name: pupil.name })}</span>
          <textarea
            id={noteId}
            rows={3}
            value={note}
            maxLength={RELATIONSHIP_NOTE_MAX}
            aria-describedby={`${noteId}-hint`}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <span id={`${noteId}-hint`} class="hint">
            {t('relationships:pass.noteHint')}
          </span>
        </label>
      ) : (
        <button type="button" class="link rel-note-toggle" onClick={() => setNoteOpen(true)}>
          {t('relationships:pass.noteToggle')}
        </button>
      )}
      {missing ? (
        <p class="field-error" role="alert">
          {t('relationships:pass.missing')}
        </p>
      ) : null}
      <button type="submit" class="primary rel-save" disabled={busy}>
        {t('relationships:pass.save')}
      </button>
    </form>
  );
}
