/** Text chosen from the context menu, waiting for the popup to pick it up (session storage only). */
export const PENDING_KEY = 'pending';
export interface Pending {
  text: string;
  at: number;
}
