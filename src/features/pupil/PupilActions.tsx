import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../../ui/router';
import type { PupilTimelineData } from '../../db/repo/pupilPage';
import { erasePupil, findTextsNaming, type NamingText } from '../../db/repo/erasure';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../../ui/toastStore';
import { downloadBlob } from '../../ui/download';
import { ErasureTexts } from './ErasureTexts';
import { loadPupilAccessData } from '../../db/repo/access';
import { buildPupilExport, pupilExportFileName, pupilExportJson } from './exportPupil';

interface PupilActionsProps {
  data: PupilTimelineData;
  /** Called once the pupil is deleted, just before the app goes back to the class. */
  onLeave: () => void;
}

/** Export (JSON and print) and deletion: a pupil or their parents may ask for either. */
export function PupilActions({ data, onLeave }: PupilActionsProps) {
  const { pupil, cls } = data;
  const [confirming, setConfirming] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [texts, setTexts] = useState<NamingText[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  // Texts naming the pupil are looked up when the teacher starts to erase (all ticked: delete).
  useEffect(() => {
    if (!reviewing) return;
    let live = true;
    void findTextsNaming(pupil.id).then((found) => {
      if (!live) return;
      setTexts(found);
      setChosen(new Set(found.map((f) => f.key)));
    });
    return () => {
      live = false;
    };
  }, [reviewing, pupil.id]);
  const toggle = (key: string, remove: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (remove) next.add(key);
      else next.delete(key);
      return next;
    });

  const exportJson = async () => {
    let access;
    try {
      access = await loadPupilAccessData(pupil.id);
    } catch (e) {
      reportStorageError(e);
      return;
    }
    const now = new Date();
    const fileName = pupilExportFileName(pupil.name, now);
    const json = pupilExportJson(buildPupilExport(data, now, __APP_VERSION__, access));
    downloadBlob(new Blob([json], { type: 'application/json' }), fileName);
    setExported(fileName);
  };

  const erase = async () => {
    try {
      await erasePupil(pupil.id, [...chosen]);
    } catch (e) {
      reportStorageError(e);
      setConfirming(false);
      return;
    }
    onLeave();
    showToast(t('pupil:actions.deleted', { name: pupil.name }));
    navigate(`/class/${encodeURIComponent(cls.id)}`);
  };

  return (
    <section class="pupil-actions" aria-labelledby="pupil-actions-heading">
      <h2 id="pupil-actions-heading">{t('pupil:actions.heading')}</h2>
      <p>{t('pupil:actions.intro')}</p>
      <div class="card stack">
        <p class="muted">{t('pupil:actions.exportHint', { name: pupil.name })}</p>
        <div class="pupil-action-buttons">
          <button type="button" class="primary" onClick={() => void exportJson()}>
            <span aria-hidden="true">⤓</span>
            {t('pupil:actions.exportJson')}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t('pupil:actions.print')}
          </button>
        </div>
        {exported ? (
          <p role="status" class="pupil-exported">
            {t('pupil:actions.exported', { file: exported })}
          </p>
        ) : null}
        <p class="muted">{t('pupil:actions.printHint')}</p>
      </div>
      <div class="card stack pupil-delete">
        <p>{t('pupil:actions.deleteHint', { name: pupil.name })}</p>
        {reviewing ? (
          <ErasureTexts name={pupil.name} texts={texts} chosen={chosen} onToggle={toggle} />
        ) : null}
        <button
          type="button"
          class="danger"
          onClick={() => (reviewing ? setConfirming(true) : setReviewing(true))}
        >
          {t('pupil:actions.delete', { name: pupil.name })}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('pupil:actions.deleteTitle', { name: pupil.name })}
        body={
          texts.length > 0
            ? `${t('pupil:actions.deleteBody', { name: pupil.name })} ${t('pupil:erasure.summary', {
                count: chosen.size,
                kept: texts.length - chosen.size,
              })}`
            : t('pupil:actions.deleteBody', { name: pupil.name })
        }
        confirmLabel={t('pupil:actions.deleteConfirm')}
        requireWord={pupil.name}
        danger
        onConfirm={() => void erase()}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
