package org.steward.identity.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PostgreSQL block-window deleter without a database: the SQL it builds, its windows and its cursor. */
class BlockWindowDeleterTest {

    @Test
    void theStatementDeletesOneWindowOfBlocksWithTheFilterAndNumberedParameters() {
        BlockWindowDeleter.Delete fixed = new BlockWindowDeleter.Delete("identity_personal_record", null,
                "r.category = ? AND r.obtained_at < ? AND r.tenant_id NOT IN (?, ?)",
                List.of("FEEDBACK", OffsetDateTime.MIN, "t-1", "t-2"));
        assertThat(fixed.sql(0, 35)).isEqualTo("DELETE FROM identity_personal_record r"
                + " WHERE r.ctid >= CAST('(0,0)' AS tid) AND r.ctid < CAST('(35,0)' AS tid)"
                + " AND r.category = ?1 AND r.obtained_at < ?2 AND r.tenant_id NOT IN (?3, ?4)");

        BlockWindowDeleter.Delete joined = new BlockWindowDeleter.Delete("identity_personal_record",
                "identity_subject s", "s.id = r.subject_id AND r.category = ? AND s.updated_at < ?", List.of("A", "B"));
        assertThat(joined.sql(120, 4000)).isEqualTo("DELETE FROM identity_personal_record r USING identity_subject s"
                + " WHERE r.ctid >= CAST('(120,0)' AS tid) AND r.ctid < CAST('(4000,0)' AS tid)"
                + " AND s.id = r.subject_id AND r.category = ?1 AND s.updated_at < ?2");
        assertThat(BlockWindowDeleter.numbered("a = ? AND b IN (?, ?)")).isEqualTo("a = ?1 AND b IN (?2, ?3)");
    }

    @Test
    void theFirstWindowAssumesFullPagesAndTheNextOnesFollowTheDensitySeen() {
        Table table = new Table(1000, 10); // 10 matching rows in every block
        BlockWindowDeleter.Chunk chunk = BlockWindowDeleter.chunk(BlockWindowDeleter.Cursor.START, 1000, 500,
                table::delete);
        // 500 / 291 → 2 blocks (20 rows), then (480 / 10) = 48 blocks: 500 rows in two statements.
        assertThat(table.windows).containsExactly(new long[]{0, 2}, new long[]{2, 50});
        assertThat(chunk.deleted()).isEqualTo(500);
        assertThat(chunk.finished()).isFalse();
        assertThat(chunk.next()).isEqualTo(new BlockWindowDeleter.Cursor(50, 10.0));

        // The next chunk starts where this one ended, at the density it saw.
        table.windows.clear();
        BlockWindowDeleter.Chunk next = BlockWindowDeleter.chunk(chunk.next(), 1000, 500, table::delete);
        assertThat(table.windows).containsExactly(new long[]{50, 100});
        assertThat(next.deleted()).isEqualTo(500);
    }

    @Test
    void aChunkThatReachesTheEndOfTheTableIsFinishedWithFewerRows() {
        Table table = new Table(30, 10);
        BlockWindowDeleter.Chunk chunk = BlockWindowDeleter.chunk(new BlockWindowDeleter.Cursor(20, 10), 30, 500,
                table::delete);
        assertThat(table.windows).containsExactly(new long[]{20, 30});
        assertThat(chunk.deleted()).isEqualTo(100);
        assertThat(chunk.finished()).isTrue();
        assertThat(chunk.next().block()).isEqualTo(30);
        assertThat(BlockWindowDeleter.chunk(BlockWindowDeleter.Cursor.START, 0, 500, table::delete))
                .as("an empty table").isEqualTo(new BlockWindowDeleter.Chunk(0, BlockWindowDeleter.Cursor.START, true));
    }

    @Test
    void emptyBlocksWidenTheNextWindowUpToOneBlockPerMissingRow() {
        Table table = new Table(1000, 0); // nothing matches...
        table.rowsFrom = 900;             // ...but one row in each of the last 100 blocks
        BlockWindowDeleter.Chunk chunk = BlockWindowDeleter.chunk(BlockWindowDeleter.Cursor.START, 1000, 10,
                table::delete);
        List<Long> sizes = table.windows.stream().map(w -> w[1] - w[0]).toList();
        // The density halves after every empty window (291, 145.5, 72.8...), down to one row per block.
        assertThat(sizes.subList(0, 10)).containsExactly(1L, 1L, 1L, 1L, 1L, 2L, 3L, 5L, 9L, 10L);
        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1L, 10L));
        assertThat(chunk.deleted()).isEqualTo(10);
        assertThat(chunk.next()).isEqualTo(new BlockWindowDeleter.Cursor(910, 1.0));
        assertThat(chunk.finished()).isFalse();
    }

    @Test
    void theCursorMovesOnlyWhenTheChunkCommittedAndGoesWhenTheSweepIsOver() {
        Map<String, BlockWindowDeleter.Cursor> cursors = new HashMap<>();
        BlockWindowDeleter.Cursor at50 = new BlockWindowDeleter.Cursor(50, 10);
        BlockWindowDeleter.Chunk more = new BlockWindowDeleter.Chunk(500, at50, false);

        BlockWindowDeleter.advance(cursors, "e1", more, false);
        assertThat(cursors).as("rolled back: the next chunk starts again from the start").isEmpty();
        BlockWindowDeleter.advance(cursors, "e1", more, true);
        assertThat(cursors).containsEntry("e1", at50);
        BlockWindowDeleter.advance(cursors, "e1", new BlockWindowDeleter.Chunk(3, at50, true), true);
        assertThat(cursors).as("finished").doesNotContainKey("e1");

        for (int i = 0; i <= BlockWindowDeleter.MAX_CURSORS; i++) {
            cursors.put("abandoned-" + i, at50);
        }
        BlockWindowDeleter.advance(cursors, "e2", more, true);
        assertThat(cursors).as("abandoned sweeps are dropped").containsOnlyKeys("e2");
    }

    /** A heap of {@code blocks} blocks with {@code perBlock} matching rows each (from {@code rowsFrom} on). */
    private static final class Table {

        final long blocks;
        final long perBlock;
        long rowsFrom;
        final List<long[]> windows = new ArrayList<>();

        Table(long blocks, long perBlock) {
            this.blocks = blocks;
            this.perBlock = perBlock;
        }

        long delete(long from, long to) {
            windows.add(new long[]{from, to});
            if (perBlock > 0) {
                return (to - from) * perBlock;
            }
            long start = Math.max(from, rowsFrom);
            return Math.max(0, to - start);
        }
    }
}
