import { useId, useState } from 'react';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import type { ResponseTemplateKind } from '../../../../shared/schemas/response-template.ts';
import { renderResponseTemplate } from '../../../../shared/templates/render-response-template.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { useResponseTemplates } from './use-response-templates.ts';
import './template-picker.css';

type TemplatePickerProps = {
  complaint: Complaint;
  kind: ResponseTemplateKind;
  /** Receives the template filled in for this complaint, for the officer to edit before sending. */
  onInsert: (text: string) => void;
};

/** Picks an active template of one kind and inserts it rendered for the complaint. */
export function TemplatePicker({ complaint, kind, onInsert }: TemplatePickerProps) {
  const { t } = useTranslation();
  const { replica, instansi } = useWorkstation();
  const templates = useResponseTemplates(kind);
  const [selectedId, setSelectedId] = useState('');
  const [unknown, setUnknown] = useState<string[]>([]);
  const selectId = useId();
  const selected = templates.find((template) => template.id === selectedId);

  async function insert() {
    if (!selected) return;
    const unit = complaint.unitId ? await replica.units.findOne(complaint.unitId).exec() : null;
    const rendered = renderResponseTemplate(selected.body, {
      complaint,
      unitName: unit?.name ?? '',
      now: Date.now(),
      utcOffsetMinutes: instansi.utcOffsetMinutes,
    });
    setUnknown(rendered.unknownPlaceholders);
    onInsert(rendered.text);
  }

  if (templates.length === 0) {
    return (
      <p className="template-picker-empty" data-testid="template-picker">
        {t('templatePicker.none')}
      </p>
    );
  }
  return (
    <div className="template-picker" data-testid="template-picker">
      <label htmlFor={selectId}>{t('templatePicker.label')}</label>
      <div className="template-picker-row">
        <select
          id={selectId}
          value={selected ? selected.id : ''}
          onChange={(event) => {
            setSelectedId(event.target.value);
            setUnknown([]);
          }}
        >
          <option value="">{t('templatePicker.choose')}</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.title}
            </option>
          ))}
        </select>
        <button type="button" disabled={!selected} onClick={() => void insert()}>
          {t('templatePicker.insert')}
        </button>
      </div>
      {unknown.length > 0 && (
        <p className="template-warning" role="alert">
          {t('templatePicker.unknown', { names: unknown.map((name) => `{${name}}`).join(', ') })}
        </p>
      )}
    </div>
  );
}
