import { useEffect, useRef, useState } from 'preact/hooks';
import type { PupilRecord } from '../../model/types';
import type { Outcome } from './ExpectationPass';
import { runAction } from '../../db/status';
import { toastInvalid } from '../../ui/invalid';

/**
 * A rating round's walk through the class, one pupil per card (expectations and relationships):
 * where we are, what happened to whom, one save at a time. `onArrive` runs when a new pupil's
 * card comes up.
 */
export function usePass(options: {
  queue: readonly string[];
  pupils: readonly PupilRecord[];
  ns: 'expectations' | 'relationships';
  onDone: (outcomes: Map<string, Outcome>) => void;
  onArrive?: (pupilId: string) => void;
}) {
  const { queue, pupils, ns, onDone, onArrive } = options;
  const [index, setIndex] = useState(0);
  const [outcomes, setOutcomes] = useState<Map<string, Outcome>>(() => new Map());
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLHeadingElement>(null);
  const pupilId = queue[index] ?? '';
  const pupil = pupils.find((p) => p.id === pupilId);

  // Keyboard and screen-reader users land on the next name after each answer.
  useEffect(() => {
    nameRef.current?.focus();
  }, [index]);

  const move = (outcome: Outcome | null, step: 1 | -1 = 1) => {
    const next = new Map(outcomes);
    if (outcome) next.set(pupilId, outcome);
    setOutcomes(next);
    const to = index + step;
    if (to >= queue.length) {
      onDone(next);
      return;
    }
    const at = Math.max(0, to);
    setIndex(at);
    onArrive?.(queue[at] ?? '');
  };

  // A pupil removed from the class while the round runs is passed over.
  useEffect(() => {
    if (!pupil && pupilId) move(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pupil, pupilId]);

  /** Saves the current pupil's rating; moves on only when it was stored. */
  const save = async (write: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    const ok = await runAction(async () => {
      await write();
      return true;
    }, toastInvalid(ns));
    setBusy(false);
    if (ok) move('rated');
  };

  const stop = () => onDone(outcomes);
  return { index, pupilId, pupil, nameRef, busy, move, save, stop };
}
