import { useState } from 'preact/hooks';
import { useLiveQuery } from '../../db/hooks';
import { listPupilAttributions } from '../../db/repo/attributions';
import type { PupilRecord } from '../../model/types';
import { t } from '../../i18n';
import { showToast } from '../../ui/toastStore';
import { CauseChoice } from './CauseChoice';

/**
 * "Dit blijft lastig met {naam}": the teacher notes that something keeps going wrong and, in one
 * optional tap, where they see the cause. Each note is kept on its own (the mirror counts them).
 */
export function DifficultyNote({ pupil }: { pupil: PupilRecord }) {
  const [open, setOpen] = useState(false);
  const notes = useLiveQuery(() => listPupilAttributions(pupil.id), [pupil.id]);
  const count = notes?.filter((a) => a.source === 'difficulty').length ?? 0;
  if (pupil.removedAt) return null;
  return (
    <section class="card cause-note" aria-labelledby="cause-note-heading">
      <h2 id="cause-note-heading">{t('cause:note.heading', { name: pupil.name })}</h2>
      <p class="muted">{t('cause:note.body')}</p>
      {open ? (
        <>
          <CauseChoice
            pupilId={pupil.id}
            pupilName={pupil.name}
            source="difficulty"
            sourceKey={null}
            onSaved={() => {
              setOpen(false);
              showToast(t('cause:note.saved'));
            }}
          />
          <button type="button" class="cause-skip" onClick={() => setOpen(false)}>
            {t('cause:note.skip')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t('cause:note.open', { name: pupil.name })}
        </button>
      )}
      {count > 0 ? <p class="muted">{t('cause:note.count', { count })}</p> : null}
    </section>
  );
}
