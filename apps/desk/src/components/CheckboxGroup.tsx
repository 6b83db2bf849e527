interface CheckboxGroupProps {
  legend: string;
  options: { value: string; label: string }[];
  selected: readonly string[];
  onChange(selected: string[]): void;
  error?: string;
}

/** A labelled set of checkboxes (roles, tables), with its error under it. */
export function CheckboxGroup({ legend, options, selected, onChange, error }: CheckboxGroupProps) {
  return (
    <fieldset className="roles">
      <legend>{legend}</legend>
      {options.map(({ value, label }) => (
        <label key={value} className="check">
          <input
            type="checkbox"
            checked={selected.includes(value)}
            onChange={(e) => onChange(e.target.checked ? [...selected, value] : selected.filter((s) => s !== value))}
          />
          {label}
        </label>
      ))}
      {error && <small className="error">{error}</small>}
    </fieldset>
  );
}
