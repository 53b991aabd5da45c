import { useState } from 'preact/hooks';
import { useLiveQuery } from '../../db/hooks';
import { getAttributionFor, recordAttribution } from '../../db/repo/attributions';
import { runAction } from '../../db/status';
import {
  ATTRIBUTION_CAUSES,
  type AttributionCause,
  type AttributionSource,
  type Id,
} from '../../model/types';
import { t } from '../../i18n';
import { invalidMessage } from '../../ui/invalid';
import './cause.css';

interface CauseChoiceProps {
  pupilId: Id;
  pupilName: string;
  source: AttributionSource;
  /** The prompt key or intention id; null for a note on the pupil page. */
  sourceKey: string | null;
  /** Called after a tap was stored (the pupil page folds the choice away). */
  onSaved?: (cause: AttributionCause) => void;
}

/**
 * One optional tap: where does the teacher see the cause? Skipping is simply not tapping. With a
 * prompt or intention the choice is shown as pressed and can be changed.
 */
export function CauseChoice({ pupilId, pupilName, source, sourceKey, onSaved }: CauseChoiceProps) {
  const keyed = source !== 'difficulty' && sourceKey !== null;
  const stored = useLiveQuery(
    () =>
      source !== 'difficulty' && sourceKey !== null
        ? getAttributionFor(pupilId, source, sourceKey)
        : Promise.resolve(null),
    [pupilId, source, sourceKey],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = stored?.cause ?? null;

  const choose = async (cause: AttributionCause) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    await runAction(
      async () => {
        await recordAttribution({ pupilId, cause, source, sourceKey });
        onSaved?.(cause);
      },
      (e) => setError(invalidMessage('cause', e)),
    );
    setBusy(false);
  };

  const headingId = `cause-${source}-${sourceKey ?? 'note'}-${pupilId}`;
  return (
    <div class="cause-choice" role="group" aria-labelledby={headingId}>
      <p id={headingId} class="cause-ask">
        {t('cause:choice.ask', { name: pupilName })}
      </p>
      <div class="cause-options">
        {ATTRIBUTION_CAUSES.map((cause) => (
          <button
            key={cause}
            type="button"
            class={chosen === cause ? 'cause-option chosen' : 'cause-option'}
            aria-pressed={keyed ? chosen === cause : undefined}
            disabled={busy}
            onClick={() => void choose(cause)}
          >
            {t(`cause:causes.${cause}`)}
          </button>
        ))}
      </div>
      <p class="muted cause-hint">
        {chosen ? t('cause:choice.saved') : t('cause:choice.optional')}
      </p>
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
