/** The error body of the API (platform/http/errorHandler.ts ErrorBody). */
type ErrorBody = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

// English for the public pages (issue #14, SPEC §1 5 「Japanese by default (English available)」).
// The portal's schemas and business functions speak Japanese — the staff screens and the 受付処理票
// read the same messages — so the public routes translate their error bodies when the person's
// page asks for English (`Accept-Language: en`, or `lang: 'en'` in the query or the body). The
// catalog is keyed by the Japanese message, as gettext keys by the source text: fixed messages
// by their text, the field builders' messages (platform/validation/fields.ts) by their pattern with
// the field's name translated. A message the catalog does not know becomes a plain English request
// to check the input — an English page never shows Japanese it did not write itself. Shared with
// the web, which translates the same schemas' messages before showing them under a field.

/** The public forms' field names (portal.schema.ts, portal.files.schema.ts) in English. */
const fieldNames: Readonly<Record<string, string>> = {
  請求等の種類: 'the kind of request',
  氏名: 'your name',
  住所: 'your address',
  連絡先: 'your contact details',
  '連絡先（メールアドレス又は電話番号）': 'your contact details (email address or telephone number)',
  代理人による請求: 'who is making the request',
  代理人の氏名: "the agent's name",
  代理人の住所: "the agent's address",
  代理人の連絡先: "the agent's contact details",
  '代理人の連絡先（メールアドレス又は電話番号）': "the agent's contact details (email address or telephone number)",
  回答の送付先: 'who receives the reply',
  請求等の内容: 'the details of your request',
  ウェブサイト: 'website',
  送信前の確認: 'the check before sending',
  送信前の確認の計算結果: 'the result of the check before sending',
  確認用URLの鍵: 'the key of the follow-up link',
  補正の回答: 'your answer',
  通知文: 'the notice',
  同意する通知文の版: 'the version of the notice',
  氏名又は識別子: 'your name or identifier',
  '氏名又は識別子（会員番号等）': 'your name or identifier (membership number, etc.)',
  撤回用URLの鍵: 'the key of the withdrawal link',
  書類の種類: 'the kind of document',
  ファイル名: 'the file name',
  公開ページのURL: 'the page address',
  受付番号: 'the receipt number',
  // Things not found (notFound(what)).
  公開ページ: 'The page',
  受付: 'The request',
  同意: 'The consent',
  データ: 'The data',
};

const name = (label: string) => fieldNames[label] ?? 'this field';
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Fixed messages of the public routes, word for word. */
const fixed: Readonly<Record<string, string>> = {
  // Bot check (portal.service.ts refusalMessages, portal.schema.ts).
  '送信前の確認が正しくありません。ページを読み込み直してから送信してください': 'The check before sending failed. Please reload the page and send again.',
  '送信が早すぎます。内容を確かめてから、もう一度送信してください': 'The form was sent too quickly. Please check what you wrote and send it again.',
  'ページを開いてから時間が経ちすぎました。ページを読み込み直してから送信してください':
    'Too much time has passed since the page was opened. Please reload the page and send again.',
  '送信前の確認が済んでいません。ページを読み込み直してから送信してください': 'The check before sending is not finished. Please reload the page and send again.',
  'この送信はすでに受け付けています。新しく送る場合はページを読み込み直してください': 'This submission has already been received. To send a new one, please reload the page.',
  // The request form (J.10.2 代理人).
  代理人による請求のときは代理人の氏名を入力してください: "Please enter the agent's name for a request made by an agent.",
  '代理人の氏名・住所・連絡先は代理人による請求のときだけ入力してください': "Enter the agent's name, address and contact details only for a request made by an agent.",
  '連絡先（メールアドレス又は電話番号）を入力してください': 'Please enter your contact details (email address or telephone number).',
  '代理人による請求のときは代理人の連絡先（メールアドレス又は電話番号）を入力してください':
    "Please enter the agent's contact details (email address or telephone number) for a request made by an agent.",
  '任意代理人による請求のときは委任状（PDF・JPEG・PNG）を添付してください': 'A request by an authorized agent needs the power of attorney (PDF, JPEG or PNG) attached.',
  申込みのときに添付できるのは委任状と本人確認書類です: 'With the request you can attach the power of attorney and identity documents only.',
  // Files (portal.files.schema.ts).
  ファイルの内容がありません: 'The file has no content.',
  'ファイルの内容がありません（空のファイルです）': 'The file has no content (it is empty).',
  'ファイルの内容を読み取れません。ファイルを選び直してください': 'The file could not be read. Please choose it again.',
  添付書類は一覧で送ってください: 'The attachments must be sent as a list.',
  ファイル名がありません: 'The file has no name.',
  // 補正 and consents (portal.followup.ts, portal.consents.ts).
  'この請求は回答済み又は取下げのため、補正の回答は送れません': 'This request has been answered or withdrawn, so an answer can no longer be sent.',
  'お願いしている補正はありません（回答済みです）': 'Nothing is being asked of you at the moment (already answered).',
  '「同意する」にチェックを入れてください': 'Please tick "I agree".',
  確認用のURLが正しくありません: 'The follow-up link is not correct.',
  // The error handler's own messages (platform/http/errorHandler.ts) and the zod fallback (fields.ts).
  '短時間に多くのリクエストがありました。しばらくしてから再度お試しください': 'Too many requests in a short time. Please wait a while and try again.',
  ファイルが大きすぎます: 'The files are too large.',
  リクエストが正しくありません: 'The request is not correct.',
  'サーバーでエラーが発生しました。時間をおいて再度お試しください': 'An error occurred on the server. Please try again later.',
  入力の形式が正しくありません: 'The input is not in the expected form.',
  '「はい」か「いいえ」で指定してください': 'Please answer yes or no.',
  数値で入力してください: 'Please enter a number.',
  一覧で指定してください: 'Please give a list.',
  入力してください: 'Please fill in this field.',
  受け付けない項目が含まれています: 'The input contains fields that are not accepted.',
  選択肢にない値です: 'The value is not one of the choices.',
  入力が正しくありません: 'The input is not correct.',
};

type Pattern = readonly [RegExp, (...groups: string[]) => string];

/** Messages with a part that varies: the field builders' templates, the files' messages, the 409s. */
const patterns: readonly Pattern[] = [
  [
    /^(.+)に個人番号（マイナンバー）と思われる12桁の番号が含まれています。.*$/s,
    (l) => `${capitalized(name(l))} seems to contain a 12-digit Individual Number (My Number). It cannot be recorded (J.10.2 h 2); please remove the number.`,
  ],
  [/^(.+)は(\d+)文字以内で入力してください（(\d+)文字入力されています）$/, (l, max, typed) => `${capitalized(name(l))} must be at most ${max} characters (${typed} entered).`],
  [/^(\d+)文字以内で入力してください（(\d+)文字入力されています）$/, (max, typed) => `Please enter at most ${max} characters (${typed} entered).`],
  [/^(.+)は文字で入力してください$/, (l) => `${capitalized(name(l))} must be text.`],
  [/^(.+)を入力してください$/, (l) => `Please enter ${name(l)}.`],
  [/^(.+)を選択してください$/, (l) => `Please choose ${name(l)}.`],
  [/^(.+)の(?:値|指定)が正しくありません$/, (l) => `The value of ${name(l)} is not correct.`],
  [/^(.+)が長すぎます$/, (l) => `${capitalized(name(l))} is too long.`],
  [/^(.+)が見つかりません$/, (l) => `${name(l) === 'this field' ? 'The page' : name(l)} was not found.`],
  [/^添付書類は (\d+) 件までです$/, (n) => `You can attach up to ${n} files.`],
  [/^添付書類「(.*)」が大きすぎます。1つのファイルは (.+) までです$/s, (f, max) => `The attachment "${f}" is too large. Each file can be up to ${max}.`],
  [/^添付書類の合計が大きすぎます（(.+)）。合計 (.+) までです$/, (total, max) => `The attachments are too large in total (${total}). The total can be up to ${max}.`],
  [/^添付書類「(.*)」は空のファイルです$/s, (f) => `The attachment "${f}" is an empty file.`],
  [
    /^添付書類「(.*)」は送れない形式です。送れるのは (.+) のファイルだけです$/s,
    (f) => `The attachment "${f}" is of a type that cannot be sent. Only PDF, JPEG and PNG files can be sent.`,
  ],
  [/^添付書類「(.*)」: ファイル名.*$/s, (f) => `The file name of the attachment "${f}" cannot be used. Please rename the file and attach it again.`],
  [/^「(.*)」は改訂されました（第(\d+)版）。.*$/s, (title, no) => `"${title}" has been revised (version ${no}). Please reload the page and read the new version before agreeing.`],
  [/^この同意は(.*)に撤回済みです$/, (on) => `This consent was already withdrawn${on ? ` on ${on}` : ''}.`],
];

/** One message in English: the catalog's, or a plain request to check the input. */
export function portalMessageInEnglish(message: string): string {
  const known = fixed[message];
  if (known) return known;
  for (const [pattern, english] of patterns) {
    const found = pattern.exec(message);
    if (found) return english(...found.slice(1));
  }
  // Not Japanese at all (a file name alone, a number): as it is.
  if (!/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/.test(message)) return message;
  return 'Please check what you entered.';
}

/** A joined summary (「A / B」, as errorResponse joins the fields' messages) in English, part by part. */
export function portalSummaryInEnglish(message: string): string {
  return message
    .split(' / ')
    .map((part) => portalMessageInEnglish(part))
    .join(' / ');
}

/** An error body of a public route in English. */
export function errorBodyInEnglish(body: ErrorBody): ErrorBody {
  const { code, message, fields } = body.error;
  return {
    error: {
      code,
      message: portalSummaryInEnglish(message),
      ...(fields ? { fields: fields.map((f) => ({ path: f.path, message: portalMessageInEnglish(f.message) })) } : {}),
    },
  };
}

/**
 * The 公表事項's headings (J.10.3 a)〜g), rules/publicItems) in English, by item code. The lines
 * under them are generated from the organization's settings in Japanese and stay as written (the
 * English page says so); only the headings, which Mamori writes, are translated.
 */
export const publicItemHeadingsInEnglish: Readonly<Record<string, string>> = Object.freeze({
  'J.10.3-a': 'Name, address and representative of the organization',
  'J.10.3-b': 'Personal information protection manager',
  'J.10.3-c': 'Purposes of use of retained personal data',
  'J.10.3-d': 'Where to make a complaint',
  'J.10.3-e': 'Accredited personal information protection organization',
  'J.10.3-f': 'Procedures for requests for disclosure, etc.',
  'J.10.3-g': 'Security measures taken for retained personal data',
});

/** A 公表事項 heading in English (an item without a translation: a plain English heading, never the Japanese one). */
export function publicItemHeadingInEnglish(code: string): string {
  return publicItemHeadingsInEnglish[code] ?? 'Published item';
}
