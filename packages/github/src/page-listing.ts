/** GitHub's largest page: the fewest requests for a listing. */
export const PER_PAGE = 100;

/** One page of a listing that counts its items (`total_count`), as the Actions listings do. */
export interface CountedPage<T> {
  total: number;
  items: T[];
}

/**
 * Every item of a counted listing, reading at most `maxPages` pages of PER_PAGE: the first page
 * says how many there are, and the others are then asked for together. `complete` is false when
 * the listing has more than the pages read hold.
 */
export async function readCountedPages<T>(
  read: (page: number) => Promise<CountedPage<T>>,
  maxPages: number,
): Promise<{ items: T[]; complete: boolean }> {
  const first = await read(1);
  const pages = Math.ceil(first.total / PER_PAGE);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, Math.min(pages, maxPages) - 1) }, (_, index) => read(index + 2)),
  );
  return { items: [first, ...rest].flatMap((page) => page.items), complete: pages <= maxPages };
}
