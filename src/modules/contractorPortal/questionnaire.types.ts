// 調査票のやり取り (issue #13): the shapes kept in contractor_portal_exchanges' jsonb columns.

/** The criteria set as the 委託元 sent it (a snapshot: a later version does not change what was asked). */
export type QuestionnaireCriteria = { version: string; name: string; source: string; items: { code: string; text: string; coversOthers?: boolean }[] };

/** A file sent with the answers: the 委託元's copy (attachment id in its organization), its name and kind. */
export type QuestionnaireFile = { attachmentId: string; fileName: string; kind: string };
