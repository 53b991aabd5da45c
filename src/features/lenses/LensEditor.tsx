import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  LENS_MAX_VALUES,
  LENS_NAME_MAX,
  LENS_VALUE_MAX,
  type LensValueInput,
} from '../../db/repo/lenses';
import { runAction } from '../../db/status';
import { t } from '../../i18n';
import { invalidMessage } from '../../ui/invalid';

interface LensEditorProps {
  heading: string;
  initialName: string;
  initialValues: readonly LensValueInput[];
  /** Saves; a ValidationError is shown in the form, anything else goes to the banner. */
  onSave: (name: string, values: LensValueInput[]) => Promise<void>;
  onCancel: () => void;
}

interface Row extends LensValueInput {
  /** Stable key for rendering (new rows have no id yet). */
  key: number;
}

let nextKey = 1;
const toRows = (values: readonly LensValueInput[]): Row[] =>
  values.map((v) => ({ ...v, key: nextKey++ }));

/** A lens's name and its closed list of values; existing values keep their id when renamed. */
export function LensEditor(props: LensEditorProps) {
  const uid = useId();
  const [name, setName] = useState(props.initialName);
  const [rows, setRows] = useState<Row[]>(() => toRows(props.initialValues));
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const focusLast = useRef(false);

  useEffect(() => nameInput.current?.focus(), []);
  useEffect(() => {
    if (!focusLast.current) return;
    focusLast.current = false;
    const inputs = list.current?.querySelectorAll('input');
    inputs?.[inputs.length - 1]?.focus();
  }, [rows.length]);

  const setLabel = (key: number, label: string) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, label } : r)));

  async function submit(e: Event) {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    await runAction(
      () =>
        props.onSave(
          name,
          rows.map((r) => (r.id ? { id: r.id, label: r.label } : { label: r.label })),
        ),
      (err) => setError(invalidMessage('lenses', err)),
    );
    setSaving(false);
  }

  return (
    <form class="card lens-editor" aria-labelledby={`${uid}-h`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${uid}-h`}>{props.heading}</h3>
      <div class="field">
        <label for={`${uid}-name`}>{t('lenses:name')}</label>
        <input
          id={`${uid}-name`}
          ref={nameInput}
          value={name}
          maxLength={LENS_NAME_MAX}
          autoComplete="off"
          aria-describedby={`${uid}-nh`}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <span id={`${uid}-nh`} class="hint">
          {t('lenses:nameHint')}
        </span>
      </div>
      <fieldset class="lens-values">
        <legend>{t('lenses:values')}</legend>
        <p class="hint">{t('lenses:valuesHint')}</p>
        <ol ref={list} class="lens-value-list">
          {rows.map((row, i) => (
            <li key={row.key}>
              <input
                value={row.label}
                maxLength={LENS_VALUE_MAX}
                autoComplete="off"
                aria-label={t('lenses:valueLabel', { number: i + 1 })}
                onInput={(e) => setLabel(row.key, e.currentTarget.value)}
              />
              <button
                type="button"
                class="lens-remove"
                aria-label={t('lenses:removeValue', { number: i + 1 })}
                onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ol>
        {rows.length < LENS_MAX_VALUES ? (
          <button
            type="button"
            onClick={() => {
              focusLast.current = true;
              setRows((rs) => [...rs, ...toRows([{ label: '' }])]);
            }}
          >
            + {t('lenses:addValue')}
          </button>
        ) : null}
      </fieldset>
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('common:cancel')}
        </button>
        <button type="submit" class="primary" disabled={saving}>
          {t('lenses:saveLens')}
        </button>
      </div>
    </form>
  );
}
