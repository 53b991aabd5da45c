import { href } from '../../ui/router';
import type { PupilRecord } from '../../model/types';
import { t } from '../../i18n';

interface RemovedPupilsProps {
  pupils: PupilRecord[];
  onRestore: (pupil: PupilRecord) => void;
  onErase: (pupil: PupilRecord) => void;
}

/** Pupils taken out of the class; their history is kept and they can come back. */
export function RemovedPupils({ pupils, onRestore, onErase }: RemovedPupilsProps) {
  if (pupils.length === 0) return null;
  return (
    <details class="removed-pupils">
      <summary>{t('pupils:removed.heading', { count: pupils.length })}</summary>
      <p class="muted">{t('pupils:removed.intro')}</p>
      <ul class="list">
        {pupils.map((pupil) => (
          <li key={pupil.id} class="pupil-row removed">
            <span class="pupil-name-text">{pupil.name}</span>
            <span class="row">
              <a
                class="button"
                href={href('pupil', pupil.id)}
                aria-label={t('pupils:list.openNamed', { name: pupil.name })}
              >
                {t('pupils:list.open')}
              </a>
              <button
                type="button"
                aria-label={t('pupils:removed.restoreNamed', { name: pupil.name })}
                onClick={() => onRestore(pupil)}
              >
                {t('pupils:removed.restore')}
              </button>
              <button
                type="button"
                class="danger"
                aria-label={t('pupils:removed.eraseNamed', { name: pupil.name })}
                onClick={() => onErase(pupil)}
              >
                {t('pupils:removed.erase')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
