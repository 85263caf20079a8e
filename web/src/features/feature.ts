import type { ComponentType, ReactNode } from 'react';
import type { RouteObject } from 'react-router';

/** A side-menu entry of a feature. */
export type MenuEntry = {
  /** The path it opens, e.g. `/incidents`; also the menu key. */
  path: string;
  icon: ReactNode;
  /** Renders the entry's name (a component, so it may use the i18n hooks). */
  Label: ComponentType;
  /** The permission the entry needs (the session's abilities); none: every signed-in person. */
  need?: string;
};

/**
 * A module's screens as the SPA sees them (the web side of the server's module manifest):
 * its routes under the signed-in layout and its side-menu entries. `features/index.ts` lists
 * them; the router and the layout iterate that list.
 */
export type WebFeature = { name: string; routes: RouteObject[]; menu: MenuEntry[] };

/** Declares a feature (identity; checks the shape where it is written). */
export function defineFeature(feature: WebFeature): WebFeature {
  return feature;
}
