import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import type { contractorPortalContract } from '../../../../src/modules/contractorPortal/contractorPortal.contract.ts';

export type PortalLink = ResponseOf<typeof contractorPortalContract.links>['items'][number];
export type Invitation = ResponseOf<typeof contractorPortalContract.invite>;
export type Exchange = ResponseOf<typeof contractorPortalContract.inbox>['items'][number];
/** A 委託元 as its 委託先 sees it: its 特記事項の再委託の条項, whether it is a public body. */
export type PrincipalTerms = ResponseOf<typeof contractorPortalContract.inbox>['principals'][number];
import type { contractorQuestionnaireContract } from '../../../../src/modules/contractorPortal/contractorPortal.questionnaire.contract.ts';

export type Questionnaire = ResponseOf<typeof contractorQuestionnaireContract.questionnaire>;
export type Profile = ResponseOf<typeof contractorQuestionnaireContract.profile>;
export type SharedProfile = ResponseOf<typeof contractorQuestionnaireContract.sharedProfile>;
export type EvaluationPrefill = ResponseOf<typeof contractorQuestionnaireContract.evaluationPrefill>;
export type CriteriaNotice = ResponseOf<typeof contractorPortalContract.criteriaNotices>['items'][number];
