import { useState } from 'preact/hooks';
import { addWorkspaceRemark, deleteWorkspaceRemark } from '../../db/repo/coachWorkspace';
import { reportStorageError } from '../../db/status';
import type { CoachWorkspaceRecord } from '../../model/types';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { errorMessage } from './messages';

type Remark = CoachWorkspaceRecord['remarks'][number];

interface Props {
  workspaceId: string;
  insightKey: string;
  remarks: readonly Remark[];
}

/** The coach's questions and remarks on one insight, and a small form to add one. */
export function RemarkForm({ workspaceId, insightKey, remarks }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [open, setOpen] = useState(false);

  const save = async () => {
    try {
      await addWorkspaceRemark(workspaceId, insightKey, text);
      setText('');
      setError('');
      setOpen(false);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div class="coach-remark-box">
      {remarks.length > 0 ? (
        <>
          <h4>{t('coach:workspace.remarksOn')}</h4>
          <ul class="list coach-remark-list">
            {remarks.map((r) => (
              <li key={r.id} class="coach-remark">
                <blockquote>{r.text}</blockquote>
                <div class="row coach-remark-meta">
                  <span class="muted">{formatDate(r.createdAt.slice(0, 10), 'short')}</span>
                  <button
                    type="button"
                    class="link"
                    aria-label={t('coach:workspace.deleteRemarkLabel', {
                      text: r.text.slice(0, 40),
                    })}
                    onClick={() =>
                      void deleteWorkspaceRemark(workspaceId, r.id).catch(reportStorageError)
                    }
                  >
                    {t('coach:workspace.deleteRemark')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('coach:workspace.addRemark')}</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label class="field">
            <span>{t('coach:workspace.remarkField')}</span>
            <textarea
              value={text}
              rows={3}
              maxLength={5000}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          {error ? (
            <p class="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" class="primary">
            {t('coach:workspace.save')}
          </button>
        </form>
      </details>
    </div>
  );
}
