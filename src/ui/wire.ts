/**
 * What a server value becomes on its way through google.script.run. Google's reference ("Class
 * google.script.run", myFunction(...)): primitives, and objects and arrays made of them, cross; a Date or a
 * function anywhere makes the call fail, and `undefined` inside an array arrives as null. So a Date or a
 * function becomes `never` here (test/ui/wire.test.ts fails the typecheck when an RPC's type holds one).
 */
export type Jsonify<T> = T extends Date | ((...args: never[]) => unknown) | symbol | bigint
  ? never
  : T extends readonly unknown[]
    ? { [I in keyof T]: undefined extends T[I] ? Jsonify<Exclude<T[I], undefined>> | null : Jsonify<T[I]> }
    : T extends object
      ? { [K in keyof T]: Jsonify<T[K]> }
      : T;

/** True when `T` crosses google.script.run unchanged: no Date, function, symbol or bigint anywhere in it. */
export type Carried<T> = [T] extends [Jsonify<T>] ? ([Jsonify<T>] extends [T] ? true : false) : false;
