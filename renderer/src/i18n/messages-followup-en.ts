import type { FOLLOW_UP_MESSAGES_ID } from './messages-followup-id.ts';

/** Follow-up composer, attachments, timeline entries and identity reveal (English). */
export const FOLLOW_UP_MESSAGES_EN: Record<keyof typeof FOLLOW_UP_MESSAGES_ID, string> = {
  'followup.heading': 'Write a follow-up',
  'followup.kind': 'Kind',
  'followup.kind.tindak_lanjut': 'Public response to the reporter',
  'followup.kind.catatan_internal': 'Internal note (never published)',
  'followup.content': 'Text',
  'followup.hint.tindak_lanjut':
    'Sent to the reporter. At least 30 characters. The first public response moves the status to Followed up.',
  'followup.hint.catatan_internal':
    'Read by officers only; never sent to the reporter. At least 5 characters.',
  'followup.count': '{count} characters',
  'followup.attach': 'Attach a photo or PDF',
  'followup.attachHint':
    'Photos are downscaled before they are stored; PDFs up to 10 MB; at most 5 attachments.',
  'followup.file': '{name} ({size} KB)',
  'followup.removeMark': '×',
  'followup.preparing': 'Preparing attachment…',
  'followup.remove': 'Remove attachment {name}',
  'followup.submit.tindak_lanjut': 'Send response',
  'followup.submit.catatan_internal': 'Save note',
  'followup.posting': 'Saving…',
  'followup.posted.tindak_lanjut':
    'Response saved on this device and sent to the server when connected.',
  'followup.posted.catatan_internal': 'Note saved on this device.',
  'followup.draftSaved': 'Draft saved automatically · {time}',
  'followup.draftRestored': 'An unsent draft was restored.',
  'followup.discard': 'Discard draft',
  'followup.rahasia':
    'CONFIDENTIAL complaint: the response is not published; do not mention the reporter’s identity.',
  'followup.notAllowed': 'Public response not available: {reason}',
  'followup.tooMany': 'At most 5 attachments per follow-up.',
  'followup.templates': 'Template',
  'event.catatan_internal': 'Internal note',
  'event.balasan_pelapor': 'Reporter replied',
  'event.penilaian': 'Reporter’s satisfaction rating',
  'event.identitas_dibuka': 'Reporter identity revealed',
  'timeline.public': 'Public',
  'timeline.internal': 'Internal',
  'timeline.rating': 'rated {rating} out of 5',
  'timeline.statusMove': 'Status: {from} → {to}',
  'attachment.list': 'Attachments',
  'attachment.waitingUpload': 'waiting to upload',
  'attachment.notHere': 'not on this device yet; downloaded when connected',
  'attachment.open': 'Open {name}',
  'attachment.photo': 'Photo {name}',
  'identity.reveal': 'Show reporter identity',
  'identity.revealNote': 'Every reveal is recorded under your name in the audit log.',
  'identity.hide': 'Hide identity',
  'identity.protected': 'The reporter chose {flag}: reveal only when handling needs it.',
};
