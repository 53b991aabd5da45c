import { INTERACTION_KINDS, KIND_INFO, type InteractionKind } from '../../model/kinds';
import { t } from '../../i18n';
import { Sheet } from './Sheet';

/** The keyboard shortcuts of the logging grid, opened with `?`. */
export function HelpSheet({
  hidden,
  guideHref,
  onClose,
}: {
  hidden: readonly InteractionKind[];
  /** The coding guide (what counts as each kind), returning to this lesson. */
  guideHref: string;
  onClose: () => void;
}) {
  const kinds = INTERACTION_KINDS.filter((k) => k === 'turn' || !hidden.includes(k));
  const row = (key: string, what: string) => (
    <tr key={key + what}>
      <th scope="row">
        <kbd>{key}</kbd>
      </th>
      <td>{what}</td>
    </tr>
  );
  return (
    <Sheet title={t('logging:help.title')} onClose={onClose}>
      <p class="sheet-note">{t('logging:help.intro')}</p>
      <table class="help-keys">
        <tbody>
          {row(t('logging:help.arrowsKey'), t('logging:help.arrows'))}
          {row(t('logging:help.homeEndKey'), t('logging:help.homeEnd'))}
          {row(t('logging:help.enterKey'), t('logging:help.enter'))}
          {kinds.map((k) =>
            row(t(`logging:keys.${k}`), `${KIND_INFO[k].symbol} ${t(`kinds:${k}.label`)}`),
          )}
          {row(t('logging:keys.more'), t('logging:help.more'))}
          {row(t('logging:keys.absent'), t('logging:help.absent'))}
          {row('1–5', t('logging:help.qualifiers'))}
          {row(t('logging:keys.undo'), t('logging:help.undo'))}
          {row('?', t('logging:help.help'))}
        </tbody>
      </table>
      <p class="sheet-note">
        <a href={guideHref}>{t('guide:open')}</a>
      </p>
    </Sheet>
  );
}
