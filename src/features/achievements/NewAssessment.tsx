import { useMemo, useState } from 'preact/hooks';
import { ValidationError } from '../../model/errors';
import {
  addAssessment,
  validateDate,
  validateLabel,
  type AchievementsData,
  type ScoreEntry,
} from '../../db/repo/achievements';
import { runAction } from '../../db/status';
import type { Id, ScoreType } from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { matchColumn, parseScore, parseScoreColumn, type ScoreParse } from '../../domain/scores';
import { looksNamed, matchNamedScores } from '../../domain/nameMatch';
import { namedOutcome, type RowChoice } from './namedEntries';
import { t } from '../../i18n';
import { invalidMessage } from '../../ui/invalid';
import { showToast } from '../../ui/toastStore';
import { AssessmentFields, type EntryMode } from './AssessmentFields';
import { PASTE_ID, PasteEntry } from './PasteEntry';
import { TypedEntry, scoreInputId } from './TypedEntry';
import { assessmentHref, classLevels } from './scoreText';

const LABEL_CODES = ['labelRequired', 'labelTooLong', 'assessmentExists'];
const DATE_CODES = ['dateRequired', 'dateInvalid', 'dateFuture'];

interface Problems {
  label?: string;
  date?: string;
  form?: string;
}

const message = (e: ValidationError) => invalidMessage('achievements', e);

/** The error message of a check, or undefined when it passes. */
function check(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    if (e instanceof ValidationError) return message(e);
    throw e;
  }
}

/**
 * "New result for the class": label, date and score type, then every pupil's score typed in
 * seating order or pasted as a column. Nothing is written until every value can be read; the
 * draft stays on screen whatever goes wrong, so nothing has to be typed twice.
 */
export function NewAssessment({ view }: { view: AchievementsData }) {
  const { cls, pupils } = view;
  const levels = useMemo(() => classLevels(cls), [cls]);
  const [today] = useState(() => toIsoDate(new Date()));
  const [label, setLabel] = useState('');
  const [date, setDate] = useState(today);
  const [type, setType] = useState<ScoreType>('grade');
  const [mode, setMode] = useState<EntryMode>('type');
  const [typed, setTyped] = useState<Record<Id, string>>({});
  const [paste, setPaste] = useState('');
  const [choices, setChoices] = useState<Record<string, RowChoice>>({});
  const [attempted, setAttempted] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [saving, setSaving] = useState(false);

  const parsed = useMemo(
    () =>
      new Map<Id, ScoreParse>(
        pupils.map((p) => [p.id, parseScore(typed[p.id] ?? '', type, levels)]),
      ),
    [pupils, typed, type, levels],
  );
  const match = useMemo(
    () => matchColumn(parseScoreColumn(paste, type, levels), pupils),
    [paste, type, levels, pupils],
  );
  // Names and scores (two columns or more) are matched by name, not by seating order.
  const namedPaste = useMemo(
    () => (looksNamed(paste) ? matchNamedScores(paste, pupils, type, levels) : null),
    [paste, type, levels, pupils],
  );
  const outcome = useMemo(
    () => (namedPaste ? namedOutcome(namedPaste, choices) : null),
    [namedPaste, choices],
  );

  // The scores of the current mode, and how many values cannot be read.
  const entries: ScoreEntry[] = [];
  let bad = 0;
  let firstBad: string | null = null;
  if (mode === 'type') {
    for (const pupil of pupils) {
      const result = parsed.get(pupil.id);
      if (result?.kind === 'ok') entries.push({ pupilId: pupil.id, score: result.value });
      if (result?.kind === 'invalid') {
        bad++;
        firstBad ??= scoreInputId(pupil.id);
      }
    }
  } else if (outcome) {
    entries.push(...outcome.entries);
    bad = outcome.invalid + outcome.open.size;
    if (bad > 0) firstBad = PASTE_ID;
  } else {
    for (const { pupil, line } of match.rows) {
      if (line?.result.kind === 'ok') entries.push({ pupilId: pupil.id, score: line.result.value });
      if (line?.result.kind === 'invalid') bad++;
    }
    bad += match.extra.length;
    if (bad > 0) firstBad = PASTE_ID;
  }

  // Score problems are counted live, so the message shrinks as the teacher fixes them.
  const scoreMessage =
    attempted && bad > 0
      ? mode === 'type'
        ? t('achievements:save.problems', { count: bad })
        : t('achievements:save.pasteProblems', { count: bad })
      : null;
  const formMessage = scoreMessage ?? problems.form;
  const clearForm = () => setProblems((p) => (p.form ? { ...p, form: undefined } : p));

  const changeType = (next: ScoreType) => {
    // A grade typed as "7" means nothing as a level and the other way round: start afresh.
    if ((next === 'level') !== (type === 'level')) setTyped({});
    setType(next);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setAttempted(true);
    const found: Problems = {
      label: check(() => validateLabel(label)),
      date: check(() => validateDate(date, new Date())),
    };
    if (bad === 0 && !found.label && !found.date && entries.length === 0) {
      found.form = t('achievements:errors.noScores');
    }
    setProblems(found);
    const focus = found.label ? 'assessment-label' : found.date ? 'assessment-date' : firstBad;
    if (found.label || found.date || found.form || bad > 0) {
      requestAnimationFrame(() => focus && document.getElementById(focus)?.focus());
      return;
    }
    setSaving(true);
    // The banner explains storage trouble; the draft stays so it can be saved again.
    let failure: Problems = { form: t('achievements:save.failed') };
    const records = await runAction(
      () => addAssessment({ classId: cls.id, label, date, scoreType: type, scores: entries }),
      (e) => {
        if (LABEL_CODES.includes(e.code)) failure = { label: message(e) };
        else if (DATE_CODES.includes(e.code)) failure = { date: message(e) };
        else failure = { form: message(e) };
      },
    );
    setSaving(false);
    if (!records) return setProblems(failure);
    const saved = records[0];
    showToast(t('achievements:saved', { label: saved?.label ?? label, count: records.length }));
    if (saved) location.replace(assessmentHref(cls.id, saved));
  };

  return (
    <form class="new-assessment" onSubmit={(e) => void submit(e)} noValidate>
      <AssessmentFields
        label={label}
        onLabel={setLabel}
        labelError={problems.label}
        date={date}
        onDate={setDate}
        dateError={problems.date}
        today={today}
        type={type}
        onType={changeType}
        levels={levels}
        mode={mode}
        onMode={setMode}
      />
      {mode === 'type' ? (
        <TypedEntry
          pupils={pupils}
          type={type}
          levels={levels}
          values={typed}
          parsed={parsed}
          onChange={(pupilId, value) => {
            setTyped((v) => ({ ...v, [pupilId]: value }));
            clearForm();
          }}
          showAll={attempted}
        />
      ) : (
        <PasteEntry
          pupils={pupils}
          type={type}
          levels={levels}
          text={paste}
          onText={(text) => {
            setPaste(text);
            clearForm();
          }}
          match={match}
          problems={bad}
          named={
            namedPaste && outcome
              ? {
                  paste: namedPaste,
                  outcome,
                  choices,
                  onChoice: (key, choice) => {
                    setChoices((c) => ({ ...c, [key]: choice }));
                    clearForm();
                  },
                }
              : null
          }
        />
      )}
      {formMessage ? (
        <p class="field-error form-alert" role="alert">
          {formMessage}
        </p>
      ) : null}
      <div class="save-bar">
        <button id="assessment-save" type="submit" class="primary save-button" disabled={saving}>
          {entries.length > 0
            ? t('achievements:form.saveCount', { count: entries.length })
            : t('achievements:form.save')}
        </button>
      </div>
    </form>
  );
}
