import type { z } from 'zod';
import type { ZGender } from '../../contracts/common';

export type TGender = z.infer<typeof ZGender>;
