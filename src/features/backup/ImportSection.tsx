import { useEffect, useRef, useState } from 'preact/hooks';
import { ImportError } from '../../model/importErrors';
import { MAX_BACKUP_BYTES } from '../../db/backup/format';
import { CancelledError } from '../../db/backup/stream';
import {
  applyImport,
  prepareImport,
  type ImportMode,
  type ImportResult,
} from '../../db/backup/import';
import type { ValidatedBackup } from '../../db/backup/validate';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';
import { formatNumber, formatPercent } from '../../i18n/format';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { askToKeepData } from '../../ui/keepData';
import { ImportResultView } from './ImportResultView';
import { ImportSummary } from './ImportSummary';
import { BackupUnlock } from './BackupUnlock';
import { importErrorMessage } from './importMessage';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  /** An encrypted backup: the passphrase is asked before anything is read. */
  | { kind: 'locked'; file: File; error: string }
  | { kind: 'ready'; prepared: ValidatedBackup; fileName: string }
  | { kind: 'writing'; prepared: ValidatedBackup; fileName: string }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled' };

/**
 * Restore: choose a file → see what it holds (nothing written yet) → merge or replace
 * (replace only after typing a word) → see what changed. A bad file is explained, and the
 * teacher is told that nothing in the app changed.
 */
const IMPORT_MODES: readonly ImportMode[] = ['merge', 'replace'];

export function ImportSection() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [mode, setMode] = useState<ImportMode>('merge');
  const [confirming, setConfirming] = useState(false);
  /** Fraction done of the current read or write, for the percentage shown. */
  const [progress, setProgress] = useState(0);
  const cancel = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLHeadingElement>(null);

  // Move focus to the outcome so screen readers hear it.
  useEffect(() => {
    if (step.kind === 'done' || step.kind === 'error' || step.kind === 'cancelled')
      outcome.current?.focus();
  }, [step.kind]);

  const busy = step.kind === 'reading' || step.kind === 'writing';
  const progressView = busy ? (
    <div class="backup-progress">
      <p role="status">
        {t(
          step.kind === 'reading' ? 'backup:import.readingPercent' : 'backup:import.writingPercent',
          {
            percent: formatPercent(progress),
          },
        )}
      </p>
      <progress max={100} value={Math.round(progress * 100)} aria-hidden="true" />
      <button type="button" onClick={() => cancel.current?.abort()}>
        {t('backup:import.cancel')}
      </button>
    </div>
  ) : null;

  const fail = (e: unknown) => {
    if (e instanceof CancelledError) {
      setStep({ kind: 'cancelled' });
      return;
    }
    if (e instanceof ImportError && e.code === 'storage') reportStorageError(e.cause);
    setStep({ kind: 'error', message: importErrorMessage(e) });
  };

  const choose = async (file: File | undefined, passphrase?: string) => {
    if (!file) return;
    setStep({ kind: 'reading' });
    setMode('merge');
    setProgress(0);
    const controller = new AbortController();
    cancel.current = controller;
    try {
      const prepared = await prepareImport(file, {
        signal: controller.signal,
        onProgress: setProgress,
        passphrase,
      });
      setStep({ kind: 'ready', prepared, fileName: file.name });
    } catch (e) {
      // A protected file (or a wrong passphrase): ask again; nothing has been read or written.
      if (e instanceof ImportError && e.code === 'passphraseRequired')
        setStep({ kind: 'locked', file, error: '' });
      else if (e instanceof ImportError && e.code === 'decryptFailed')
        setStep({ kind: 'locked', file, error: importErrorMessage(e) });
      else fail(e);
    } finally {
      // So that choosing the same file again (after fixing it) is noticed.
      if (input.current) input.current.value = '';
    }
  };

  const restore = async (prepared: ValidatedBackup, fileName: string) => {
    setConfirming(false);
    setStep({ kind: 'writing', prepared, fileName });
    setProgress(0);
    const controller = new AbortController();
    cancel.current = controller;
    try {
      const result = await applyImport(prepared, mode, {
        signal: controller.signal,
        onProgress: setProgress,
      });
      setStep({ kind: 'done', result });
      askToKeepData();
    } catch (e) {
      fail(e);
    }
  };

  const reset = () => {
    setStep({ kind: 'idle' });
    if (input.current) input.current.value = '';
    input.current?.focus();
  };

  const prepared = step.kind === 'ready' || step.kind === 'writing' ? step : null;
  const classScope = prepared?.prepared.file.scope.kind === 'class';
  const className = prepared?.prepared.summary.classNames[0] ?? '';
  const replaceBlocked = (prepared?.prepared.externalRefs.length ?? 0) > 0;

  return (
    <section class="card backup-section" aria-labelledby="backup-import-heading">
      <h2 id="backup-import-heading">{t('backup:import.heading')}</h2>
      <p>{t('backup:import.intro')}</p>
      <p class="muted" id="backup-import-limit">
        {t('backup:import.limit', { max: formatNumber(MAX_BACKUP_BYTES / 1_000_000, 0) })}
      </p>
      <label class="field">
        <span>{t('backup:import.fileLabel')}</span>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          aria-describedby="backup-import-limit"
          disabled={busy}
          onChange={(e) => {
            void choose(e.currentTarget.files?.[0]);
          }}
        />
      </label>
      {step.kind === 'reading' ? progressView : null}
      {step.kind === 'locked' ? (
        <BackupUnlock
          fileName={step.file.name}
          error={step.error}
          onUnlock={(pass) => void choose(step.file, pass)}
          onCancel={reset}
        />
      ) : null}

      {prepared ? (
        <>
          <ImportSummary prepared={prepared.prepared} fileName={prepared.fileName} />
          <ChoiceGroup
            class="backup-modes"
            optionClass="backup-mode"
            legend={t('backup:import.modeLegend')}
            name="backup-mode"
            options={IMPORT_MODES}
            value={mode}
            onChange={setMode}
            optionDisabled={(m) => m === 'replace' && replaceBlocked}
            label={(m) => (
              <span>
                <strong>{t(`backup:import.${m}`)}</strong>
                <span class="muted">
                  {m === 'merge'
                    ? t('backup:import.mergeHint')
                    : t(
                        classScope ? 'backup:import.replaceClassHint' : 'backup:import.replaceHint',
                      )}
                </span>
              </span>
            )}
          />
          {replaceBlocked ? <p class="muted">{t('backup:import.replaceUnavailable')}</p> : null}
          <div class="row">
            <button
              type="button"
              class={mode === 'replace' ? 'danger primary' : 'primary'}
              disabled={step.kind === 'writing'}
              onClick={() =>
                mode === 'replace'
                  ? setConfirming(true)
                  : void restore(prepared.prepared, prepared.fileName)
              }
            >
              {step.kind === 'writing' ? t('backup:import.writing') : t('backup:import.restore')}
            </button>
            <button type="button" disabled={step.kind === 'writing'} onClick={reset}>
              {t('backup:import.another')}
            </button>
          </div>
          <ConfirmDialog
            open={confirming}
            title={t(classScope ? 'backup:import.confirmClassTitle' : 'backup:import.confirmTitle')}
            body={
              classScope
                ? t('backup:import.confirmClassBody', { name: className })
                : t('backup:import.confirmBody')
            }
            confirmLabel={t('backup:import.confirmButton')}
            requireWord={t('backup:import.word')}
            danger
            onConfirm={() => void restore(prepared.prepared, prepared.fileName)}
            onCancel={() => setConfirming(false)}
          />
        </>
      ) : null}

      {step.kind === 'writing' ? progressView : null}

      {step.kind === 'cancelled' ? (
        <div class="backup-outcome">
          <h3 ref={outcome} tabIndex={-1}>
            {t('backup:import.cancelled')}
          </h3>
        </div>
      ) : null}

      {step.kind === 'done' ? (
        <div class="backup-outcome backup-ok">
          <h3 ref={outcome} tabIndex={-1}>
            <span aria-hidden="true">✓ </span>
            {t('backup:import.doneHeading')}
          </h3>
          <ImportResultView result={step.result} />
        </div>
      ) : null}

      {step.kind === 'error' ? (
        <div class="backup-outcome backup-error" role="alert">
          <h3 ref={outcome} tabIndex={-1}>
            <span aria-hidden="true">! </span>
            {t('backup:import.errorHeading')}
          </h3>
          <p>{step.message}</p>
          <p>
            <strong>{t('backup:import.unchangedData')}</strong>
          </p>
        </div>
      ) : null}
    </section>
  );
}
