import type { Tx } from '../db/connection.ts';
import { notFound } from '../http/errors.ts';
import { installedModules } from '../moduleKit/registry.ts';
import type { Actor } from '../policies/actor.ts';

/**
 * A kind of record that can carry files (添付ファイルの持ち主), registered by the module that keeps
 * the record (`attachmentOwners` in its manifest). The platform never decides who sees a file: a
 * file on a record is visible exactly to who may open the record (issue 11 #6: visibility of what
 * is reached through a record follows the record's own rule).
 */
export type AttachmentOwner = {
  /** Stable key in URLs and rows, e.g. `incident`. */
  type: string;
  /** Japanese name of the record, e.g. 「事故等」. */
  label: string;
  /** The record holds personal data: its files are encrypted at rest and each download is audited as a read of personal data. */
  personalData: boolean;
  /** 種別 a file on this record may have. The uploader chooses one; a record with a single kind files every file under it. */
  kinds: readonly { code: string; label: string }[];
  /** Whether the actor may open the record (and so its files). False for a record of another organization or one hidden from the actor. */
  canRead(tx: Tx, actor: Actor, ownerId: string): Promise<boolean>;
  /** Whether the actor may add or remove files on it (only asked when canRead). */
  canWrite(tx: Tx, actor: Actor, ownerId: string): Promise<boolean>;
  /**
   * Optional: files of some kinds the record must keep until a day (保存期限, SPEC §5.3), e.g. a
   * 委託先's contracts for the data's holding period (J.9.4 5). Removing such a file before the day
   * is refused (409, naming the day); the list shows the day and its reason on each file.
   */
  retention?(tx: Tx, actor: Actor, ownerId: string, today: string): Promise<AttachmentRetention | null>;
};

/** What a record keeps: which kinds, until when (null: not known yet), whether removal is allowed today, and why (Japanese). */
export type AttachmentRetention = {
  kinds: readonly string[];
  /** 保存期限 (ISO date, kept through this day), or null while it cannot be known. */
  until: string | null;
  removable: boolean;
  reason: string;
};

/** Every owner type of the installed modules. */
export function attachmentOwners(): AttachmentOwner[] {
  return installedModules().flatMap((m) => [...(m.attachmentOwners ?? [])]);
}

/** The owner type named in a URL; an unknown one is 404 like a record that does not exist. */
export function ownerOf(type: string): AttachmentOwner {
  const owner = attachmentOwners().find((o) => o.type === type);
  if (!owner) throw notFound('添付ファイルの対象');
  return owner;
}
