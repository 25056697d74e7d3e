/** An unbounded push / async-pull queue for items the runtime announces (connections, streams). */
export declare class AsyncQueue<T> implements AsyncIterable<T> {
    #private;
    push(item: T): void;
    /** No more items: consumers drain what is queued, then finish (or reject with `error`). */
    end(error?: unknown): void;
    get ended(): boolean;
    get size(): number;
    next(): Promise<IteratorResult<T>>;
    [Symbol.asyncIterator](): AsyncIterator<T>;
}
