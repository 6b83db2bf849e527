import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../document-form.js';
import { readCatalogue, writeCatalogue, type Catalogue } from './catalogue-model.js';
import { DatasetEditor } from './DatasetEditor.js';
import { TableEditor } from './TableEditor.js';
import { VariableEditor } from './VariableEditor.js';

interface Props {
  text: string;
  onText(text: string): void;
  errors: FieldErrors;
}

/**
 * Datasets, tables and variables by form, over the catalogue text (each edit rewrites the text
 * as YAML). Errors are the schema's, each next to its field.
 */
export function CatalogueEditor({ text, onText, errors }: Props) {
  const { t } = useTranslation();
  const catalogue = readCatalogue(text);
  if (!catalogue) return <p className="notice">{t('catalogueEditor.unreadable')}</p>;
  const change = (update: (c: Catalogue) => Catalogue) => onText(writeCatalogue(update(catalogue)));
  const errorAt = (path: string) => errors[`catalogue:${path}`];
  const props = { catalogue, change, errorAt };
  return (
    <div className="catalogue-editor">
      <VariableEditor {...props} />
      <TableEditor {...props} />
      <DatasetEditor {...props} />
    </div>
  );
}
