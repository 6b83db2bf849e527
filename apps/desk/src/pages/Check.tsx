import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.js';
import type { CheckAnswer, Delivery } from '../api/types.js';
import { ProblemMessage } from '../components/Status.js';
import { showDate } from '../format.js';
import { useKeptState } from '../hooks.js';
import { useSession } from '../session.js';
import { applyFix, checkErrors, emptyCheck, toRelease, type CheckForm } from './check/check-form.js';
import { Delivered, DeliveryStep, type DeliveryDetails } from './check/DeliveryStep.js';
import { Reasons } from './check/Reasons.js';
import { ReleaseForm } from './check/ReleaseForm.js';

const noDetails = (): DeliveryDetails => ({ reference: '', checksum: '', medium: '' });

/** The delivery records exactly the release that was checked (whatever is typed since), with its details. */
function deliveryBody(checked: Record<string, unknown> | null, answer: CheckAnswer | undefined, details: DeliveryDetails) {
  const body: Record<string, unknown> = {
    ...checked,
    deliberation: answer?.deliberation ?? undefined,
    reference: details.reference.trim() || undefined,
    checksum: details.checksum.trim() || undefined,
    medium: details.medium.trim() || undefined,
  };
  if (!body.on && answer) body.on = answer.on;
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

export default function CheckPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [form, setForm] = useKeptState<CheckForm>('check', emptyCheck);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [details, setDetails] = useKeptState('delivery', noDetails);
  const check = useMutation({
    mutationFn: (body: unknown) => unwrap<CheckAnswer>(api.POST('/authorisation-checks', { body: body as never })),
  });
  const deliver = useMutation({ mutationFn: (body: unknown) => unwrap<Delivery>(api.POST('/deliveries', { body: body as never })) });
  const answer = check.data;
  const [checked, setChecked] = useState<Record<string, unknown> | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = toRelease(form);
    const found = checkErrors(body);
    setErrors(found);
    deliver.reset();
    if (Object.keys(found).length === 0) check.mutate(body, { onSuccess: () => setChecked(body) });
  };
  const record = () => {
    const body = deliveryBody(checked, answer, details);
    const found = checkErrors(body, true);
    setErrors(found);
    if (Object.keys(found).length === 0) deliver.mutate(body, { onSuccess: () => setDetails(noDetails()) });
  };
  const set = (name: keyof CheckForm) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  return (
    <section>
      <h1>{t('check.title')}</h1>
      <p>{t('check.intro')}</p>
      <ReleaseForm form={form} set={set} errors={errors} submit={submit} pending={check.isPending} />
      <ProblemMessage error={check.error} />
      {answer && (
        <section className={answer.authorised ? 'answer ok' : 'answer refused'} aria-live="polite">
          <h2>
            {answer.authorised
              ? t('check.authorised', { deliberation: answer.deliberation, date: showDate(answer.on) })
              : t('check.refused', { count: answer.reasons.length, date: showDate(answer.on) })}
          </h2>
          {answer.reasons.length > 0 && <Reasons reasons={answer.reasons} onFix={(fix) => setForm((f) => applyFix(f, fix))} />}
          {answer.authorised && can('steward') && !deliver.data && (
            <DeliveryStep {...{ details, setDetails, errors, record }} error={deliver.error} pending={deliver.isPending} />
          )}
          {deliver.data && <Delivered delivery={deliver.data} />}
        </section>
      )}
    </section>
  );
}
