export interface InputFieldProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  narrow?: boolean;
  name?: string;
  type?: 'text' | 'url' | 'date';
  lang?: string;
}

/** A labelled text input of the form. */
export function InputField({ label, narrow = false, onValue, ...input }: InputFieldProps) {
  return (
    <label class={`gp-field${narrow ? ' gp-field--narrow' : ''}`}>
      <span class="gp-field__label">{label}</span>
      <input
        class="gp-input"
        // Preact types `type` as a union per input kind; these four attributes are plain strings.
        {...(input as Record<string, string | undefined>)}
        onInput={(e) => onValue((e.target as HTMLInputElement).value)}
      />
    </label>
  );
}
