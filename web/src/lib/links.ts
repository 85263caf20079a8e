import { matchRoutes, type RouteObject } from 'react-router';

/**
 * Links that the API hands out (notification `link`, an inbox item's `link`, a record's "open"
 * link) are data, not redirect targets: the SPA follows one only when it is a same-site path
 * that one of its own screens answers. Anything else — another site, `//host`, a screen of a
 * module this build does not have yet — is shown as plain text.
 *
 * The screens are the router's own table (set once by router.tsx), so a route added there makes
 * its links clickable without a second list to keep in step.
 */
let appRoutes: RouteObject[] = [];

/** Called by router.tsx with the router's routes. */
export function setAppRoutes(routes: RouteObject[]): void {
  appRoutes = routes;
}

/** The link when it leads to a screen of this SPA (the catch-all "not found" route does not count); otherwise null. */
export function appLink(link: string | null | undefined): string | null {
  if (!link?.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return null;
  const path = link.split(/[?#]/)[0] ?? '';
  const matches = matchRoutes(appRoutes, path);
  const screen = matches?.[matches.length - 1];
  if (!screen || screen.route.path === '*') return null;
  return link;
}
