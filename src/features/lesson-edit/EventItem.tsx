import type { EventChange } from '../../db/repo/lessonEdit';
import type { InteractionEvent, PupilRecord } from '../../model/types';
import { KIND_INFO } from '../../model/kinds';
import { t } from '../../i18n';
import { EventEditor } from './EventEditor';

interface EventItemProps {
  event: InteractionEvent;
  pupilName: string;
  pupils: readonly PupilRecord[];
  editing: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onSave: (change: EventChange) => void;
  onDelete: () => void;
}

/** What an event says in words: its kind, qualifiers and (when logged live) its time. */
function describe(event: InteractionEvent): string {
  const parts = [t(`kinds:${event.kind}.label`)];
  for (const name of KIND_INFO[event.kind].qualifiers) {
    const v = event[name];
    if (v !== undefined) parts.push(t(`kinds:qualifiers.${name}.${String(v)}`));
  }
  if (event.at) {
    const d = new Date(event.at);
    parts.push(
      `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`,
    );
  } else parts.push(t('lessonEdit:afterwards'));
  return parts.join(' · ');
}

/** One event of the lesson, with its change and remove buttons (or its editor). */
export function EventItem(props: EventItemProps) {
  const { event } = props;
  const text = describe(event);
  return (
    <li class="lesson-edit-event">
      <p class="lesson-edit-what">{text}</p>
      {props.editing ? (
        <EventEditor
          event={event}
          pupils={props.pupils}
          onSave={props.onSave}
          onCancel={props.onCancel}
        />
      ) : (
        <div class="lesson-edit-actions">
          <button type="button" onClick={props.onEdit}>
            {t('lessonEdit:edit.open')}
            <span class="visually-hidden">
              {' '}
              ({text}, {props.pupilName})
            </span>
          </button>
          <button type="button" onClick={props.onDelete}>
            {t('common:delete')}
            <span class="visually-hidden">
              {' '}
              ({text}, {props.pupilName})
            </span>
          </button>
        </div>
      )}
    </li>
  );
}
