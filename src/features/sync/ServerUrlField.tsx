/** The sync server's address, as the first device's form and the short-code form ask it. */
export function ServerUrlField({
  label,
  value,
  disabled,
  onInput,
}: {
  label: string;
  value: string;
  disabled?: boolean;
  onInput: (value: string) => void;
}) {
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="wss://sync.school.nl"
        value={value}
        disabled={disabled}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </label>
  );
}
