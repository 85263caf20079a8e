// 調査票のやり取りと委託先のプロフィール (issue #13): the shapes kept in the jsonb columns and their Japanese labels, shared by the server and the web.

/** The criteria set as the 委託元 sent it (a snapshot: a later version does not change what was asked). */
export type QuestionnaireCriteria = { version: string; name: string; source: string; items: { code: string; text: string; coversOthers?: boolean }[] };

/** A file sent with the answers: the 委託元's copy (attachment id in its organization), its name and kind. */
export type QuestionnaireFile = { attachmentId: string; fileName: string; kind: string };

/** A certification the 委託先 holds (P-mark / ISMS) with its validity. */
export type ProfileCertificate = { kind: 'privacy_mark' | 'isms'; number: string; expiresOn: string };
export const certificateKindLabels: Readonly<Record<ProfileCertificate['kind'], string>> = Object.freeze({ privacy_mark: 'プライバシーマーク', isms: 'ISMS認証' });

/** The profile sections a 委託先 may share with one 委託元 (nothing until it chooses). */
export const profileSections = ['questionnaire', 'certificates', 'securityMeasures'] as const;
export type ProfileSection = (typeof profileSections)[number];
export const profileSectionLabels: Readonly<Record<ProfileSection, string>> = Object.freeze({
  questionnaire: '調査票の回答',
  certificates: '認証（プライバシーマーク・ISMS）と有効期限',
  securityMeasures: '安全管理措置',
});
