import { assertNever } from '../errors.js';
import type { Inline } from './types.js';

/**
 * The text a reader sees, without marks or citation numbers: for speaker notes,
 * anchors, the outline, the contents and alt text. Figures keep their formatted text.
 */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
        case 'figure':
          return node.text;
        case 'strong':
        case 'emphasis':
        case 'link':
          return plainText(node.children);
        case 'break':
          return ' ';
        case 'citation':
          return '';
        default:
          return assertNever(node, 'inline');
      }
    })
    .join('');
}
