/** A user-facing text in the two languages of the system's notices and data: Kazakh and Russian. */
export interface LocalizedText {
  readonly kk: string;
  readonly ru: string;
}

export const languages = ['kk', 'ru'] as const;
export type Language = (typeof languages)[number];
