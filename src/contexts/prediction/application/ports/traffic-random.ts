/** Port: the draw that splits traffic, a number in [0, 1); tests give a seeded one. */
export abstract class TrafficRandom {
  abstract next(): number;
}
