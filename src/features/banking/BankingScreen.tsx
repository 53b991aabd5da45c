import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { loadBankingData } from '../../db/repo/banking';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { BankingForm } from './BankingForm';
import { BankingList } from './BankingList';
import './banking.css';

/** Banking Time: what it is, logging a moment, and the moments so far per pupil. */
export function BankingScreen({ classId }: { classId: string }) {
  const view = useLiveQuery(() => loadBankingData(classId), [classId]);
  if (view === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (view === null) {
    return (
      <Screen title={t('banking:notFound.title')} back="#/">
        <p>{t('banking:notFound.body')}</p>
      </Screen>
    );
  }
  const current = view.pupils.filter((p) => !p.removedAt);
  return (
    <Screen title={t('banking:title', { name: view.cls.name })} back={href('class', classId)}>
      <details class="card banking-about" open={view.sessions.length === 0}>
        <summary>{t('banking:about.title')}</summary>
        <p>{t('banking:about.what')}</p>
        <p>{t('banking:about.how')}</p>
        <p class="muted">{t('banking:about.source')}</p>
      </details>
      <h2>{t('banking:form.title')}</h2>
      {current.length > 0 ? (
        <BankingForm classId={classId} pupils={current} />
      ) : (
        <p class="card">
          {t('banking:noPupils')}{' '}
          <a href={href('class', classId, 'pupils')}>{t('banking:addPupils')}</a>
        </p>
      )}
      <h2>{t('banking:list.title')}</h2>
      <BankingList pupils={view.pupils} sessions={view.sessions} />
    </Screen>
  );
}
