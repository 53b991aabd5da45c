import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../../ui/router';
import {
  archiveClass,
  renameClass,
  restoreClass,
  softDeleteClass,
  unarchiveClass,
} from '../../db/repo/classes';
import { reportStorageError, runAction } from '../../db/status';
import type { ClassRecord } from '../../model/types';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { deleteWithUndo } from '../../ui/deleteWithUndo';
import { showToast } from '../../ui/toastStore';
import { TextField } from './TextField';
import { invalidMessage } from '../../ui/invalid';

function RenameForm({ cls, onDone }: { cls: ClassRecord; onDone: () => void }) {
  const [name, setName] = useState(cls.name);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const save = async (event: Event) => {
    event.preventDefault();
    // A storage failure clears the field: the banner explains it.
    let refusal: string | null = null;
    const renamed = await runAction(
      () => renameClass(cls.id, name),
      (e) => (refusal = invalidMessage('classes', e)),
    );
    if (!renamed) {
      setError(refusal);
      input.current?.focus();
      return;
    }
    showToast(t('classes:manage.renamed', { name: renamed.name }));
    onDone();
  };
  return (
    <form class="rename-class" onSubmit={(e) => void save(e)} noValidate>
      <TextField
        id="rename-class"
        label={t('classes:manage.renameLabel')}
        value={name}
        onInput={setName}
        error={error}
        inputRef={input}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
      />
      <div class="form-actions">
        <button type="submit" class="primary">
          {t('common:save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

/** Rename, archive and delete (soft, with a few seconds to undo). */
export function ClassActions({ cls }: { cls: ClassRecord }) {
  const [renaming, setRenaming] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);

  const toggleArchive = async () => {
    try {
      if (cls.archivedAt) {
        await unarchiveClass(cls.id);
        showToast(t('classes:manage.unarchived', { name: cls.name }));
      } else {
        await archiveClass(cls.id);
        showToast(t('classes:manage.archived', { name: cls.name }));
      }
    } catch (e) {
      reportStorageError(e);
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    await deleteWithUndo({
      remove: () => softDeleteClass(cls.id),
      undo: async () => {
        await restoreClass(cls.id);
        showToast(t('classes:manage.restored', { name: cls.name }));
      },
      message: t('classes:manage.deleted', { name: cls.name }),
      after: () => navigate('/'),
    });
  };

  return (
    <section class="class-manage" aria-labelledby="class-manage-heading">
      <h2 id="class-manage-heading">{t('classes:manage.heading')}</h2>
      {cls.archivedAt ? <p class="muted">{t('classes:manage.archivedNote')}</p> : null}
      {renaming ? (
        <RenameForm
          cls={cls}
          onDone={() => {
            setRenaming(false);
            // Give focus back to where the teacher started.
            requestAnimationFrame(() => renameButton.current?.focus());
          }}
        />
      ) : null}
      <div class="form-actions">
        {renaming ? null : (
          <button type="button" ref={renameButton} onClick={() => setRenaming(true)}>
            {t('classes:manage.rename')}
          </button>
        )}
        <button type="button" onClick={() => void toggleArchive()}>
          {cls.archivedAt ? t('classes:manage.unarchive') : t('classes:manage.archive')}
        </button>
        <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
          {t('classes:manage.delete')}
        </button>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        title={t('classes:manage.deleteTitle', { name: cls.name })}
        body={t('classes:manage.deleteBody')}
        confirmLabel={t('classes:manage.delete')}
        danger
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      />
    </section>
  );
}
