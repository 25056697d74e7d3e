/** min / median / max of a list of measurements. */
export interface Summary {
    n: number;
    min: number;
    median: number;
    max: number;
}
export declare function summarize(values: readonly number[]): Summary;
