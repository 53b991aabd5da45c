import { useState } from 'preact/hooks';
import type { ClassRecord } from '../../model/types';
import { scaleLabels } from '../../domain/scales';
import { t } from '../../i18n';
import { ScaleEditor } from './ScaleEditor';

interface ScaleSectionProps {
  cls: ClassRecord;
  ratingCount: number;
}

/** The class's current scale in words, with a way to switch to the school's own levels. */
export function ScaleSection({ cls, ratingCount }: ScaleSectionProps) {
  const [editing, setEditing] = useState(false);
  const scale = cls.expectationScale;
  return (
    <section class="card exp-scale" aria-labelledby="exp-scale-title">
      <h2 id="exp-scale-title">{t('expectations:scale.heading')}</h2>
      <p>
        {scale.kind === 'relative5'
          ? t('expectations:scale.relativeName')
          : t('expectations:scale.levelsName', { levels: scale.levels.join(', ') })}
      </p>
      {scale.kind === 'relative5' ? (
        <ol class="exp-scale-steps">
          {scaleLabels(scale, (key) => t(key)).map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ol>
      ) : null}
      {editing ? (
        <ScaleEditor cls={cls} ratingCount={ratingCount} onClose={() => setEditing(false)} />
      ) : (
        <button type="button" onClick={() => setEditing(true)}>
          {t('expectations:scale.change')}
        </button>
      )}
    </section>
  );
}
