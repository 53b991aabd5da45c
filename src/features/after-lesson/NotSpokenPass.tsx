import { useEffect, useRef, useState } from 'preact/hooks';
import { incrementAfter, setAbsent, type AfterLessonView } from '../../db/repo/afterLesson';
import { KIND_INFO, type InteractionKind } from '../../model/kinds';
import { t } from '../../i18n';
import { guardedWrite } from './guard';
import { passKinds } from './pass';
import { PassSummary } from './PassSummary';

interface NotSpokenPassProps {
  view: AfterLessonView;
  /** Pupils to go through, fixed when the pass starts so nobody jumps away mid-pass. */
  queue: readonly string[];
  onClose: () => void;
}

/** "Whom did I not speak to?": one pupil at a time, a quick yes (and how), no, or absent. */
export function NotSpokenPass({ view, queue, onClose }: NotSpokenPassProps) {
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLHeadingElement>(null);
  const pupilId = queue[index];
  const pupil = view.pupils.find((p) => p.id === pupilId);

  // Screen-reader and keyboard users land on the next name after each answer.
  useEffect(() => {
    nameRef.current?.focus();
  }, [index]);

  if (!pupilId || !pupil) return <PassSummary view={view} onClose={onClose} />;

  const answer = async (write?: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    const ok = write ? await guardedWrite(write) : true;
    setBusy(false);
    if (ok) setIndex((i) => i + 1);
  };
  const lessonId = view.lesson.id;
  const did = (kind: InteractionKind) => () => incrementAfter(lessonId, pupilId, kind);

  return (
    <section class="card pass-card" aria-labelledby="pass-name">
      <p class="pass-progress">
        {t('after:pass.progress', { current: index + 1, total: queue.length })}
      </p>
      <progress class="pass-bar" max={queue.length} value={index} aria-hidden="true" />
      <h2 id="pass-name" ref={nameRef} tabIndex={-1}>
        {pupil.name}
      </h2>
      <p>{t('after:pass.question', { name: pupil.name })}</p>
      <div class="pass-did" role="group" aria-labelledby="pass-did-label">
        <span id="pass-did-label" class="pass-did-label">
          {t('after:pass.iDid')}
        </span>
        {passKinds(view.cls.hiddenKinds).map((kind) => (
          <button
            key={kind}
            type="button"
            class="primary"
            disabled={busy}
            onClick={() => void answer(did(kind))}
          >
            <span aria-hidden="true">{KIND_INFO[kind].symbol}</span>
            {t(`kinds:${kind}.label`)}
          </button>
        ))}
      </div>
      <div class="pass-other">
        <button type="button" disabled={busy} onClick={() => void answer()}>
          {t('after:pass.notToday')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void answer(() => setAbsent(lessonId, pupilId, true))}
        >
          {t('after:absent')}
        </button>
      </div>
      <button type="button" class="link pass-stop" onClick={onClose}>
        {t('after:pass.stop')}
      </button>
    </section>
  );
}
