import { useEffect, useRef, useState, type RefObject } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  complaintClassificationSchema,
  type Complaint,
  type ComplaintClassification,
} from '../../../../shared/schemas/complaint.ts';
import { PRIORITIES } from '../../../../shared/domain/complaint-status.ts';
import { EDITABLE_COMPLAINT_FIELDS } from '../../../../shared/domain/roles.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import type { Directory } from '../../session/use-directory.ts';
import { RemoteChangeBanner } from './RemoteChangeBanner.tsx';
import { useRemoteChange } from './use-remote-change.ts';

type ClassificationFormProps = {
  complaint: Complaint;
  directory: Directory;
  firstFieldRef?: RefObject<HTMLSelectElement | null>;
};

/** Category and priority; saved to the replica at once and queued for the server. */
export function ClassificationForm({
  complaint,
  directory,
  firstFieldRef,
}: ClassificationFormProps) {
  const { t } = useTranslation();
  const { officer, replica, sync } = useWorkstation();
  const [saved, setSaved] = useState(false);
  const editable = EDITABLE_COMPLAINT_FIELDS[officer.role].includes('categoryId');
  const form = useForm<ComplaintClassification>({
    resolver: zodResolver(complaintClassificationSchema),
    defaultValues: { categoryId: complaint.categoryId, priority: complaint.priority },
  });
  const { isDirty, isSubmitting, errors } = form.formState;
  const remote = useRemoteChange(complaint.id, complaint.serverSeq, isDirty);

  const shownId = useRef(complaint.id);
  useEffect(() => {
    // Another complaint was selected, or a newer state arrived while the form is untouched;
    // typed-in values are never replaced.
    const switched = shownId.current !== complaint.id;
    shownId.current = complaint.id;
    if (switched) setSaved(false);
    if (switched || !form.formState.isDirty) {
      form.reset({ categoryId: complaint.categoryId, priority: complaint.priority });
    }
  }, [complaint.id, complaint.categoryId, complaint.priority, form]);

  const submit = form.handleSubmit(async (values) => {
    const document = await replica.complaints.findOne(complaint.id).exec();
    if (!document) return;
    await sync.pending.track('complaints', [complaint.id], () => document.incrementalPatch(values));
    form.reset(values);
    setSaved(true);
  });

  const { ref: categoryRef, ...categoryField } = form.register('categoryId');
  return (
    <form
      className="classification-form"
      onSubmit={submit}
      aria-labelledby="classification-heading"
    >
      <h3 id="classification-heading">{t('form.heading')}</h3>
      {!editable && <p className="form-note">{t('form.readOnly')}</p>}
      {remote.changed && (
        <RemoteChangeBanner
          changedBy={complaint.updatedBy}
          onReload={() => {
            form.reset({ categoryId: complaint.categoryId, priority: complaint.priority });
            remote.acknowledge();
          }}
          onKeepMine={remote.acknowledge}
        />
      )}
      <label htmlFor="classification-category">{t('form.category')}</label>
      <select
        id="classification-category"
        disabled={!editable}
        {...categoryField}
        ref={(element) => {
          categoryRef(element);
          if (firstFieldRef) firstFieldRef.current = element;
        }}
      >
        {directory.categoryList.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name}
          </option>
        ))}
      </select>
      {errors.categoryId && <p className="field-error">{t('form.categoryRequired')}</p>}
      <label htmlFor="classification-priority">{t('form.priority')}</label>
      <select id="classification-priority" disabled={!editable} {...form.register('priority')}>
        {PRIORITIES.map((priority) => (
          <option key={priority} value={priority}>
            {t(`priority.${priority}`)}
          </option>
        ))}
      </select>
      {editable && (
        <div className="form-actions">
          <button type="submit" disabled={!isDirty || isSubmitting}>
            {t('form.save')}
          </button>
          {saved && !isDirty && (
            <span className="form-saved" role="status">
              {t('form.saved')}
            </span>
          )}
        </div>
      )}
    </form>
  );
}
