/**
 * The value, change handler and error of one text field of a form kept as an object of
 * strings: `<Field label=… {...bind('reason')} />`.
 */
export function binder<Form extends Record<string, string>>(
  form: Form,
  setForm: (update: (previous: Form) => Form) => void,
  errors: Record<string, string | undefined> = {},
) {
  return (name: keyof Form & string) => ({
    value: form[name],
    onChange: (value: string) => setForm((f) => ({ ...f, [name]: value })),
    error: errors[name],
  });
}
