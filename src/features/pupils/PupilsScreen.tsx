import { useMemo, useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { getClass } from '../../db/repo/classes';
import {
  deletePupilWithHistory,
  listPupils,
  removePupil,
  restorePupil,
} from '../../db/repo/pupils';
import { reportStorageError } from '../../db/status';
import type { PupilRecord } from '../../model/types';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { showToast } from '../../ui/toastStore';
import { ClassNotFound } from '../classes/ClassNotFound';
import { AddPupilForm } from './AddPupilForm';
import { PasteNames } from './PasteNames';
import { PupilRow } from './PupilRow';
import { RemovePupilDialog, type RemoveStep } from './RemovePupilDialog';
import { RemovedPupils } from './RemovedPupils';
import './pupils.css';

/** Run a write; storage failures go to the banner (validation cannot happen in these). */
async function attempt(write: () => Promise<unknown>, done: () => void): Promise<void> {
  try {
    await write();
    done();
  } catch (e) {
    reportStorageError(e);
  }
}

export function PupilsScreen({ classId }: { classId: string }) {
  const cls = useLiveQuery(async () => (await getClass(classId)) ?? null, [classId]);
  const all = useLiveQuery(() => listPupils(classId, { includeRemoved: true }), [classId]);
  const [target, setTarget] = useState<{ pupil: PupilRecord; step: RemoveStep } | null>(null);

  const current = useMemo(() => all?.filter((p) => !p.removedAt) ?? [], [all]);
  const removed = useMemo(() => all?.filter((p) => p.removedAt) ?? [], [all]);
  const currentNames = useMemo(() => current.map((p) => p.name), [current]);

  if (cls === null) return <ClassNotFound />;
  const back = href('class', classId);
  if (cls === undefined || all === undefined) {
    return (
      <Screen title={t('common:loading')} back={back}>
        <p class="loading">{t('common:loading')}</p>
      </Screen>
    );
  }

  const close = () => setTarget(null);
  // The row whose button opened the dialog is gone: put focus back at the top of the list.
  const closeAfterChange = () => {
    close();
    requestAnimationFrame(() => document.getElementById('pupil-list-heading')?.focus());
  };
  const remove = (pupil: PupilRecord) =>
    attempt(
      () => removePupil(pupil.id),
      () => showToast(t('pupils:removeDialog.removedToast', { name: pupil.name })),
    ).finally(closeAfterChange);
  const erase = (pupil: PupilRecord) =>
    attempt(
      () => deletePupilWithHistory(pupil.id),
      () => showToast(t('pupils:removeDialog.erasedToast', { name: pupil.name })),
    ).finally(closeAfterChange);
  const restore = (pupil: PupilRecord) =>
    attempt(
      () => restorePupil(pupil.id),
      () => showToast(t('pupils:removed.restored', { name: pupil.name })),
    );

  const forms = (
    <>
      <AddPupilForm classId={classId} />
      <PasteNames classId={classId} existingNames={currentNames} />
    </>
  );
  const list = (
    <section aria-labelledby="pupil-list-heading">
      <h2 id="pupil-list-heading" tabIndex={-1}>
        {t('pupils:list.heading', { count: current.length })}
      </h2>
      {current.length === 0 ? (
        <p class="muted">{t('pupils:list.empty')}</p>
      ) : (
        <ul class="list pupil-list">
          {current.map((pupil) => (
            <PupilRow
              key={pupil.id}
              pupil={pupil}
              onRemove={(p) => setTarget({ pupil: p, step: 'remove' })}
            />
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <Screen title={t('pupils:title', { className: cls.name })} back={back}>
      {/* A fixed order: swapping it would remount the forms and lose focus and typed text. */}
      {list}
      {forms}
      <RemovedPupils
        pupils={removed}
        onRestore={(p) => void restore(p)}
        onErase={(p) => setTarget({ pupil: p, step: 'erase' })}
      />
      <RemovePupilDialog
        pupil={target?.pupil ?? null}
        initialStep={target?.step ?? 'remove'}
        onRemove={(p) => void remove(p)}
        onErase={(p) => void erase(p)}
        onCancel={close}
      />
    </Screen>
  );
}
