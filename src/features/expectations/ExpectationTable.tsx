import { useState } from 'preact/hooks';
import {
  clearExpectation,
  CONFIDENCES,
  rateExpectation,
  type ExpectationsData,
} from '../../db/repo/expectations';
import type { Confidence, IsoDate, PupilRecord } from '../../model/types';
import { scaleLabels } from '../../domain/scales';
import { t } from '../../i18n';
import { confidenceLabel, currentExpectationText } from './labels';
import { runAction } from '../../db/status';
import { toastInvalid } from '../../ui/invalid';

const refused = toastInvalid('expectations');

interface ExpectationTableProps {
  view: ExpectationsData;
  today: IsoDate;
}

/**
 * The wide-screen round: one row per pupil in seating order, one radio per step. A choice is
 * saved at once as today's rating; the "last time" column shows the rating before today.
 */
export function ExpectationTable({ view, today }: ExpectationTableProps) {
  const scale = view.cls.expectationScale;
  const labels = scaleLabels(scale, (key) => t(key));
  // "How sure" picked before a step, per pupil, until the step is chosen.
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Confidence | null>>(new Map());
  // A step chosen whose rating is not back from the database yet: "how sure", picked meanwhile,
  // is saved with it instead of waiting as a draft that nothing would save.
  const [picked, setPicked] = useState<ReadonlyMap<string, number>>(new Map());

  const save = (pupil: PupilRecord, value: number, confidence: Confidence | null) =>
    runAction(
      () => rateExpectation({ classId: view.cls.id, pupilId: pupil.id, value, confidence }, today),
      refused,
    );

  const choose = (pupil: PupilRecord, value: number, confidence: Confidence | null) => {
    setPicked((p) => new Map(p).set(pupil.id, value));
    void save(pupil, value, confidence).then((saved) => {
      // Refused or not stored (the toast or the banner says why): not shown as chosen.
      if (saved !== undefined) return;
      setPicked((p) => {
        if (p.get(pupil.id) !== value) return p;
        const next = new Map(p);
        next.delete(pupil.id);
        return next;
      });
    });
  };

  const clear = (pupil: PupilRecord) => {
    const without = <T,>(m: ReadonlyMap<string, T>) => {
      const next = new Map(m);
      next.delete(pupil.id);
      return next;
    };
    setPicked(without);
    setDrafts(without);
    void runAction(() => clearExpectation(pupil.id, today), refused);
  };

  const onSure = (pupil: PupilRecord, raw: string) => {
    const confidence = (CONFIDENCES as readonly string[]).includes(raw)
      ? (raw as Confidence)
      : null;
    const todays = view.today.get(pupil.id);
    const value = todays?.value ?? picked.get(pupil.id);
    // Without today's rating (none yet, or on its way) the choice is shown from the drafts.
    if (!todays) setDrafts((d) => new Map(d).set(pupil.id, confidence));
    if (value !== undefined) void save(pupil, value, confidence);
  };

  return (
    <div class="exp-table-wrap">
      <table class="exp-table">
        <caption>{t('expectations:table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('expectations:table.pupil')}</th>
            <th scope="col">{t('expectations:table.previous')}</th>
            {labels.map((label) => (
              <th key={label} scope="col" class="exp-table-step">
                {label}
              </th>
            ))}
            <th scope="col">{t('expectations:table.sure')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('expectations:table.clear')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.pupils.map((pupil) => {
            const todays = view.today.get(pupil.id);
            // The step chosen stays shown while its rating is on its way.
            const chosen = todays?.value ?? picked.get(pupil.id);
            const previous = view.previous.get(pupil.id);
            const sure = todays ? todays.confidence : (drafts.get(pupil.id) ?? null);
            return (
              <tr key={pupil.id}>
                <th scope="row">{pupil.name}</th>
                <td class="exp-table-previous">
                  {previous
                    ? currentExpectationText(scale, previous)
                    : t('expectations:table.none')}
                </td>
                {labels.map((label, value) => (
                  <td key={label} class="exp-table-step">
                    <label class="exp-radio">
                      <input
                        type="radio"
                        name={`exp-${pupil.id}`}
                        checked={chosen === value}
                        aria-label={t('expectations:table.option', { name: pupil.name, label })}
                        onChange={() => choose(pupil, value, sure)}
                      />
                    </label>
                  </td>
                ))}
                <td>
                  <select
                    value={sure ?? ''}
                    aria-label={t('expectations:table.sureFor', { name: pupil.name })}
                    onChange={(e) => onSure(pupil, e.currentTarget.value)}
                  >
                    <option value="">{t('expectations:table.sureNone')}</option>
                    {CONFIDENCES.map((c) => (
                      <option key={c} value={c}>
                        {confidenceLabel(c)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {todays ? (
                    <button
                      type="button"
                      class="exp-clear"
                      aria-label={t('expectations:table.clearFor', { name: pupil.name })}
                      onClick={() => clear(pupil)}
                    >
                      {t('expectations:table.clear')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
