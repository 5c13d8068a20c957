/** Zod issues as one readable line for users ("text: there is nothing to translate"). */
import type { z } from 'zod';

export function formatZodIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const key = issue.path.join('.');
      return key ? `${key}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
