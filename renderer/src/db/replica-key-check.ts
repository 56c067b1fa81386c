import { ReplicaKeyError, type FieldCipher } from './field-cipher.ts';

const LOCAL_ID = 'replica-key-check';
const CHECK_TEXT = 'lapor-replica-key';

type KeyCheck = { check: string };
/** The local documents of a replica (RxDB database local documents). */
type LocalDocuments = {
  getLocal(id: string): Promise<{ get(field: string): unknown } | null>;
  insertLocal(id: string, data: KeyCheck): Promise<unknown>;
};

async function matches(cipher: FieldCipher, check: unknown): Promise<boolean> {
  if (typeof check !== 'string') return false;
  try {
    return (await cipher.decrypt(check)) === CHECK_TEXT;
  } catch {
    return false;
  }
}

/**
 * Proves the key opens this replica before anything is read: the replica keeps a known text
 * encrypted with the key it was created with (a replica without one gets it now). A different
 * key fails here with a ReplicaKeyError instead of failing on the first identity read.
 */
export async function checkReplicaKey(db: LocalDocuments, cipher: FieldCipher): Promise<void> {
  let stored = await db.getLocal(LOCAL_ID);
  if (!stored) {
    try {
      await db.insertLocal(LOCAL_ID, { check: await cipher.encrypt(CHECK_TEXT) });
      return;
    } catch {
      // Another window of this officer created it at the same moment: check against theirs.
      stored = await db.getLocal(LOCAL_ID);
    }
  }
  if (!stored || !(await matches(cipher, stored.get('check')))) {
    throw new ReplicaKeyError('wrong', 'The replica key does not open this replica');
  }
}
