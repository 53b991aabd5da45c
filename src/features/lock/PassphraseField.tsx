import type { Ref } from 'preact';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string | null;
  /** `current-password` to unlock, `new-password` to set one (password managers follow it). */
  autoComplete: 'current-password' | 'new-password' | 'off';
  inputRef?: Ref<HTMLInputElement>;
  /** A recovery code is not secret on screen: shown as text, without spell checking. */
  visible?: boolean;
}

/** A labelled passphrase input with an optional hint and an error announced with it. */
export function PassphraseField(p: Props) {
  const describedBy = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={p.id} class="field-label">
        {p.label}
      </label>
      {p.hint ? (
        <span id={`${p.id}-hint`} class="hint">
          {p.hint}
        </span>
      ) : null}
      <input
        id={p.id}
        ref={p.inputRef}
        // Preact's input types are a union per `type`; tsc needs the cast, eslint thinks not.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        type={(p.visible ? 'text' : 'password') as 'password'}
        value={p.value}
        autoComplete={p.autoComplete}
        autoCapitalize="off"
        spellcheck={false}
        aria-describedby={describedBy || undefined}
        aria-invalid={p.error ? true : undefined}
        onInput={(e) => p.onInput(e.currentTarget.value)}
      />
      {p.error ? (
        <p id={`${p.id}-error`} class="field-error" role="alert">
          {p.error}
        </p>
      ) : null}
    </div>
  );
}
