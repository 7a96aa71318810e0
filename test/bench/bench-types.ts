export type Record = (name: string, value: number, note?: string) => void;

export interface BenchOptions {
  readonly tags: number;
  readonly rateHz: number;
  readonly seconds: number;
  readonly warmupS: number;
  /** Turns each client takes in the stream bench. */
  readonly rounds: number;
}
