import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { href } from '../../ui/router';
import type { PupilRecord } from '../../model/types';
import { t } from '../../i18n';
import type { Outcome } from './ExpectationPass';
import { PassSummary } from './PassSummary';
import { RoundStart } from './RoundStart';

type Mode =
  | { kind: 'idle' }
  | { kind: 'pass'; queue: string[]; run: number }
  | { kind: 'summary'; outcomes: Map<string, Outcome>; queue: string[] };

export interface RoundFlowProps {
  ns: 'expectations' | 'relationships';
  classId: string;
  pupils: PupilRecord[];
  ratedToday: (pupilId: string) => boolean;
  /** A table on wide screens; a pass, one card per pupil, on phones. */
  wide: boolean;
  /** Above the round while no pass runs (the question, the privacy promise). */
  intro: ComponentChildren;
  /** How the latest round went, and (phones) the current ratings. */
  status: ComponentChildren;
  overview: ComponentChildren;
  table: ComponentChildren;
  pass: (queue: string[], onDone: (outcomes: Map<string, Outcome>) => void) => ComponentChildren;
  /** Below the round while no pass runs (the scale). */
  after?: ComponentChildren;
}

/**
 * A rating round (expectations, relationships): start it, one card per pupil, a summary, and the
 * state of the latest round; on wide screens a table instead of the cards.
 */
export function RoundFlow(props: RoundFlowProps) {
  const { ns, classId, pupils, wide } = props;
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const startPass = (queue: string[]) =>
    setMode({ kind: 'pass', queue, run: mode.kind === 'pass' ? mode.run + 1 : 0 });
  const passing = mode.kind === 'pass' && !wide;
  return (
    <>
      {passing ? null : props.intro}
      {pupils.length === 0 ? (
        <p class="card">
          {t(`${ns}:noPupils`)}{' '}
          <a href={href('class', classId, 'pupils')}>{t(`${ns}:addPupils`)}</a>
        </p>
      ) : wide ? (
        <>
          {props.status}
          {props.table}
        </>
      ) : mode.kind === 'pass' ? (
        // A new key per run: "go through them again" starts a fresh pass.
        <Fragment key={mode.run}>
          {props.pass(mode.queue, (outcomes) =>
            setMode({ kind: 'summary', outcomes, queue: mode.queue }),
          )}
        </Fragment>
      ) : (
        <>
          {mode.kind === 'summary' ? (
            <PassSummary
              pupils={pupils}
              outcomes={mode.outcomes}
              queue={mode.queue}
              ns={ns}
              onAgain={startPass}
              onClose={() => setMode({ kind: 'idle' })}
            />
          ) : (
            <RoundStart
              pupilIds={pupils.map((p) => p.id)}
              ratedToday={props.ratedToday}
              ns={ns}
              onStart={startPass}
            />
          )}
          {props.status}
          {props.overview}
        </>
      )}
      {passing ? null : props.after}
    </>
  );
}
