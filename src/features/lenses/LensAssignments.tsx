import { setPupilLensValue } from '../../db/repo/lenses';
import { runAction } from '../../db/status';
import type { LensRecord, PupilRecord } from '../../model/types';
import { t } from '../../i18n';
import { toastInvalid } from '../../ui/invalid';

interface LensAssignmentsProps {
  lenses: LensRecord[];
  pupils: PupilRecord[];
  /** A table on a wide screen; one card per pupil on a phone. */
  wide: boolean;
}

async function save(pupilId: string, lensId: string, valueId: string) {
  await runAction(
    () => setPupilLensValue(pupilId, lensId, valueId || null),
    toastInvalid('lenses'),
  );
}

function LensSelect({ lens, pupil }: { lens: LensRecord; pupil: PupilRecord }) {
  return (
    <select
      aria-label={t('lenses:selectFor', { lens: lens.name, name: pupil.name })}
      value={pupil.lensValues[lens.id] ?? ''}
      onChange={(e) => void save(pupil.id, lens.id, e.currentTarget.value)}
    >
      <option value="">{t('lenses:notSet')}</option>
      {lens.values.map((v) => (
        <option key={v.id} value={v.id}>
          {v.label}
        </option>
      ))}
    </select>
  );
}

/** Which value each pupil has per lens. Every select is named "<lens> for <pupil>". */
export function LensAssignments({ lenses, pupils, wide }: LensAssignmentsProps) {
  if (wide) {
    return (
      <div class="lens-table-wrap">
        <table class="lens-table">
          <thead>
            <tr>
              <th scope="col">{t('lenses:pupil')}</th>
              {lenses.map((l) => (
                <th key={l.id} scope="col">
                  {l.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pupils.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                {lenses.map((l) => (
                  <td key={l.id}>
                    <LensSelect lens={l} pupil={p} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <ul class="lens-cards">
      {pupils.map((p) => (
        <li key={p.id} class="card">
          <h3>{p.name}</h3>
          {lenses.map((l) => (
            <label key={l.id} class="lens-field">
              <span aria-hidden="true">{l.name}</span>
              <LensSelect lens={l} pupil={p} />
            </label>
          ))}
        </li>
      ))}
    </ul>
  );
}
