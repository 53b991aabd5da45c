import type { IntentionRecord } from '../../model/types';
import { ON_TRACK, type IntentionProgress } from '../../domain/intentions';
import { describeStatus } from './describe';

interface ProgressBarProps {
  progress: IntentionProgress;
  intention: Pick<IntentionRecord, 'from'>;
}

/**
 * Share of the counted lessons in which the intention was met, with a mark at the on-track line.
 * The bar is decoration: the sentence under it says the same in words.
 */
export function ProgressBar({ progress, intention }: ProgressBarProps) {
  const total = progress.lessons.length;
  const share = total > 0 ? progress.met / total : 0;
  const tone = progress.status === 'onTrack' ? 'on-track' : 'not-yet';
  const symbol = progress.status === 'onTrack' ? '✓' : progress.status === 'notYet' ? '○' : null;
  return (
    <div class={`intention-progress ${tone}`}>
      {progress.phase !== 'upcoming' ? (
        <div class="intention-bar" aria-hidden="true">
          <span class="intention-bar-fill" style={{ width: `${Math.round(share * 100)}%` }} />
          <span
            class="intention-bar-mark"
            style={{ left: `${Math.round((100 * ON_TRACK.met) / ON_TRACK.of)}%` }}
          />
        </div>
      ) : null}
      <p class="intention-status">
        {symbol ? (
          <>
            <span aria-hidden="true" class="intention-status-symbol">
              {symbol}
            </span>{' '}
          </>
        ) : null}
        {describeStatus(progress, intention)}
      </p>
    </div>
  );
}
