import { MIN_PASSPHRASE_LENGTH } from '../../db/lock/keys';
import { t } from '../../i18n';
import { PassphraseField } from './PassphraseField';

/** Why a new passphrase typed twice cannot be used (too short, or the two differ), or null. */
export function newPassphraseError(passphrase: string, repeat: string): string | null {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH)
    return t('lock:errors.tooShort');
  if (passphrase !== repeat) return t('lock:errors.mismatch');
  return null;
}

interface NewPassphraseProps {
  /** The fields' ids are `<idPrefix>-new` and `<idPrefix>-repeat`. */
  idPrefix: string;
  passphrase: string;
  repeat: string;
  onPassphrase: (value: string) => void;
  onRepeat: (value: string) => void;
  /** Shown under the second field (where the teacher looks last). */
  error: string | null;
}

/** A new passphrase, typed twice so a typing slip cannot lock the teacher out. */
export function NewPassphrase(props: NewPassphraseProps) {
  return (
    <>
      <PassphraseField
        id={`${props.idPrefix}-new`}
        label={t('lock:settings.passphrase')}
        hint={t('lock:settings.passphraseHint')}
        value={props.passphrase}
        onInput={props.onPassphrase}
        autoComplete="new-password"
      />
      <PassphraseField
        id={`${props.idPrefix}-repeat`}
        label={t('lock:settings.repeat')}
        value={props.repeat}
        onInput={props.onRepeat}
        error={props.error}
        autoComplete="new-password"
      />
    </>
  );
}
