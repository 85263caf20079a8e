/**
 * The regimes in evaluation order. The order is part of the result: it is the order of
 * `triggers`, `exclusions` and `notes`, and of the bases and reasons merged into one duty. The
 * statutes come first because the Privacy Mark (本項1)～8) 速報) and the municipal contract (本人通知,
 * 注②) build on their 報告対象事態.
 */
import { appiRegime } from './appi.ts';
import { municipalContractRegime } from './municipalContract.ts';
import { myNumberRegime } from './myNumber.ts';
import { privacyMarkRegime } from './privacyMark.ts';
import { publicBodyRegime } from './publicBody.ts';
import type { Regime } from './regime.ts';

export type { DutyAssessment, EarlierHits, Regime, RegimeKey, TriggerAssessment } from './regime.ts';

/** 個人情報保護法第26条, 番号法第29条の4, 個人情報保護法第68条, PA01 J.4.4.2, 自治体との委託契約. */
export const incidentRegimes: readonly Regime[] = Object.freeze([appiRegime, myNumberRegime, publicBodyRegime, privacyMarkRegime, municipalContractRegime]);
