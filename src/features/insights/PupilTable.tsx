import type { ComponentChildren } from 'preact';
import { t } from '../../i18n';

interface PupilTableProps<R extends { pupilId: string }> {
  /** Headings of the columns after the pupil's name. */
  columns: readonly string[];
  rows: readonly R[];
  name: (pupilId: string) => string;
  /** Opens the pupil's drill-down. */
  onPupil: (pupilId: string) => void;
  cells: (row: R) => readonly ComponentChildren[];
}

/** A chart's figures per pupil as a table; each name opens the lessons behind the figures. */
export function PupilTable<R extends { pupilId: string }>(props: PupilTableProps<R>) {
  const { columns, rows, name, onPupil, cells } = props;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('insights:table.pupil')}</th>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.pupilId}>
            <th scope="row">
              <button type="button" class="link" onClick={() => onPupil(r.pupilId)}>
                {name(r.pupilId)}
              </button>
            </th>
            {cells(r).map((c, i) => (
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
