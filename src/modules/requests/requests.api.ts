// What other modules may call of M5 開示等の請求・苦情相談: the public portal (src/modules/portal/)
// records a request sent from the organization's public page and shows its progress to the
// requester (tests/platform/boundaries.test.ts keeps other modules to this file and index.ts).

export { type PortalRequestInput, type PortalRequestProgress, portalRequestProgress, receivePortalRequest } from './portal-intake.ts';
export { agentKinds, type AgentKind, type RequestKind, replyTos, requestKindLabels, requestKinds, resolveReplyTo } from './requests.labels.ts';
// The corrective-action module (M10) links a 是正処置 to the complaint it came from (J.11.1 d)) and
// shows the link only to those who may see the complaint.
export { type ComplaintSummary, complaintSummaryFor, visibleComplaintIds } from './complaint-visibility.ts';
export { answerPortalCorrections, type PortalAnswerRefusal } from './portal-corrections.ts';
export { attachPortalFile, type RequestAttachmentKind, requestAttachmentKinds } from './request-attachments.ts';
