import type { z } from 'zod';
import { decisionGrounds } from '../../rules/requestDecisions/grounds.ts';
import { decisionScopeLabels } from '../../rules/requestDecisions/kinds.ts';
import { daysLeft } from './request-deadline.ts';
import {
  agentKindLabels,
  closedRequestStatuses,
  identityDocumentLabels,
  replyMethodLabels,
  replyToLabels,
  requestChannelLabels,
  requestKindLabels,
  requestStatusLabels,
} from './requests.labels.ts';
import type { RequestDetail, RequestPage } from './requests.queries.ts';
import type { requestPageResponse, requestResponse } from './requests.responses.ts';

// Presenters are the only path from a row to JSON; each returns its response schema's output type.

export function presentRequest(d: RequestDetail): z.output<typeof requestResponse> {
  const r = d.request;
  const open = !closedRequestStatuses.includes(r.status);
  const grounds = r.kind === 'complaint' ? [] : decisionGrounds(r.kind, d.profile);
  return {
    id: r.id,
    number: r.number,
    receivedOn: r.receivedOn,
    channel: r.channel,
    channelLabel: requestChannelLabels[r.channel],
    portalReference: r.portalReference,
    kind: r.kind,
    kindLabel: requestKindLabels[r.kind],
    requesterName: r.requesterName,
    requesterAddress: r.requesterAddress,
    requesterContact: r.requesterContact,
    agentKind: r.agentKind,
    agentKindLabel: agentKindLabels[r.agentKind],
    agentName: r.agentName,
    agentAddress: r.agentAddress,
    agentContact: r.agentContact,
    replyTo: r.replyTo,
    replyToLabel: replyToLabels[r.replyTo],
    content: r.content,
    recordSubject: r.recordSubject,
    identityCheck: r.identityCheck ? { ...r.identityCheck, documentLabels: r.identityCheck.documents.map((doc) => identityDocumentLabels[doc]) } : null,
    status: r.status,
    // A complaint closes (J.11.1 d)) rather than being answered on a decision.
    statusLabel: r.kind === 'complaint' && r.status === 'answered' ? '完了' : requestStatusLabels[r.status],
    extended: r.extended,
    specialProvision: r.specialProvision,
    deadline: {
      dueOn: r.dueOn,
      daysLeft: open ? daysLeft(r.dueOn, d.today) : null,
      legal: r.deadline?.legal ?? false,
      decisionDue: r.deadline?.decisionDue ?? null,
      extendedDue: r.deadline?.extendedDue ?? null,
      specialPartDue: r.deadline?.specialPartDue ?? null,
      excludedDays: r.deadline?.excludedDays ?? 0,
      basis: r.deadline?.basis ?? '苦情・相談には法定の期限がありません（J.11.1: 適切かつ迅速な処理。組織の目標日数）',
      reason: r.deadline?.reason ?? '受付日から組織の目標日数（14日）',
      rulesVersion: r.deadline?.rulesVersion ?? null,
    },
    corrections: d.corrections.map((c) => ({ id: c.id, askedOn: c.askedOn, what: c.what, completedOn: c.completedOn, answer: c.answer ?? null })),
    decision:
      r.decisionScope && r.kind !== 'complaint'
        ? {
            scope: r.decisionScope,
            scopeLabel: decisionScopeLabels[r.kind][r.decisionScope],
            grounds: grounds.filter((g) => r.decisionGroundCodes.includes(g.code)).map((g) => ({ ...g })),
            note: r.decisionNote,
            withheldItems: r.decisionWithheldItems,
          }
        : null,
    replyMethod: r.replyMethod ? replyMethodLabels[r.replyMethod] : null,
    repliedOn: r.repliedOn,
    feeYen: r.feeYen,
    causeAndAction: r.causeAndAction,
    correctiveActionId: r.correctiveActionId,
    updatedAt: r.updatedAt.toISOString(),
    abilities: d.abilities,
  };
}

export function presentRequestPage(page: RequestPage): z.output<typeof requestPageResponse> {
  return {
    items: page.items.map((r) => ({
      id: r.id,
      number: r.number,
      receivedOn: r.receivedOn,
      kind: r.kind,
      kindLabel: requestKindLabels[r.kind],
      status: r.status,
      statusLabel: requestStatusLabels[r.status],
      dueOn: r.dueOn,
      daysLeft: closedRequestStatuses.includes(r.status) ? null : daysLeft(r.dueOn, page.today),
      legal: r.deadline?.legal ?? false,
    })),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
    canCreate: page.canCreate,
  };
}
