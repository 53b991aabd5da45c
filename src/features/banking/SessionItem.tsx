import { useEffect, useRef, useState } from 'preact/hooks';
import type { ValidationError } from '../../model/errors';
import { deleteBanking, restoreBanking, updateBanking } from '../../db/repo/banking';
import { runAction } from '../../db/status';
import type { BankingSession } from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { t } from '../../i18n';
import { deleteWithUndo } from '../../ui/deleteWithUndo';
import { formatDate } from '../../i18n/format';
import { MinutesStepper } from './MinutesStepper';

interface SessionItemProps {
  session: BankingSession;
  pupilName: string;
}

function remove(session: BankingSession, pupilName: string): Promise<boolean> {
  return deleteWithUndo({
    remove: () => deleteBanking(session.id),
    undo: () => restoreBanking(session.id),
    message: t('banking:deleted', { name: pupilName }),
  });
}

/** One logged moment, with inline editing (date, minutes, note) and delete + Undo. */
export function SessionItem({ session, pupilName }: SessionItemProps) {
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState(session.date);
  const [minutes, setMinutes] = useState(session.minutes);
  const [note, setNote] = useState(session.note);
  const [error, setError] = useState<ValidationError | null>(null);
  // Keyboard and screen-reader users land in the form when it opens, and back on Edit after.
  const editButton = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (editing) firstField.current?.focus();
    else if (opened.current) editButton.current?.focus();
    opened.current ||= editing;
  }, [editing]);
  const when = formatDate(session.date);
  const what = { name: pupilName, date: when };

  const startEdit = () => {
    setDate(session.date);
    setMinutes(session.minutes);
    setNote(session.note);
    setError(null);
    setEditing(true);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    await runAction(async () => {
      await updateBanking(session.id, { date, minutes, note });
      setEditing(false);
    }, setError);
  };

  if (editing) {
    const errorId = `banking-edit-error-${session.id}`;
    return (
      <li class="banking-session">
        <form class="banking-edit" onSubmit={(e) => void save(e)} noValidate>
          <p class="banking-edit-title">{t('banking:edit.title', what)}</p>
          <label class="field">
            <span>{t('banking:form.date')}</span>
            <input
              ref={firstField}
              type="date"
              value={date}
              max={toIsoDate(new Date())}
              onInput={(e) => setDate(e.currentTarget.value)}
            />
          </label>
          <MinutesStepper id={`banking-edit-${session.id}`} value={minutes} onChange={setMinutes} />
          <label class="field">
            <span>{t('banking:form.note')}</span>
            <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          {error ? (
            <p id={errorId} class="field-error" role="alert">
              {t(`banking:errors.${error.code}`, error.detail ?? {})}
            </p>
          ) : null}
          <div class="row">
            <button type="submit" class="primary">
              {t('common:save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('common:cancel')}
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li class="banking-session">
      <div class="banking-session-main">
        <span class="banking-session-date">{when}</span>
        <span class="badge">{t('banking:minutes', { count: session.minutes })}</span>
      </div>
      {session.note ? <p class="banking-session-note">{session.note}</p> : null}
      <div class="banking-session-actions">
        <button
          ref={editButton}
          type="button"
          aria-label={t('banking:edit.label', what)}
          onClick={startEdit}
        >
          {t('banking:edit.button')}
        </button>
        <button
          type="button"
          class="danger"
          aria-label={t('banking:delete.label', what)}
          onClick={() => void remove(session, pupilName)}
        >
          {t('common:delete')}
        </button>
      </div>
    </li>
  );
}
