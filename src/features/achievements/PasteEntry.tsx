import type { PupilRecord, ScoreType } from '../../model/types';
import type { ColumnLine, ColumnMatch } from '../../domain/scores';
import { t } from '../../i18n';
import { formatScore, scoreProblem } from './scoreText';
import { NamedPreview } from './NamedPreview';
import type { NamedPaste } from '../../domain/nameMatch';
import type { NamedOutcome, RowChoice } from './namedEntries';

/** A paste by name (two columns or more): the matcher's rows and the teacher's choices. */
export interface NamedState {
  paste: NamedPaste<PupilRecord>;
  outcome: NamedOutcome;
  choices: Readonly<Record<string, RowChoice>>;
  onChoice: (key: string, choice: RowChoice) => void;
}

interface PasteEntryProps {
  /** The class's pupils in seating order: line 1 is the first of them. */
  pupils: readonly PupilRecord[];
  type: ScoreType;
  levels: readonly string[];
  text: string;
  onText: (text: string) => void;
  match: ColumnMatch<PupilRecord>;
  /** Lines that need a look (invalid ones and lines beyond the last pupil). */
  problems: number;
  /** Set when the paste holds names: rows are matched by name, not by seating order. */
  named: NamedState | null;
}

export const PASTE_ID = 'paste-scores';

/** One preview row: the pupil, the line it came from and what was read (or why not). */
function PreviewRow(props: {
  pupil: PupilRecord;
  line: ColumnLine | null;
  type: ScoreType;
  levels: readonly string[];
}) {
  const { line, type, levels } = props;
  const result = line?.result;
  return (
    <li class={result?.kind === 'invalid' ? 'preview-row invalid' : 'preview-row'}>
      <span class="preview-line">
        {line ? t('achievements:paste.line', { line: line.line }) : ''}
      </span>
      <span class="preview-name">{props.pupil.name}</span>
      {result?.kind === 'ok' ? (
        <strong class="preview-value">{formatScore(type, result.value, levels)}</strong>
      ) : result?.kind === 'invalid' ? (
        <span class="preview-problem">
          <span aria-hidden="true">⚠ </span>
          {t('achievements:invalidValue', {
            raw: line?.raw ?? '',
            reason: scoreProblem(result.code, type, levels),
          })}
        </span>
      ) : (
        <span class="preview-empty">{t('achievements:paste.noResult')}</span>
      )}
    </li>
  );
}

/**
 * Paste a column from a spreadsheet: the preview pairs each line with a pupil in seating order,
 * so a column that is one line off shows at a glance, and flags what cannot be read. A paste of
 * names and scores (a school system's export) is matched by name instead (NamedPreview).
 */
export function PasteEntry(props: PasteEntryProps) {
  const { match, pupils, named } = props;
  const hasText = props.text.trim() !== '';
  const results = named
    ? named.outcome.entries.length
    : match.rows.filter((r) => r.line?.result.kind === 'ok').length;
  const describedBy = ['paste-scores-hint', hasText ? 'paste-scores-status' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <section aria-labelledby="paste-scores-heading">
      <h2 id="paste-scores-heading">{t('achievements:paste.heading')}</h2>
      <div class="field">
        <label for={PASTE_ID} class="field-label">
          {t('achievements:paste.label')}
        </label>
        <span id="paste-scores-hint" class="hint">
          {t('achievements:paste.hint', {
            first: pupils[0]?.name ?? '',
            second: pupils[1]?.name ?? pupils[0]?.name ?? '',
          })}
        </span>
        <textarea
          id={PASTE_ID}
          rows={8}
          value={props.text}
          spellcheck={false}
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={props.problems > 0 ? true : undefined}
          onInput={(e) => props.onText(e.currentTarget.value)}
        />
      </div>
      {hasText ? (
        <div class="score-preview">
          {/* Only the totals are announced while typing, not every row again. */}
          <p id="paste-scores-status" class="score-preview-title" role="status">
            {t('achievements:paste.status', { results, count: pupils.length })}
            {props.problems > 0
              ? ` ${t('achievements:paste.problems', { count: props.problems })}`
              : ''}
          </p>
          {named ? (
            <NamedPreview {...named} pupils={pupils} type={props.type} levels={props.levels} />
          ) : null}
          {named ? null : (
            <ol class="list preview-list" aria-label={t('achievements:paste.previewLabel')}>
              {match.rows.map((row) => (
                <PreviewRow
                  key={row.pupil.id}
                  pupil={row.pupil}
                  line={row.line}
                  type={props.type}
                  levels={props.levels}
                />
              ))}
            </ol>
          )}
          {named
            ? null
            : match.extra.map((line) => (
                <p key={line.line} class="field-error">
                  <span aria-hidden="true">⚠ </span>
                  {t('achievements:paste.extra', {
                    line: line.line,
                    raw: line.raw,
                    count: pupils.length,
                  })}
                </p>
              ))}
        </div>
      ) : null}
    </section>
  );
}
