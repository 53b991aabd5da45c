import { useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { createLens, deleteLens, loadLensesData } from '../../db/repo/lenses';
import { runAction } from '../../db/status';
import type { LensRecord } from '../../model/types';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { toastInvalid } from '../../ui/invalid';
import { Screen } from '../../ui/Screen';
import { showToast } from '../../ui/toastStore';
import { useMediaQuery, WIDE_QUERY } from '../../ui/useMediaQuery';
import { LensAssignments } from './LensAssignments';
import { LensEditor } from './LensEditor';
import { LensList } from './LensList';
import { LENS_PRESETS, presetText, type LensPreset } from './presets';
import './lenses.css';

const sameName = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** A refused write is said in a toast (a storage failure is on the banner). */
const refused = toastInvalid('lenses');

/** Optional per-class attributes (lenses), and which value each pupil has. */
export function LensesScreen({ classId }: { classId: string }) {
  const overview = useLiveQuery(() => loadLensesData(classId), [classId]);
  const wide = useMediaQuery(WIDE_QUERY);
  // 'new' while the custom-lens form is open, a lens id while that lens is edited.
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<LensRecord | null>(null);

  const back = href('class', classId);
  if (overview === undefined) {
    return (
      <Screen title={t('lenses:titlePlain')} back={back}>
        <p class="loading">{t('common:loading')}</p>
      </Screen>
    );
  }
  if (overview === null) {
    return (
      <Screen title={t('lenses:titlePlain')} back="#/">
        <p>{t('lenses:notFound')}</p>
        <a class="button" href="#/">
          {t('lenses:toHome')}
        </a>
      </Screen>
    );
  }

  const { lenses, pupils } = overview;
  const school = overview.schoolType;
  const presets = LENS_PRESETS.filter(
    (p) =>
      p.schools.includes(overview.schoolType) &&
      !lenses.some((l) => sameName(l.name, presetText(p, school).name)),
  );

  async function applyPreset(preset: LensPreset) {
    const { name, values } = presetText(preset, school);
    await runAction(async () => {
      await createLens(classId, name, values, new Date(), preset.id);
      showToast(t('lenses:presetAdded', { name }));
    }, refused);
  }

  async function confirmDelete(lens: LensRecord) {
    setDeleting(null);
    await runAction(async () => {
      await deleteLens(lens.id);
      showToast(t('lenses:deleted', { name: lens.name }));
    }, refused);
  }

  return (
    <Screen title={t('lenses:title', { name: overview.className })} back={back} wide={wide}>
      <section aria-labelledby="lens-why">
        <h2 id="lens-why">{t('lenses:whyHeading')}</h2>
        <p>{t('lenses:why')}</p>
      </section>

      {presets.length > 0 ? (
        <section aria-labelledby="lens-presets">
          <h2 id="lens-presets">{t('lenses:presetsHeading')}</h2>
          <p class="muted">{t('lenses:presetsHint')}</p>
          <div class="lens-presets">
            {presets.map((p) => (
              <button key={p.id} type="button" onClick={() => void applyPreset(p)}>
                + {presetText(p, school).name}
              </button>
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="lens-list">
        <h2 id="lens-list">{t('lenses:listHeading')}</h2>
        <LensList
          lenses={lenses}
          editingId={editing}
          onEdit={setEditing}
          onDelete={(lens) => setDeleting(lens)}
        />
        {editing === 'new' ? (
          <LensEditor
            heading={t('lenses:newHeading')}
            initialName=""
            initialValues={[{ label: '' }, { label: '' }]}
            onCancel={() => setEditing(null)}
            onSave={async (name, values) => {
              const lens = await createLens(
                classId,
                name,
                values.map((v) => v.label),
              );
              setEditing(null);
              showToast(t('lenses:saved', { name: lens.name }));
            }}
          />
        ) : (
          <p>
            <button type="button" onClick={() => setEditing('new')}>
              {t('lenses:custom')}
            </button>
          </p>
        )}
      </section>

      <section aria-labelledby="lens-assign">
        <h2 id="lens-assign">{t('lenses:assignHeading')}</h2>
        {pupils.length === 0 ? (
          <div class="card">
            <p>{t('lenses:noPupils')}</p>
            <a class="button primary" href={href('class', classId, 'pupils')}>
              {t('lenses:addPupils')}
            </a>
          </div>
        ) : lenses.length === 0 ? (
          <p class="muted">{t('lenses:assignNone')}</p>
        ) : (
          <>
            <p class="muted">{t('lenses:assignHint')}</p>
            <LensAssignments lenses={lenses} pupils={pupils} wide={wide} />
          </>
        )}
      </section>

      <ConfirmDialog
        open={deleting !== null}
        title={t('lenses:deleteTitle', { name: deleting?.name ?? '' })}
        body={t('lenses:deleteBody')}
        confirmLabel={t('common:delete')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && void confirmDelete(deleting)}
      />
    </Screen>
  );
}
