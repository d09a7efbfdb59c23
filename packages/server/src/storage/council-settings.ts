// Each council's settings document (schemas/council/council-settings.schema.json): deadline periods, contact
// attempts, who must come to the Staying Put meeting and sign the agreement, the nation. One row per council; a
// council with no row runs on England's defaults (the engine's DEFAULT_COUNCIL_SETTINGS).
import { type CouncilSettings, DEFAULT_COUNCIL_SETTINGS } from '@onward/engine';
import type { Db, Queryable } from './db.js';
import { iso, json } from './rows.js';

export interface StoredCouncilSettings {
  settings: CouncilSettings;
  /** Undefined while the council runs on the defaults. */
  updatedAt?: string;
  updatedBy?: string;
}

export class CouncilSettingsStore {
  constructor(private readonly db: Db) {}

  async get(councilId: string, tx?: Queryable): Promise<StoredCouncilSettings> {
    const [r] = await (tx ?? this.db).query('SELECT * FROM council_settings WHERE council_id = $1', [councilId]);
    if (!r) return { settings: DEFAULT_COUNCIL_SETTINGS };
    return { settings: json(r.doc) as CouncilSettings, updatedAt: iso(r.updated_at), updatedBy: String(r.updated_by) };
  }

  /** The settings the engine should use for the council (the defaults when none are stored). */
  async settingsFor(councilId: string): Promise<CouncilSettings> {
    return (await this.get(councilId)).settings;
  }

  async put(
    input: { councilId: string; settings: CouncilSettings; by: string; at: string },
    tx?: Queryable,
  ): Promise<void> {
    await (tx ?? this.db).query(
      `INSERT INTO council_settings (council_id, doc, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (council_id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = EXCLUDED.updated_at,
         updated_by = EXCLUDED.updated_by`,
      [input.councilId, JSON.stringify(input.settings), input.at, input.by],
    );
  }
}
