// What the PDF renderers are given besides the document. Its own module so that the freeze queue
// (pdf-freezes.ts) and the server's shared types (http/deps.ts) can both use it without importing each other.
import type { Nation, Role } from '@onward/engine';

/** What the PDF renderers are given besides the document. */
export interface RenderContext {
  /** The council, with its nation when known (the plan PDF names Staying Put / When I am Ready by it). */
  council: { id: string; name: string; nation?: Nation };
  locale: string;
  /** Who the copy is for. The document given is already what they may see (engine `agreementForViewer`). */
  viewer?: { role: Role };
  /**
   * The moment the document is dated. For a frozen plan, the authorisation: its PDF may be made later (the freeze
   * queue), and dating it by the moment it was made would give different bytes for the same plan.
   */
  createdAt?: Date;
}
