import { z } from 'zod';
import { ZRole } from '../../../contracts/common.js';

/** Request and response bodies of the user routes; they live in src/contracts/admin.ts, shared with the UI. */
export { ZOperatorChoices, ZPasswordReset, ZUser, ZUserCreate, ZUserList, ZUserQuery, ZUserUpdate } from '../../../contracts/admin.js';

/** Staff for assignment pickers: names and roles, no contact data. */
export const ZStaffList = z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string(), role: ZRole })) });
export const userTags = ['Benutzer'];
