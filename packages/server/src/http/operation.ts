// The OpenAPI operation a route module declares next to its handlers: what the route is for, the permission it
// needs (permissions.ts), its body and answer. openapi.ts gathers every module's operations into ROUTES, the
// OpenAPI document and the route → permission table that guardRoutes checks, so the three never drift apart.
import type { schemas } from '@onward/engine';
import type { PermissionName } from '../permissions.js';

export type SchemaName = keyof typeof schemas & `${string}Schema`;

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono form (`/api/plans/:planId`). */
  path: string;
  summary: string;
  /** Who may call it, in words for people (the permission decides; the security test checks record by record). */
  who: string;
  /** The permission the route needs (PERMISSIONS in permissions.ts), checked before its handler runs. */
  permission: PermissionName;
  /** The JSON body's schema, or 'csv' for a text/csv file. */
  body?: SchemaName | 'csv';
  /** Success status and what comes back. */
  ok: number;
  returns?: SchemaName | 'json' | 'pdf' | 'csv' | 'zip' | 'none';
  query?: string[];
}

/** An operation with what its permission says about signing in: none needed, or an API token is enough. */
export interface RouteSpec extends Operation {
  anonymous?: boolean;
  apiToken?: boolean;
}
