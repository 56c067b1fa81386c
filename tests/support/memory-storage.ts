/** A Web Storage area (localStorage, sessionStorage) kept in memory. */
export class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  /** Everything stored, as JSON, to look for what must not be there. */
  dump(): string {
    return JSON.stringify([...this.items]);
  }
}
