import { useState } from 'preact/hooks';
import { setExpectationScale } from '../../db/repo/classScale';
import { runAction } from '../../db/status';
import type { ClassRecord, ExpectationScale } from '../../model/types';
import {
  LEVEL_PRESETS,
  LEVELS_MAX,
  parseLevelList,
  sameScale,
  scaleChoice,
  type ScaleChoice,
} from '../../domain/scales';
import { t } from '../../i18n';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { invalidMessage } from '../../ui/invalid';
import { showToast } from '../../ui/toastStore';

interface ScaleEditorProps {
  cls: ClassRecord;
  /** Ratings the class already has: changing the scale then asks for confirmation. */
  ratingCount: number;
  onClose: () => void;
}

const CHOICES: readonly ScaleChoice[] = ['relative5', 'secondary', 'primary', 'custom'];

function scaleFor(choice: ScaleChoice, custom: string): ExpectationScale {
  if (choice === 'relative5') return { kind: 'relative5' };
  if (choice === 'custom') return { kind: 'levels', levels: parseLevelList(custom) };
  return { kind: 'levels', levels: [...LEVEL_PRESETS[choice]] };
}

/** Picks the class's scale: relative, a preset list of levels, or the school's own list. */
export function ScaleEditor({ cls, ratingCount, onClose }: ScaleEditorProps) {
  const current = cls.expectationScale;
  const [choice, setChoice] = useState<ScaleChoice>(() => scaleChoice(current));
  const [custom, setCustom] = useState(() =>
    current.kind === 'levels'
      ? current.levels.join('\n')
      : LEVEL_PRESETS[cls.schoolType === 'primary' ? 'primary' : 'secondary'].join('\n'),
  );
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setConfirming(false);
    if (saving) return;
    setSaving(true);
    const saved = await runAction(
      () => setExpectationScale(cls.id, scaleFor(choice, custom)),
      (e) => setError(invalidMessage('expectations', e)),
    );
    if (saved) {
      showToast(t(saved.changed ? 'expectations:scale.saved' : 'expectations:scale.unchanged'));
      onClose();
    }
    setSaving(false);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    setError('');
    // Only a real change with ratings present needs a second thought (see classScale.ts).
    if (ratingCount > 0 && !sameScale(scaleFor(choice, custom), current)) setConfirming(true);
    else void save();
  };
  const hintFor = (c: ScaleChoice) =>
    c === 'secondary' || c === 'primary' ? LEVEL_PRESETS[c].join(', ') : null;

  return (
    <form class="exp-scale-editor" onSubmit={submit} noValidate>
      <ChoiceGroup
        class=""
        optionClass="exp-choice"
        legend={t('expectations:scale.legend')}
        name="exp-scale"
        options={CHOICES}
        value={choice}
        onChange={setChoice}
        label={(c) => (
          <span>
            {t(`expectations:scale.choice.${c}`)}
            {hintFor(c) ? <span class="hint exp-choice-hint">{hintFor(c)}</span> : null}
          </span>
        )}
      />
      {choice === 'custom' ? (
        <label class="field">
          <span>{t('expectations:scale.customLabel')}</span>
          <textarea
            rows={Math.min(LEVELS_MAX, Math.max(5, custom.split('\n').length + 1))}
            value={custom}
            aria-describedby="exp-custom-hint"
            onInput={(e) => setCustom(e.currentTarget.value)}
          />
          <span id="exp-custom-hint" class="hint">
            {t('expectations:scale.customHint')}
          </span>
        </label>
      ) : null}
      {ratingCount > 0 ? (
        <p class="exp-warning">{t('expectations:scale.warning', { count: ratingCount })}</p>
      ) : null}
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="row">
        <button type="submit" class="primary" disabled={saving}>
          {t('expectations:scale.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('expectations:scale.cancel')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('expectations:scale.confirmTitle')}
        body={t('expectations:scale.warning', { count: ratingCount })}
        confirmLabel={t('expectations:scale.confirm')}
        onConfirm={() => void save()}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}
