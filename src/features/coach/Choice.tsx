import { useId } from 'preact/hooks';

interface Props {
  type: 'radio' | 'checkbox';
  name?: string;
  checked: boolean;
  label: string;
  /** Shown under the label and read as the control's description (not part of its name). */
  hint?: string;
  onChange: (checked: boolean) => void;
}

/** A radio button or checkbox with its label and an optional hint, as one large tap area. */
export function Choice({ type, name, checked, label, hint, onChange }: Props) {
  const id = useId();
  return (
    <div class="coach-choice">
      <input
        id={id}
        type={type}
        name={name}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <div>
        <label for={id}>{hint ? <strong>{label}</strong> : label}</label>
        {hint ? (
          <span id={`${id}-hint`} class="muted">
            {hint}
          </span>
        ) : null}
      </div>
    </div>
  );
}
