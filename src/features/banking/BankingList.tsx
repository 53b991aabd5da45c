import { monthTotals } from '../../db/repo/banking';
import type { BankingSession, PupilRecord } from '../../model/types';
import { t } from '../../i18n';
import { SessionItem } from './SessionItem';

interface BankingListProps {
  /** Every pupil of the class, removed ones included (their history stays), by name. */
  pupils: readonly PupilRecord[];
  /** Newest first. */
  sessions: readonly BankingSession[];
}

/** Sessions grouped per pupil, with what this month added up to. */
export function BankingList({ pupils, sessions }: BankingListProps) {
  if (sessions.length === 0) return <p class="muted">{t('banking:list.empty')}</p>;
  const totals = monthTotals(sessions, new Date());
  const groups = pupils
    .map((pupil) => ({ pupil, items: sessions.filter((s) => s.pupilId === pupil.id) }))
    .filter((g) => g.items.length > 0);
  return (
    <div class="banking-groups">
      {groups.map(({ pupil, items }) => {
        const total = totals.get(pupil.id);
        return (
          <section key={pupil.id} class="card banking-group" aria-labelledby={`bg-${pupil.id}`}>
            <h3 id={`bg-${pupil.id}`}>{pupil.name}</h3>
            <p class="banking-total">
              {total
                ? t('banking:list.month', {
                    count: total.sessions,
                    minutes: t('banking:minutes', { count: total.minutes }),
                  })
                : t('banking:list.noneThisMonth')}
            </p>
            <ul class="list">
              {items.map((s) => (
                <SessionItem key={s.id} session={s} pupilName={pupil.name} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
