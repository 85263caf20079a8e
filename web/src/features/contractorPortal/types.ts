import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import type { contractorPortalContract } from '../../../../src/modules/contractorPortal/contractorPortal.contract.ts';

export type PortalLink = ResponseOf<typeof contractorPortalContract.links>['items'][number];
export type Invitation = ResponseOf<typeof contractorPortalContract.invite>;
export type Exchange = ResponseOf<typeof contractorPortalContract.inbox>['items'][number];
import type { contractorQuestionnaireContract } from '../../../../src/modules/contractorPortal/contractorPortal.questionnaire.contract.ts';

export type Questionnaire = ResponseOf<typeof contractorQuestionnaireContract.questionnaire>;
export type Profile = ResponseOf<typeof contractorQuestionnaireContract.profile>;
export type SharedProfile = ResponseOf<typeof contractorQuestionnaireContract.sharedProfile>;
export type EvaluationPrefill = ResponseOf<typeof contractorQuestionnaireContract.evaluationPrefill>;
export type CriteriaNotice = ResponseOf<typeof contractorPortalContract.criteriaNotices>['items'][number];
