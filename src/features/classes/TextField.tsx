import type { Ref } from 'preact';
import './forms.css';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  /** Shown under the field and announced with it (aria-describedby). */
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
  /** Id of a <datalist> with suggestions. */
  list?: string;
  /** Keep the label for screen readers only (inline editing in a list row). */
  hideLabel?: boolean;
  autoComplete?: string;
  onKeyDown?: (event: KeyboardEvent) => void;
}

/**
 * A labelled text input with an optional hint and error. No maxLength on purpose: a pasted
 * name that is too long is explained, not silently cut off.
 */
export function TextField(props: TextFieldProps) {
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={props.id} class={props.hideLabel ? 'visually-hidden' : 'field-label'}>
        {props.label}
      </label>
      {props.hint ? (
        <span id={hintId} class="hint">
          {props.hint}
        </span>
      ) : null}
      <input
        id={props.id}
        ref={props.inputRef}
        type="text"
        value={props.value}
        list={props.list}
        autoComplete={props.autoComplete ?? 'off'}
        aria-describedby={describedBy || undefined}
        aria-invalid={props.error ? true : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        onKeyDown={props.onKeyDown}
      />
      {props.error ? (
        <p id={errorId} class="field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
