import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  followUpRefusal,
  followUpTextSchema,
  FOLLOW_UP_KINDS,
  type FollowUpText,
} from '../../../../shared/domain/follow-up.ts';
import { MAX_ATTACHMENTS_PER_EVENT } from '../../../../shared/attachments/attachment-rules.ts';
import type { AttachmentFile } from '../../../../shared/schemas/attachment-file.ts';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDateTime } from '../../i18n/translate.ts';
import { TemplatePicker } from './TemplatePicker.tsx';
import { addDraftAttachment, removeDraftAttachment } from './draft-attachments.ts';
import {
  clearFollowUpDraft,
  loadFollowUpDraft,
  saveFollowUpDraft,
} from '../../db/follow-up-draft.ts';
import { postFollowUp } from './post-follow-up.ts';
import { prepareAttachment } from './prepare-attachment.ts';
import './follow-up.css';
import { describeError, describeMessage } from '../../i18n/describe-error.ts';

/** A draft is written this long after the last keystroke: a crash loses at most this much. */
const AUTOSAVE_DELAY_MS = 700;

function useDraftFiles(complaintId: string): AttachmentFile[] {
  const { replica } = useWorkstation();
  const [files, setFiles] = useState<AttachmentFile[]>([]);
  useEffect(() => {
    const subscription = replica.attachment_files
      .find({ selector: { complaintId, state: 'draft' }, sort: [{ createdAt: 'asc' }] })
      .$.subscribe((documents) =>
        setFiles(documents.map((document) => document.toJSON() as AttachmentFile)),
      );
    return () => subscription.unsubscribe();
  }, [replica, complaintId]);
  return files;
}

/**
 * The OPD's public response or internal note on one complaint, with template, photos and PDFs.
 * Everything typed or attached is kept in the replica as a draft until it is posted.
 */
export function FollowUpComposer({ complaint }: { complaint: Complaint }) {
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const { replica, officer, instansi } = workstation;
  const publicRefusal = followUpRefusal(complaint, officer, 'tindak_lanjut');
  const form = useForm<FollowUpText>({
    resolver: zodResolver(followUpTextSchema),
    defaultValues: { kind: publicRefusal ? 'catatan_internal' : 'tindak_lanjut', content: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });
  const content = useWatch({ control: form.control, name: 'content' });
  const files = useDraftFiles(complaint.id);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [preparing, setPreparing] = useState(false);
  const loaded = useRef(false);

  useEffect(() => {
    let cancelled = false;
    void loadFollowUpDraft(replica.complaints, complaint.id).then((draft) => {
      if (cancelled) return;
      if (draft && (draft.content || draft.kind !== form.getValues('kind'))) {
        form.reset({
          kind: publicRefusal && draft.kind === 'tindak_lanjut' ? 'catatan_internal' : draft.kind,
          content: draft.content,
        });
        setSavedAt(draft.savedAt);
        setNotice(t('followup.draftRestored'));
      }
      loaded.current = true;
    });
    return () => {
      cancelled = true;
    };
    // Loaded once per complaint; the composer is keyed by complaint id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!loaded.current) return;
    const timer = setTimeout(() => {
      const now = Date.now();
      void saveFollowUpDraft(replica.complaints, complaint.id, {
        kind,
        content,
        savedAt: now,
      }).then(() => setSavedAt(now));
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [replica, complaint.id, kind, content]);

  async function attach(event: ChangeEvent<HTMLInputElement>) {
    const picked = [...(event.target.files ?? [])];
    event.target.value = '';
    const room = MAX_ATTACHMENTS_PER_EVENT - files.length;
    const found: string[] = picked.length > room ? [t('followup.tooMany')] : [];
    setPreparing(true);
    try {
      for (const file of picked.slice(0, Math.max(0, room))) {
        const prepared = await prepareAttachment(file);
        if ('error' in prepared) found.push(describeError(language, prepared.error));
        else await addDraftAttachment(replica, complaint.id, prepared, Date.now());
      }
    } finally {
      setPreparing(false);
      setProblems(found);
    }
  }

  const submit = form.handleSubmit(async (values) => {
    setProblems([]);
    const result = await postFollowUp(workstation, complaint.id, values);
    if (!result.ok) {
      setProblems([describeError(language, result.error)]);
      return;
    }
    form.reset({ kind: values.kind, content: '' });
    setSavedAt(null);
    setNotice(t(`followup.posted.${values.kind}`));
  });

  async function discard() {
    for (const file of files) await removeDraftAttachment(replica, file.id);
    await clearFollowUpDraft(replica.complaints, complaint.id);
    form.reset({ kind: form.getValues('kind'), content: '' });
    setSavedAt(null);
    setNotice(null);
  }

  return (
    <form
      className="follow-up-composer"
      onSubmit={submit}
      aria-labelledby="follow-up-heading"
      data-testid="follow-up-composer"
    >
      <h3 id="follow-up-heading">{t('followup.heading')}</h3>
      {complaint.rahasia && <p className="privacy-flag privacy-rahasia">{t('followup.rahasia')}</p>}
      <fieldset className="follow-up-kind">
        <legend>{t('followup.kind')}</legend>
        {FOLLOW_UP_KINDS.map((value) => (
          <label key={value} className={`follow-up-kind-${value}`}>
            <input
              type="radio"
              value={value}
              disabled={value === 'tindak_lanjut' && publicRefusal !== null}
              {...form.register('kind')}
            />
            {t(`followup.kind.${value}`)}
          </label>
        ))}
        {publicRefusal && (
          <p className="form-note">
            {t('followup.notAllowed', { reason: describeError(language, publicRefusal) })}
          </p>
        )}
      </fieldset>
      <TemplatePicker
        complaint={complaint}
        kind={kind}
        onInsert={(text) =>
          form.setValue('content', content ? `${content}\n\n${text}` : text, {
            shouldDirty: true,
            shouldValidate: form.formState.isSubmitted,
          })
        }
      />
      <label htmlFor="follow-up-content">{t('followup.content')}</label>
      <textarea
        id="follow-up-content"
        rows={6}
        className={kind === 'catatan_internal' ? 'follow-up-internal' : undefined}
        aria-describedby="follow-up-hint follow-up-error"
        aria-invalid={errors.content ? true : undefined}
        {...form.register('content')}
      />
      <p id="follow-up-hint" className="form-note">
        {t(`followup.hint.${kind}`)} · {t('followup.count', { count: content.trim().length })}
      </p>
      {errors.content && (
        <p id="follow-up-error" className="field-error" role="alert">
          {describeMessage(language, errors.content.message)}
        </p>
      )}
      <label htmlFor="follow-up-files">{t('followup.attach')}</label>
      <input
        id="follow-up-files"
        type="file"
        multiple
        accept="image/jpeg,image/png,image/webp,application/pdf"
        disabled={preparing || files.length >= MAX_ATTACHMENTS_PER_EVENT}
        onChange={(event) => void attach(event)}
        aria-describedby="follow-up-files-hint"
      />
      <p id="follow-up-files-hint" className="form-note">
        {preparing ? t('followup.preparing') : t('followup.attachHint')}
      </p>
      {files.length > 0 && (
        <ul className="draft-attachments" data-testid="draft-attachments">
          {files.map((file) => (
            <li key={file.id}>
              {t('followup.file', {
                name: file.name,
                size: Math.ceil(file.size / 1024).toLocaleString(language),
              })}
              <button
                type="button"
                className="link-button"
                aria-label={t('followup.remove', { name: file.name })}
                onClick={() => void removeDraftAttachment(replica, file.id)}
              >
                {t('followup.removeMark')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problems.map((problem) => (
        <p key={problem} className="field-error" role="alert">
          {problem}
        </p>
      ))}
      <div className="follow-up-actions">
        <button type="submit" disabled={isSubmitting || preparing}>
          {isSubmitting ? t('followup.posting') : t(`followup.submit.${kind}`)}
        </button>
        <button type="button" className="secondary" onClick={() => void discard()}>
          {t('followup.discard')}
        </button>
      </div>
      <p className="form-note" role="status">
        {notice}
        {notice && savedAt ? ' · ' : ''}
        {savedAt
          ? t('followup.draftSaved', {
              time: formatDateTime(language, savedAt, instansi.utcOffsetMinutes),
            })
          : ''}
      </p>
    </form>
  );
}
