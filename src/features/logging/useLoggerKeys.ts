import { useCallback } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import { INTERACTION_KINDS, type InteractionKind } from '../../model/kinds';
import { t } from '../../i18n';
import { qualifierChoices } from './BottomBar';
import type { LiveLessonStore } from './liveStore';
import type { LiveActions } from './useLiveActions';

/** The single keys of the logging grid, as the help overlay lists them (from the locale). */
export function kindKeys(): Map<string, InteractionKind> {
  return new Map(INTERACTION_KINDS.map((k) => [t(`logging:keys.${k}`).toLowerCase(), k]));
}

interface KeyHandlers {
  store: LiveLessonStore;
  actions: LiveActions;
  /** Kinds the teacher hid: their keys do nothing, as their buttons are gone. */
  hidden: readonly InteractionKind[];
  onMore: (pupilId: string) => void;
  onHelp: () => void;
}

/**
 * Single-key shortcuts, active only while focus is inside the logging area (so they never
 * fire from a form field or another screen): a kind's letter logs it for the focused pupil,
 * `m` opens "more", `a` toggles absent, digits set the last event's qualifiers, `u` undoes,
 * `?` opens the list of keys.
 */
export function useLoggerKeys({ store, actions, hidden, onMore, onHelp }: KeyHandlers) {
  return useCallback(
    (e: TargetedKeyboardEvent<HTMLElement>) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, dialog')) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const handled = (): void => e.preventDefault();

      if (key === '?') return (onHelp(), handled());
      if (key === t('logging:keys.undo')) return (actions.undo(), handled());
      if (/^[1-9]$/.test(key)) {
        const last = store.last;
        const choice = last ? qualifierChoices(last.kind)[Number(key) - 1] : undefined;
        if (last && choice) actions.qualify(last, choice.name, choice.value);
        return handled();
      }
      const pupilId = target.closest<HTMLElement>('.tile-main')?.dataset.pupilId;
      if (!pupilId) return;
      const absent = store.snapshot(pupilId).absent;
      if (key === t('logging:keys.more')) return (onMore(pupilId), handled());
      if (key === t('logging:keys.absent'))
        return (actions.markAbsent(pupilId, !absent), handled());
      const kind = kindKeys().get(key);
      if (!kind || (kind !== 'turn' && hidden.includes(kind))) return;
      // An absent pupil's sheet says so and offers to mark them present.
      if (absent) onMore(pupilId);
      else actions.log(pupilId, kind);
      handled();
    },
    [store, actions, hidden, onMore, onHelp],
  );
}
