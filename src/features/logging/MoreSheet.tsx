import type { InteractionKind } from '../../model/kinds';
import { KIND_INFO } from '../../model/kinds';
import { t } from '../../i18n';
import type { LiveLessonStore } from './liveStore';
import type { TilePupil } from './PupilTile';
import { Sheet } from './Sheet';
import { usePupilSnapshot } from './useLiveStore';

interface MoreSheetProps {
  pupil: TilePupil;
  store: LiveLessonStore;
  /** The kinds the teacher did not hide (a turn is the tile's own tap). */
  kinds: readonly InteractionKind[];
  onLog: (pupilId: string, kind: InteractionKind) => void;
  onAbsent: (pupilId: string, absent: boolean) => void;
  onClose: () => void;
}

/** The second tap: one large button per kind, and attendance. */
export function MoreSheet({ pupil, store, kinds, onLog, onAbsent, onClose }: MoreSheetProps) {
  const snap = usePupilSnapshot(store, pupil.id);
  return (
    <Sheet title={pupil.name} onClose={onClose}>
      {snap.absent ? (
        <p class="sheet-note">{t('logging:sheet.absentNote', { name: pupil.name })}</p>
      ) : (
        <div class="kind-buttons">
          {kinds.map((kind) => (
            <button
              key={kind}
              type="button"
              class={`kind-button kind-${KIND_INFO[kind].valence}`}
              onClick={() => onLog(pupil.id, kind)}
            >
              <span class="kind-symbol" aria-hidden="true">
                {KIND_INFO[kind].symbol}
              </span>
              <span class="kind-label">{t(`kinds:${kind}.label`)}</span>
              {snap.counts[kind] ? (
                <span class="kind-count">
                  <span class="visually-hidden">{t('logging:sheet.soFar')} </span>
                  {snap.counts[kind]}
                </span>
              ) : null}
            </button>
          ))}
        </div>
      )}
      {/* A plain button whose words say what it does: "absent" or, once absent, "present after all". */}
      <button
        type="button"
        class={snap.absent ? 'absent-toggle primary' : 'absent-toggle'}
        onClick={() => onAbsent(pupil.id, !snap.absent)}
      >
        {snap.absent ? t('logging:sheet.present') : t('logging:sheet.absent')}
      </button>
    </Sheet>
  );
}
