import { useEffect, useState } from 'preact/hooks';
import { reportStorageError } from '../../db/status';
import type { Id, IsoDate } from '../../model/types';
import { askWorker, followWorkerData } from '../../workers/client';
import type { PromptView } from '../../workers/protocol';

/**
 * The class's prompts, analysed off the main thread (src/workers), and again after any change to
 * the records they rest on (this tab or another). undefined while the first answer is on its way;
 * null when the class does not exist.
 */
export function usePromptView(classId: Id, today: IsoDate): PromptView | null | undefined {
  const [view, setView] = useState<PromptView | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const stop = followWorkerData(() => {
      askWorker({ kind: 'promptView', classId, today })
        .then((v) => alive && setView(v))
        .catch(reportStorageError);
    });
    return () => {
      alive = false;
      stop();
    };
  }, [classId, today]);
  return view;
}
