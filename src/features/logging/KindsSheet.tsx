import { HIDEABLE_KINDS } from '../../db/repo/loggingPrefs';
import type { InteractionKind } from '../../model/kinds';
import { KIND_INFO } from '../../model/kinds';
import { t } from '../../i18n';
import { Sheet } from './Sheet';

interface KindsSheetProps {
  hidden: readonly InteractionKind[];
  /** The coding guide (what counts as each kind), returning to this lesson. */
  guideHref: string;
  onChange: (hidden: InteractionKind[]) => void;
  onClose: () => void;
}

/** Which kinds the "more" sheet offers; hiding one never touches what was logged. */
export function KindsSheet({ hidden, guideHref, onChange, onClose }: KindsSheetProps) {
  const toggle = (kind: InteractionKind, show: boolean) =>
    onChange(show ? hidden.filter((k) => k !== kind) : [...hidden, kind]);
  return (
    <Sheet title={t('logging:kindsSheet.title')} onClose={onClose}>
      <p class="sheet-note">{t('logging:kindsSheet.intro')}</p>
      <ul class="list kinds-list">
        {HIDEABLE_KINDS.map((kind) => (
          <li key={kind}>
            <label class="kinds-option">
              <input
                type="checkbox"
                checked={!hidden.includes(kind)}
                onChange={(e) => toggle(kind, e.currentTarget.checked)}
              />
              <span>
                <span class="kinds-option-name">
                  <span aria-hidden="true">{KIND_INFO[kind].symbol} </span>
                  {t(`kinds:${kind}.label`)}
                </span>
                <span class="kinds-option-help">{t(`kinds:${kind}.help`)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p class="sheet-note">
        <a href={guideHref}>{t('guide:open')}</a>
      </p>
    </Sheet>
  );
}
