import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DynamicTable, entrySize } from '../../../../../src/proto/h3/qpack/dynamic-table.js';
describe('DynamicTable', () => {
    test('entry size is name + value + 32 octets', () => {
        assert.equal(entrySize(':authority', 'www.example.com'), 57);
        assert.equal(entrySize('', ''), 32);
        assert.equal(entrySize('x', '\u00e9'), 34); // Latin-1: one octet
        assert.equal(entrySize('x', '\u20ac'), 36); // beyond Latin-1: UTF-8, three octets
    });
    test('absolute indexes and eviction oldest-first by size (RFC 9204 B.2-B.5 sizes)', () => {
        const t = new DynamicTable();
        t.setCapacity(220);
        assert.equal(t.insert(':authority', 'www.example.com'), 0);
        assert.equal(t.insert(':path', '/sample/path'), 1);
        assert.equal(t.size, 106);
        t.insert('custom-key', 'custom-value');
        t.insert(':authority', 'www.example.com');
        assert.equal(t.size, 217);
        assert.equal(t.evictionsNeeded(entrySize('custom-key', 'custom-value2')), 1);
        assert.equal(t.insert('custom-key', 'custom-value2'), 4);
        assert.equal(t.size, 215);
        assert.equal(t.droppedCount, 1);
        assert.equal(t.length, 4);
        assert.equal(t.get(0), undefined);
        assert.equal(t.get(1)?.value, '/sample/path');
        assert.equal(t.get(4)?.value, 'custom-value2');
        assert.equal(t.get(5), undefined);
        assert.equal(t.get(-1), undefined);
    });
    test('capacity changes evict, and oversize entries are refused', () => {
        const t = new DynamicTable();
        t.setCapacity(200);
        t.insert('a', '1'.repeat(30)); // 63
        t.insert('b', '2'.repeat(30)); // 63
        t.insert('c', '3'.repeat(30)); // 63
        t.setCapacity(100);
        assert.equal(t.length, 1);
        assert.equal(t.get(2)?.name, 'c');
        assert.equal(t.evictionsNeeded(101), -1);
        assert.throws(() => t.insert('x', 'y'.repeat(100)), RangeError);
        t.setCapacity(0);
        assert.equal(t.length, 0);
        assert.equal(t.size, 0);
        assert.equal(t.insertCount, 3);
    });
    test('indexed lookups follow the newest entry and forget evicted ones', () => {
        const t = new DynamicTable({ indexed: true });
        t.setCapacity(120);
        t.insert('k', 'v1'); // 35
        t.insert('k', 'v2'); // 35
        assert.equal(t.findExact('k', 'v1'), 0);
        assert.equal(t.findName('k'), 1);
        t.insert('other', 'x'.repeat(20)); // 57: evicts entry 0
        assert.equal(t.findExact('k', 'v1'), -1);
        assert.equal(t.findExact('k', 'v2'), 1);
        t.insert('z', 'x'.repeat(40)); // 73: evicts 1 and 2
        assert.equal(t.findName('k'), -1);
        assert.equal(t.findExact('z', 'x'.repeat(40)), 3);
    });
    test('many insertions keep indexes consistent through internal compaction', () => {
        const t = new DynamicTable({ indexed: true });
        t.setCapacity(400);
        for (let i = 0; i < 1000; i++)
            t.insert('n', String(i));
        for (let abs = t.droppedCount; abs < t.insertCount; abs++)
            assert.equal(t.get(abs)?.value, String(abs));
        assert.equal(t.findExact('n', '999'), 999);
        assert.ok(t.size <= 400);
    });
});
//# sourceMappingURL=dynamic-table.test.js.map