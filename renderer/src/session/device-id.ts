const DEVICE_KEY = 'lapor.device-id';

/** A random id for this browser profile or desktop install, sent with every login for the audit. */
export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}
