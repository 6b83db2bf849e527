import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { outputReleaseSchema } from '@registry/domain';
import { api, unwrap } from '../api/client.js';
import type { OutputReleaseRecorded } from '../api/types.js';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import { ProblemMessage } from '../components/Status.js';
import { useKeptState } from '../hooks.js';
import { useSession } from '../session.js';
import { issuesByField } from '../components/issues-by-field.js';

const empty = () => ({
  deliberation: '',
  dataset: '',
  description: '',
  releasedOn: '',
  analysed: true,
  performedOn: '',
  performedBy: '',
  passed: true,
  reportRef: '',
});

type OutputForm = ReturnType<typeof empty>;
type Setter = (name: keyof OutputForm) => (value: string | boolean) => void;

/** The body the server takes, from what is typed (the deliberation goes in the address). */
const toBody = (form: OutputForm) => ({
  dataset: form.dataset.trim(),
  description: form.description,
  releasedOn: form.releasedOn,
  smallCellRiskAnalysis: form.analysed
    ? { performedOn: form.performedOn, performedBy: form.performedBy, passed: form.passed, reportRef: form.reportRef.trim() || undefined }
    : undefined,
});

/** The small-cell risk analysis: when, by whom, and whether the output passed it. */
function AnalysisFields({ form, set, errors }: { form: OutputForm; set: Setter; errors: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('output.analysis')}</legend>
      <label className="check">
        <input type="checkbox" checked={form.analysed} onChange={(e) => set('analysed')(e.target.checked)} /> {t('output.analysed')}
      </label>
      {form.analysed && (
        <>
          <DateField
            label={t('output.performedOn')}
            value={form.performedOn}
            onChange={set('performedOn')}
            error={errors.performedOn}
            required
          />
          <Field
            label={t('output.performedBy')}
            value={form.performedBy}
            onChange={set('performedBy')}
            error={errors.performedBy}
            required
          />
          <label className="check">
            <input type="checkbox" checked={form.passed} onChange={(e) => set('passed')(e.target.checked)} /> {t('output.passed')}
          </label>
          <Field label={t('output.reportRef')} value={form.reportRef} onChange={set('reportRef')} error={errors.reportRef} />
        </>
      )}
    </fieldset>
  );
}

export default function OutputReleasePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [form, setForm, reset] = useKeptState('output-release', empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set: Setter = (name) => (value) => setForm((f) => ({ ...f, [name]: value }));
  const release = useMutation({
    mutationFn: ({ id, body }: { id: string; body: unknown }) =>
      unwrap<OutputReleaseRecorded>(api.POST('/deliberations/{id}/output-releases', { params: { path: { id } }, body: body as never })),
    onSuccess: () => reset(),
  });
  if (!can('steward')) return <p role="alert">{t('problem.forbidden')}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = outputReleaseSchema.safeParse(toBody(form));
    const found = result.success ? {} : issuesByField(result.error.issues, '', 'last');
    if (!/^\d{2}\/\d{3,}$/.test(form.deliberation.trim())) found.deliberation = t('output.numberNeeded');
    setErrors(found);
    if (result.success && !found.deliberation) release.mutate({ id: form.deliberation.trim().replace('/', '-'), body: result.data });
  };
  return (
    <section className="narrow">
      <h1>{t('output.title')}</h1>
      <p>{t('output.intro')}</p>
      {release.data && (
        <p className="success" role="status">
          {t('output.recorded')}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <Field
          label={t('check.deliberation')}
          value={form.deliberation}
          onChange={set('deliberation')}
          error={errors.deliberation}
          placeholder="24/130"
          required
        />
        <Field label={t('check.dataset')} value={form.dataset} onChange={set('dataset')} error={errors.dataset} required />
        <Field
          label={t('output.description')}
          value={form.description}
          onChange={set('description')}
          error={errors.description}
          multiline={2}
          required
        />
        <DateField label={t('output.releasedOn')} value={form.releasedOn} onChange={set('releasedOn')} error={errors.releasedOn} required />
        <AnalysisFields form={form} set={set} errors={errors} />
        <ProblemMessage error={release.error} />
        <button type="submit" disabled={release.isPending}>
          {t('output.submit')}
        </button>
      </form>
    </section>
  );
}
