// What other modules may use of the 公開窓口 (docs/architecture.md: a module is reached through its *.api.ts only).

/** The published portal of a slug (its organization and name), or the 404 of an unknown page. */
export { publishedPortal } from './portal.service.ts';
