import { unimplemented } from './unimplemented.js';

/**
 * The recording context behind a proxy that refuses any property it does not define,
 * read or written: a call chart.js makes that the recorder does not know (a gradient,
 * an image, a shadow, a composite mode) fails with a clear internal error naming it,
 * instead of being dropped from the drawing without a word.
 */
export function guardContext<T extends object>(context: T): T {
  return new Proxy(context, {
    get(target, property, receiver) {
      if (typeof property === 'symbol' || property in target) return Reflect.get(target, property, receiver);
      return unimplemented(`ctx.${property}`);
    },
    set(target, property, value, receiver) {
      if (typeof property === 'symbol' || property in target) {
        return Reflect.set(target, property, value, receiver);
      }
      return unimplemented(`setting ctx.${property}`);
    },
  });
}
