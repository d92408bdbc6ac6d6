/** The shape of a resource with every leaf widened to string: Spanish is typed against English. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
