import type { z } from 'zod';
import { buildActor, isAdministrator } from '../policies/actor.ts';
import type { loginResponse, sessionResponse, totpSetupResponse } from './auth.contract.ts';
import type { LoginResult, ResolvedSession } from './login.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline). The session token itself
// travels in the cookie only, never in a body.

/** After the password: what the sign-in still needs. */
export function presentLogin(result: LoginResult): z.output<typeof loginResponse> {
  return { needsTotp: result.needsTotp, mustEnrollTotp: result.mustEnrollTotp };
}

/**
 * The signed-in account with its roles and the permissions they give. An administrator must
 * enrol a second factor first when the organization requires it (SPEC §9).
 */
export function presentSession(session: ResolvedSession, organizationName: string): z.output<typeof sessionResponse> {
  const actor = buildActor({ ...session, roles: session.roles });
  return {
    csrfToken: session.csrfToken,
    account: {
      id: session.accountId,
      personId: session.personId,
      name: session.personName,
      organizationId: session.organizationId,
      organizationName,
      locale: session.locale,
      totpEnabled: session.totpEnabled,
    },
    roles: session.roles.map((r) => ({ role: r.role, departmentId: r.departmentId })),
    abilities: [...actor.permissions],
    idleTimeoutMinutes: session.idleTimeoutMinutes,
    needsTotp: !session.secondFactorDone,
    mustEnrollTotp: session.requireTotpForAdmins && !session.totpEnabled && isAdministrator(session.roles),
  };
}

/** A new TOTP secret and its otpauth:// URI. */
export function presentTotpSetup(fresh: { secret: string; uri: string }): z.output<typeof totpSetupResponse> {
  return { secret: fresh.secret, uri: fresh.uri };
}
