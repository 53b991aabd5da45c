import { updateLens } from '../../db/repo/lenses';
import type { LensRecord } from '../../model/types';
import { t } from '../../i18n';
import { showToast } from '../../ui/toastStore';
import { LensEditor } from './LensEditor';

interface LensListProps {
  lenses: LensRecord[];
  editingId: string | null;
  onEdit: (lensId: string | null) => void;
  onDelete: (lens: LensRecord) => void;
}

/** The class's lenses; one at a time opens in place for editing. */
export function LensList({ lenses, editingId, onEdit, onDelete }: LensListProps) {
  if (lenses.length === 0) return <p class="muted">{t('lenses:none')}</p>;
  return (
    <ul class="lens-list">
      {lenses.map((lens) =>
        lens.id === editingId ? (
          <li key={lens.id}>
            <LensEditor
              heading={t('lenses:editHeading')}
              initialName={lens.name}
              initialValues={lens.values}
              onCancel={() => onEdit(null)}
              onSave={async (name, values) => {
                const saved = await updateLens(lens.id, name, values);
                onEdit(null);
                showToast(t('lenses:saved', { name: saved.name }));
              }}
            />
          </li>
        ) : (
          <li key={lens.id} class="card lens-card">
            <div class="lens-card-text">
              <h3>{lens.name}</h3>
              <p class="muted">
                {t('lenses:valuesCount', { count: lens.values.length })}:{' '}
                {lens.values.map((v) => v.label).join(' · ')}
              </p>
            </div>
            <div class="row">
              <button
                type="button"
                aria-label={t('lenses:editLens', { name: lens.name })}
                onClick={() => onEdit(lens.id)}
              >
                {t('lenses:edit')}
              </button>
              <button
                type="button"
                class="danger"
                aria-label={t('lenses:deleteLens', { name: lens.name })}
                onClick={() => onDelete(lens)}
              >
                {t('common:delete')}
              </button>
            </div>
          </li>
        ),
      )}
    </ul>
  );
}
