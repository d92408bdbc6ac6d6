// One filter of the dashboard's form: a labelled select whose first option, when given, is
// "all" (the empty value); the URL's value is preselected.
export function FilterSelect({
  name,
  label,
  value,
  options,
  all,
}: {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  /** The label of the empty choice (no filter); omitted for selects that always hold a value. */
  all?: string;
}) {
  const id = `f-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {all !== undefined ? <option value="">{all}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
