import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Delivery } from '../../api/types.js';
import { binder } from '../../components/bind.js';
import { Field } from '../../components/Field.js';
import { ProblemMessage } from '../../components/Status.js';
import { showDate } from '../../format.js';

export interface DeliveryDetails extends Record<string, string> {
  reference: string;
  checksum: string;
  medium: string;
}

interface DeliveryStepProps {
  details: DeliveryDetails;
  setDetails: (update: (previous: DeliveryDetails) => DeliveryDetails) => void;
  errors: Record<string, string>;
  error: unknown;
  pending: boolean;
  record: () => void;
}

/** From an authorised answer, the delivery in one step: reference, checksum and medium. */
export function DeliveryStep({ details, setDetails, errors, error, pending, record }: DeliveryStepProps) {
  const { t } = useTranslation();
  const bind = binder(details, setDetails, errors);
  return (
    <fieldset className="deliver">
      <legend>{t('check.recordDelivery')}</legend>
      <div className="grid">
        <Field label={t('check.reference')} {...bind('reference')} />
        <Field label={t('check.checksum')} {...bind('checksum')} hint={t('check.checksumHint')} />
        <Field label={t('check.medium')} {...bind('medium')} />
      </div>
      <ProblemMessage error={error} />
      <button type="button" onClick={record} disabled={pending}>
        {t('check.deliverSubmit')}
      </button>
    </fieldset>
  );
}

export function Delivered({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  return (
    <p className="success" role="status">
      {t('check.delivered', {
        date: showDate(delivery.deliveredOn),
        destroyBy: delivery.destroyBy ? showDate(delivery.destroyBy) : t('check.noObligation'),
      })}{' '}
      <Link to={`/desk/deliveries/${delivery.id}`}>{t('check.openDelivery')}</Link>
    </p>
  );
}
