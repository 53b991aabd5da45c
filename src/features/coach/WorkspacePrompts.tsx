import { useMemo } from 'preact/hooks';
import type { AnalysisResult } from '../../analysis';
import { t } from '../../i18n';
import { packageToClassData, type CoachPackage } from '../../intervisie';
import { promptTexts } from '../prompts/promptText';
import { packagePrompts } from './workspacePrompts';

/**
 * The questions Spiegel would ask the teacher about this package, read-only for the coach: the
 * observation, the question and the counts behind it, pupils by their codes.
 */
export function WorkspacePrompts({
  pkg,
  result,
  codes,
}: {
  pkg: CoachPackage;
  result: AnalysisResult;
  codes: ReadonlyMap<string, string>;
}) {
  const prompts = useMemo(() => packagePrompts(pkg, result), [pkg, result]);
  const lenses = useMemo(() => packageToClassData(pkg).lenses, [pkg]);
  return (
    <section class="card coach-section" aria-labelledby="ws-prompts-heading">
      <h2 id="ws-prompts-heading">{t('coach:workspace.promptsHeading')}</h2>
      <p class="muted">{t('coach:workspace.promptsIntro')}</p>
      {prompts.length === 0 ? (
        <p>{t('coach:workspace.noPrompts')}</p>
      ) : (
        <ul class="list coach-prompts">
          {prompts.map((prompt) => {
            const texts = promptTexts(prompt, { pupilNames: codes, lenses, intentions: [] });
            return (
              <li key={prompt.key} data-testid="workspace-prompt">
                <h3>{texts.title}</h3>
                <p>{texts.observation}</p>
                <p>
                  <strong>{texts.question}</strong>
                </p>
                <p class="muted">{texts.basis}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
