import { useState } from 'preact/hooks';
import type { QualifierUpdate } from '../../db/repo/events';
import type { EventChange } from '../../db/repo/lessonEdit';
import type { InteractionEvent, PupilRecord } from '../../model/types';
import {
  INTERACTION_KINDS,
  KIND_INFO,
  type InteractionKind,
  type QualifierName,
} from '../../model/kinds';
import { t } from '../../i18n';

/** The values a qualifier can take, as the select offers them ('' = not said). */
const VALUES: { [K in QualifierName]: readonly string[] } = {
  initiative: ['volunteered', 'called'],
  questionLevel: ['recall', 'higher'],
  waitTime: ['true', 'false'],
  praiseType: ['specific', 'general'],
  audience: ['class', 'private'],
};

function qualifierValue(name: QualifierName, raw: string): InteractionEvent[QualifierName] | null {
  if (raw === '') return null;
  if (name === 'waitTime') return raw === 'true';
  return raw as InteractionEvent[QualifierName];
}

interface EventEditorProps {
  event: InteractionEvent;
  /** Current pupils the event may move to. */
  pupils: readonly PupilRecord[];
  onSave: (change: EventChange) => void;
  onCancel: () => void;
}

/** Kind, pupil and qualifiers of one event, changed together and saved at once. */
export function EventEditor({ event, pupils, onSave, onCancel }: EventEditorProps) {
  const [kind, setKind] = useState<InteractionKind>(event.kind);
  const [pupilId, setPupilId] = useState(event.pupilId);
  const [values, setValues] = useState<Partial<Record<QualifierName, string>>>(() => {
    const out: Partial<Record<QualifierName, string>> = {};
    for (const name of Object.keys(VALUES) as QualifierName[]) {
      const v = event[name];
      if (v !== undefined) out[name] = String(v);
    }
    return out;
  });
  const qualifiers = KIND_INFO[kind].qualifiers;
  const id = `edit-${event.id}`;

  const submit = (e: Event) => {
    e.preventDefault();
    const q: QualifierUpdate = {};
    for (const name of qualifiers) {
      Object.assign(q, { [name]: qualifierValue(name, values[name] ?? '') });
    }
    onSave({ kind, pupilId, qualifiers: q });
  };

  return (
    <form class="event-editor" onSubmit={submit}>
      <div class="field">
        <label class="field-label" for={`${id}-kind`}>
          {t('lessonEdit:edit.kind')}
        </label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as InteractionKind)}
        >
          {INTERACTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds:${k}.label`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label class="field-label" for={`${id}-pupil`}>
          {t('lessonEdit:edit.pupil')}
        </label>
        <select
          id={`${id}-pupil`}
          value={pupilId}
          onChange={(e) => setPupilId(e.currentTarget.value)}
        >
          {pupils.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {qualifiers.map((name) => (
        <div class="field" key={name}>
          <label class="field-label" for={`${id}-${name}`}>
            {t(`kinds:qualifierNames.${name}`)}
          </label>
          <select
            id={`${id}-${name}`}
            value={values[name] ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setValues((old) => ({ ...old, [name]: v }));
            }}
          >
            <option value="">{t('lessonEdit:edit.notSaid')}</option>
            {VALUES[name].map((v) => (
              <option key={v} value={v}>
                {t(`kinds:qualifiers.${name}.${v}`)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div class="event-editor-actions">
        <button type="submit" class="primary">
          {t('lessonEdit:edit.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
