import { unimplemented } from './unimplemented.js';

/** Class prototypes whose chain already ends in the refusing proxy. */
const guarded = new WeakSet<object>();

/**
 * The recording context, made to refuse any property its class does not define, read or
 * written: a call chart.js makes that the recorder does not know (a gradient, an image, a
 * shadow, a composite mode) fails with a clear internal error naming it, instead of being
 * dropped from the drawing without a word.
 *
 * The refusal is a proxy at the end of the class's prototype chain, where only a property
 * found nowhere else is looked up: the calls the recorder implements (thousands per chart)
 * reach their methods directly, not through a trap. It is put there once per class, so
 * every instance of the class refuses from then on; the context itself is returned.
 */
export function guardContext<T extends object>(context: T): T {
  const prototype = Object.getPrototypeOf(context) as object;
  if (!guarded.has(prototype)) {
    Object.setPrototypeOf(prototype, refusing(Object.getPrototypeOf(prototype) as object));
    guarded.add(prototype);
  }
  return context;
}

/** Stands for `base` (Object.prototype): what it has passes, anything else is refused. */
function refusing(base: object): object {
  return new Proxy(base, {
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
