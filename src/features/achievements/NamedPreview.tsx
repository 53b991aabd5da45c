import type { PupilRecord, ScoreType } from '../../model/types';
import type { NamedPaste, NamedRow } from '../../domain/nameMatch';
import { t } from '../../i18n';
import { rowKey, SKIP, type NamedOutcome, type RowChoice } from './namedEntries';
import { formatScore, scoreProblem } from './scoreText';

interface NamedPreviewProps {
  paste: NamedPaste<PupilRecord>;
  outcome: NamedOutcome;
  pupils: readonly PupilRecord[];
  choices: Readonly<Record<string, RowChoice>>;
  onChoice: (key: string, choice: RowChoice) => void;
  type: ScoreType;
  levels: readonly string[];
}

function why(row: NamedRow<PupilRecord>): string {
  const names = row.candidates.map((p) => p.name).join(', ');
  if (row.status === 'ambiguous') return t('achievements:named.ambiguous', { names });
  if (row.status === 'twice') return t('achievements:named.twice', { name: names });
  return t('achievements:named.unknown');
}

/** One pasted row: the name as pasted, the pupil it goes to (or a choice), and the score. */
function NamedRowView(props: NamedPreviewProps & { row: NamedRow<PupilRecord> }) {
  const { row, outcome, type, levels } = props;
  const key = rowKey(row);
  const open = outcome.open.has(key);
  const chosen = props.choices[key];
  const result = row.result;
  // Candidates first, then everyone else; the select is there whenever the matcher did not assign.
  const others = props.pupils.filter((p) => !row.candidates.includes(p));
  const selectId = `named-${row.line}`;
  return (
    <li
      class={open || result.kind === 'invalid' ? 'preview-row named invalid' : 'preview-row named'}
    >
      <span class="preview-line">{t('achievements:paste.line', { line: row.line })}</span>
      <span class="preview-name">
        {row.name || '—'}
        {row.pupil ? <span class="preview-pupil"> → {row.pupil.name}</span> : null}
      </span>
      {result.kind === 'ok' ? (
        <strong class="preview-value">{formatScore(type, result.value, levels)}</strong>
      ) : result.kind === 'invalid' ? (
        <span class="preview-problem">
          <span aria-hidden="true">⚠ </span>
          {t('achievements:invalidValue', {
            raw: row.raw,
            reason: scoreProblem(result.code, type, levels),
          })}
        </span>
      ) : (
        <span class="preview-empty">{t('achievements:paste.noResult')}</span>
      )}
      {row.pupil ? null : (
        <div class="preview-choice">
          {open ? (
            <span class="preview-problem">
              <span aria-hidden="true">⚠ </span>
              {why(row)}
            </span>
          ) : null}
          <label for={selectId} class="visually-hidden">
            {t('achievements:named.whoLabel', { name: row.name })}
          </label>
          <select
            id={selectId}
            value={chosen ?? ''}
            onChange={(e) => props.onChoice(key, e.currentTarget.value)}
          >
            <option value="">{t('achievements:named.choose')}</option>
            <option value={SKIP}>{t('achievements:named.skip')}</option>
            {[...row.candidates, ...others].map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </li>
  );
}

/** The preview of a paste by name: every row with the pupil it goes to and its score. */
export function NamedPreview(props: NamedPreviewProps) {
  const { paste, outcome } = props;
  const assigned = new Set(outcome.pupilOf.values());
  const missing = props.pupils.filter((p) => !assigned.has(p.id));
  return (
    <>
      {paste.header ? <p class="muted">{t('achievements:named.header')}</p> : null}
      <ol class="list preview-list" aria-label={t('achievements:paste.previewLabel')}>
        {paste.rows.map((row) => (
          <NamedRowView key={rowKey(row)} {...props} row={row} />
        ))}
      </ol>
      {missing.length > 0 ? (
        <p class="muted">
          {t('achievements:named.missing', {
            count: missing.length,
            names: missing.map((p) => p.name).join(', '),
          })}
        </p>
      ) : null}
    </>
  );
}
