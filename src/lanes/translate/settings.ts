/** The translation lane's config block (`translate:` in config/default.yaml). */
import { z } from 'zod';

const languageCode = z.string().regex(/^[a-z]{2,3}(-[a-z]{2,4})?$/u, 'use a language code such as en or ja');

export const translateSettingsSchema = z
  .strictObject({
    /** Target language when none is given. */
    defaultTarget: languageCode.default('en'),
    /** Pair-specific models, e.g. `{"ja-en": "Xenova/opus-mt-ja-en"}`; they win over the lane model for that pair. */
    pairModels: z.record(z.string().regex(/^[a-z]{2,3}-[a-z]{2,3}$/u, 'pairs look like ja-en'), z.string().min(1)).default({}),
    /** Servers translate every message into this language before an admin changes it (`/settings set autoTranslate`). */
    autoTranslate: languageCode.nullable().default(null),
  })
  .prefault({});

export type TranslateSettings = z.output<typeof translateSettingsSchema>;
